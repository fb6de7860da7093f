"""Every write of dialogues, team meetings and appreciation. Keyword-only, atomic, checked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home.selectors import core_value_choices
from performance.access import can_assess, own_employee, visible_employees
from performance.models import Assessment, AssessmentAuditEntry, Employee
from portal import dates
from portal.roles import is_leadership

from . import notices
from .models import (
    AgreedAction,
    Appreciation,
    AssessmentObjection,
    Dialogue,
    MeetingDecision,
    PreparationNote,
    TeamMeeting,
)


@dataclass
class FollowUp:
    description: str
    due_date: dt.date | None
    owner: str = ""  # dialogue: "employee" / "supervisor"; meeting: an employee's NIP


@dataclass
class DialogueInput:
    held_on: dt.date | None
    topics: str
    went_well: str = ""
    to_improve: str = ""
    next_date: dt.date | None = None
    actions: list[FollowUp] = field(default_factory=list)
    closed_action_ids: list[int] = field(default_factory=list)


def _check_followups(items: list[FollowUp], *, today: dt.date, owners: set[str]) -> list[str]:
    problems = []
    for item in items:
        if not item.description.strip():
            continue
        if item.owner not in owners:
            problems.append(_("Pilih penanggung jawab untuk “%(d)s”.") % {"d": item.description[:60]})
        if item.due_date is None:
            problems.append(_("Tenggat wajib diisi untuk “%(d)s”.") % {"d": item.description[:60]})
        elif item.due_date < today:
            problems.append(_("Tenggat “%(d)s” tidak boleh di masa lalu.") % {"d": item.description[:60]})
    return problems


def open_actions(employee: Employee):
    """Agreed actions of earlier dialogues with this employee that are not done: they carry over."""
    return AgreedAction.objects.filter(dialogue__employee=employee, done_at__isnull=True).select_related("dialogue")


@transaction.atomic
def dialogue_record(*, actor, employee: Employee, data: DialogueInput) -> Dialogue:
    """The supervisor records a dialogue with a direct report; open actions marked done are closed in it."""
    if not can_assess(actor, employee):
        raise PermissionDenied
    Employee.objects.select_for_update().filter(pk=employee.pk).values_list("pk", flat=True).first()
    today = dates.today()
    errors: dict[str, list[str]] = {}
    if data.held_on is None:
        errors.setdefault("held_on", []).append(_("Tanggal dialog wajib diisi."))
    elif data.held_on > today:
        errors.setdefault("held_on", []).append(
            _("Tanggal dialog tidak boleh di masa depan; catat setelah dialog berlangsung.")
        )
    if not data.topics.strip():
        errors.setdefault("topics", []).append(_("Tuliskan topik yang dibahas."))
    if data.next_date is not None and (data.next_date <= today or (data.held_on and data.next_date <= data.held_on)):
        errors.setdefault("next_date", []).append(_("Tanggal dialog berikutnya harus setelah hari ini."))
    problems = _check_followups(data.actions, today=today, owners=set(AgreedAction.Owner.values))
    if problems:
        errors["actions"] = problems
    if errors:
        raise ValidationError(errors)
    # A double-clicked submit: the same dialogue on the same day with the same topics is recorded once.
    same = Dialogue.objects.filter(employee=employee, held_on=data.held_on, topics=data.topics.strip()).first()
    if same is not None:
        return same
    dialogue = Dialogue(
        employee=employee,
        supervisor=own_employee(actor),
        held_on=data.held_on,
        topics=data.topics.strip(),
        went_well=data.went_well.strip(),
        to_improve=data.to_improve.strip(),
        next_date=data.next_date,
    )
    dialogue.full_clean()
    dialogue.save()
    if data.closed_action_ids:
        open_actions(employee).filter(pk__in=data.closed_action_ids).update(done_at=timezone.now(), closed_in=dialogue)
    AgreedAction.objects.bulk_create(
        [
            AgreedAction(dialogue=dialogue, description=a.description.strip()[:300], owner=a.owner, due_date=a.due_date)
            for a in data.actions
            if a.description.strip()
        ]
    )
    return dialogue


@transaction.atomic
def preparation_note_save(*, actor, employee: Employee, text: str) -> PreparationNote:
    """The direct supervisor keeps private notes to prepare the next dialogue (only they ever read them)."""
    if not can_assess(actor, employee):
        raise PermissionDenied
    text = text.strip()
    if len(text) > 4000:
        raise ValidationError({"text": _("Catatan persiapan paling panjang 4.000 karakter.")})
    note, _created = PreparationNote.objects.select_for_update().get_or_create(author=actor, employee=employee)
    if note.text != text:
        note.text = text
        note.save(update_fields=["text", "updated_at"])
    return note


@transaction.atomic
def dialogue_respond(*, actor, dialogue: Dialogue, response: str) -> Dialogue:
    """The employee adds a response to a dialogue about them (once; a second submit keeps the first)."""
    dialogue = Dialogue.objects.select_for_update(of=("self",)).select_related("employee").get(pk=dialogue.pk)
    if dialogue.employee.user_id != actor.pk:
        raise PermissionDenied
    if dialogue.responded_at is not None:
        return dialogue
    if not response.strip():
        raise ValidationError({"response": _("Tuliskan tanggapan Anda.")})
    dialogue.employee_response = response.strip()
    dialogue.responded_at = timezone.now()
    dialogue.full_clean()
    dialogue.save(update_fields=["employee_response", "responded_at"])
    return dialogue


def dialogue_reminders(*, today: dt.date | None = None) -> int:
    """A notice to both sides the day before a dialogue's next date (once per dialogue and date)."""
    today = today or dates.today()
    sent = 0
    tomorrow = today + dt.timedelta(days=1)
    for d in Dialogue.objects.filter(next_date=tomorrow).select_related("employee__user", "supervisor__user"):
        # Only the newest dialogue with the person announces the next one.
        if Dialogue.objects.filter(employee_id=d.employee_id, held_on__gt=d.held_on).exists():
            continue
        with transaction.atomic():
            for recipient, staff in ((d.employee.user, False), (d.supervisor.user, True)):
                if recipient is not None and notices.dialogue_tomorrow(d, recipient, staff=staff) is not None:
                    sent += 1
    return sent


# --- Team meetings -------------------------------------------------------------------------------------------


@dataclass
class MeetingInput:
    held_on: dt.date | None
    agenda: str
    achievements: str = ""
    problems: str = ""
    attendee_nips: list[str] = field(default_factory=list)
    decisions: list[FollowUp] = field(default_factory=list)
    closed_decision_ids: list[int] = field(default_factory=list)


def meeting_team(organiser: Employee) -> list[Employee]:
    """Who can attend an organiser's meeting: the organiser and their direct reports."""
    return [organiser] + list(organiser.direct_reports.filter(active=True).order_by("full_name"))


def open_decisions(unit_id: int):
    return MeetingDecision.objects.filter(meeting__unit_id=unit_id, done_at__isnull=True).select_related(
        "owner", "meeting"
    )


@transaction.atomic
def meeting_record(*, actor, data: MeetingInput) -> TeamMeeting:
    """A supervisor records a meeting of their unit's team; open decisions of earlier meetings may be closed."""
    me = own_employee(actor)
    if me is None or not me.direct_reports.exists():
        raise PermissionDenied
    today = dates.today()
    team = {e.nip: e for e in meeting_team(me)}
    errors: dict[str, list[str]] = {}
    if data.held_on is None:
        errors.setdefault("held_on", []).append(_("Tanggal pertemuan wajib diisi."))
    elif data.held_on > today:
        errors.setdefault("held_on", []).append(_("Tanggal pertemuan tidak boleh di masa depan."))
    if not data.agenda.strip():
        errors.setdefault("agenda", []).append(_("Tuliskan agenda pertemuan."))
    attendees = [team[n] for n in data.attendee_nips if n in team]
    if len(attendees) != len(set(data.attendee_nips)):
        errors.setdefault("attendees", []).append(_("Peserta hanya dari tim Anda."))
    if not attendees:
        errors.setdefault("attendees", []).append(_("Pilih peserta yang hadir."))
    problems = _check_followups(data.decisions, today=today, owners=set(team))
    if problems:
        errors["decisions"] = problems
    if errors:
        raise ValidationError(errors)
    same = TeamMeeting.objects.filter(
        unit=me.unit, organiser=me, held_on=data.held_on, agenda=data.agenda.strip()
    ).first()
    if same is not None:
        return same  # double submit
    meeting = TeamMeeting(
        unit=me.unit,
        organiser=me,
        held_on=data.held_on,
        agenda=data.agenda.strip(),
        achievements=data.achievements.strip(),
        problems=data.problems.strip(),
    )
    meeting.full_clean()
    meeting.save()
    meeting.attendees.set(attendees)
    if data.closed_decision_ids:
        open_decisions(me.unit_id).filter(pk__in=data.closed_decision_ids).update(
            done_at=timezone.now(), closed_in=meeting
        )
    MeetingDecision.objects.bulk_create(
        [
            MeetingDecision(
                meeting=meeting, description=d.description.strip()[:300], owner=team[d.owner], due_date=d.due_date
            )
            for d in data.decisions
            if d.description.strip()
        ]
    )
    return meeting


# --- Appreciation --------------------------------------------------------------------------------------------


def may_appreciate(user, employee: Employee) -> bool:
    """The direct supervisor, or a leader whose units include the employee."""
    if employee.user_id == user.pk:
        return False
    if can_assess(user, employee):
        return True
    return is_leadership(user) and visible_employees(user).filter(pk=employee.pk).exists()


@transaction.atomic
def appreciation_give(
    *, actor, employee: Employee, value_code: str, message: str, show_on_team: bool = False
) -> Appreciation:
    if not may_appreciate(actor, employee):
        raise PermissionDenied
    values = dict(core_value_choices())
    errors = {}
    if value_code not in values:
        errors["value_code"] = _("Pilih nilai BerAKHLAK yang ditunjukkan.")
    if not message.strip():
        errors["message"] = _("Tuliskan apresiasi Anda.")
    if errors:
        raise ValidationError(errors)
    recent = Appreciation.objects.filter(
        employee=employee,
        giver=actor,
        value_code=value_code,
        message=message.strip(),
        created_at__gte=timezone.now() - dt.timedelta(minutes=10),
    ).first()
    if recent is not None:
        return recent  # double submit
    me = own_employee(actor)
    item = Appreciation(
        employee=employee,
        giver=actor,
        giver_name=me.full_name if me else actor.display_name,
        value_code=value_code,
        value_name=values[value_code],
        message=message.strip(),
        show_on_team=show_on_team,
    )
    item.full_clean()
    item.save()
    notices.appreciation(item)
    return item


# --- Objections to an assessment (keberatan) ----------------------------------------------------------------


def objection_decider(assessment) -> Employee | None:
    """The assessor's own supervisor (atasan pejabat penilai)."""
    assessor = assessment.assessor
    return assessor.supervisor if assessor and assessor.supervisor_id else None


@transaction.atomic
def objection_file(*, actor, assessment, reason: str) -> AssessmentObjection:
    """The assessed employee objects to a submitted assessment, with a reason; it goes to the assessor's own
    supervisor. Once per assessment (a second submit returns the first)."""
    assessment = (
        Assessment.objects.select_for_update(of=("self",))
        .select_related("employee", "assessor__supervisor__user")
        .get(pk=assessment.pk)
    )
    if assessment.employee.user_id != actor.pk:
        raise PermissionDenied
    existing = AssessmentObjection.objects.filter(assessment=assessment).first()
    if existing is not None:
        return existing
    if assessment.status != Assessment.Status.SUBMITTED or not assessment.is_current:
        raise ValidationError(
            _("Keberatan hanya dapat diajukan atas penilaian yang sudah diserahkan dan belum Anda terima.")
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Tuliskan alasan keberatan Anda.")})
    decider = objection_decider(assessment)
    if decider is None:
        raise ValidationError(_("Pejabat penilai Anda belum memiliki atasan di data kepegawaian; hubungi BKPSDM."))
    objection = AssessmentObjection(
        assessment=assessment, employee=assessment.employee, decider=decider, reason=reason.strip()
    )
    objection.full_clean(validate_constraints=False)
    objection.save()
    AssessmentAuditEntry.objects.create(
        assessment=assessment,
        actor=actor,
        action="objection_filed",
        changes={"keberatan": [None, objection.reason], "diputuskan_oleh": [None, decider.full_name]},
    )
    notices.objection_to_decide(objection)
    return objection


@transaction.atomic
def objection_decide(*, actor, objection: AssessmentObjection, uphold: bool, note: str = "") -> AssessmentObjection:
    """The assessor's supervisor upholds the assessment or asks the assessor for a correction (who then opens a
    new revision through the existing correction flow). Decided once."""
    objection = (
        AssessmentObjection.objects.select_for_update(of=("self",))
        .select_related("decider", "employee__user", "assessment__assessor__user")
        .get(pk=objection.pk)
    )
    me = own_employee(actor)
    if me is None or me.pk != objection.decider_id:
        raise PermissionDenied
    if objection.status != AssessmentObjection.Status.PENDING:
        raise ValidationError(_("Keberatan ini sudah diputuskan."))
    if not note.strip():
        raise ValidationError({"note": _("Tuliskan pertimbangan keputusan Anda.")})
    objection.status = AssessmentObjection.Status.UPHELD if uphold else AssessmentObjection.Status.CORRECTION
    objection.decision_note = note.strip()
    objection.decided_at = timezone.now()
    objection.full_clean(validate_constraints=False)
    objection.save(update_fields=["status", "decision_note", "decided_at"])
    AssessmentAuditEntry.objects.create(
        assessment=objection.assessment,
        actor=actor,
        action="objection_upheld" if uphold else "objection_correction",
        changes={"keputusan_keberatan": [None, objection.decision_note]},
    )
    notices.objection_decided(objection)
    return objection
