"""Every write of development plans and course assignments. Keyword-only, atomic, checked, safe to replay."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.selectors.summary import EnrollmentSource as Source
from learning.services import enrollment_create
from performance.access import can_assess, own_employee
from performance.models import Assessment, Employee, PerformancePeriod, StandardRating
from portal import dates

from . import notices, reads, rules
from .models import ActionEvidence, CourseAssignment, DevelopmentPlan, PlanAction, PlanGoal


def may_write_plan(user, employee: Employee) -> bool:
    """The direct supervisor writes an employee's plan (the assessor is the direct supervisor)."""
    return can_assess(user, employee)


def _locked_plan(plan: DevelopmentPlan) -> DevelopmentPlan:
    return DevelopmentPlan.objects.select_for_update().select_related("employee", "period").get(pk=plan.pk)


def _require_writer(actor, plan: DevelopmentPlan) -> None:
    if not may_write_plan(actor, plan.employee):
        raise PermissionDenied


def _require_open(plan: DevelopmentPlan) -> None:
    if not plan.is_open:
        raise ValidationError(_("Rencana ini sudah selesai atau ditutup; tidak dapat diubah lagi."))


def latest_assessment(employee: Employee) -> Assessment | None:
    """The employee's latest submitted (current) assessment: what a plan is made from."""
    return (
        Assessment.objects.filter(
            employee=employee,
            is_current=True,
            status__in=[Assessment.Status.SUBMITTED, Assessment.Status.ACKNOWLEDGED],
        )
        .select_related("period")
        .order_by("-period__end_date", "-revision")
        .first()
    )


# --- Plans -----------------------------------------------------------------------------------------------


@transaction.atomic
def plan_create(*, actor, employee: Employee, period: PerformancePeriod, note: str = "") -> DevelopmentPlan:
    """Start a draft plan for a direct report in an open period; an open plan that exists is returned (double
    click). The plan is made from the latest submitted assessment."""
    if not may_write_plan(actor, employee):
        raise PermissionDenied
    period = PerformancePeriod.objects.get(pk=period.pk)
    if not period.is_open:
        raise ValidationError(_("Periode %(p)s sudah ditutup.") % {"p": period})
    Employee.objects.select_for_update().filter(pk=employee.pk).values_list("pk", flat=True).first()
    existing = DevelopmentPlan.objects.filter(
        employee=employee, period=period, status__in=[DevelopmentPlan.Status.DRAFT, DevelopmentPlan.Status.ACTIVE]
    ).first()
    if existing is not None:
        return existing
    plan = DevelopmentPlan(
        employee=employee,
        period=period,
        author=own_employee(actor),
        source_assessment=latest_assessment(employee),
        note=note.strip(),
    )
    plan.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:
        return DevelopmentPlan.objects.get(
            employee=employee, period=period, status__in=[DevelopmentPlan.Status.DRAFT, DevelopmentPlan.Status.ACTIVE]
        )
    return plan


def _baseline(plan: DevelopmentPlan, standard_code: str) -> int | None:
    if not plan.source_assessment_id:
        return None
    return (
        StandardRating.objects.filter(assessment_id=plan.source_assessment_id, standard_code=standard_code)
        .values_list("rating", flat=True)
        .first()
    )


def _goal_errors(*, target: str, value_code: str, values: dict) -> dict[str, str]:
    """What is wrong with a goal's target and BerAKHLAK value (adding and changing a goal alike)."""
    errors: dict[str, str] = {}
    if value_code and value_code not in values:
        errors["value_code"] = _("Nilai BerAKHLAK tidak dikenal.")
    if not target.strip():
        errors["target"] = _("Tuliskan target sasaran ini.")
    return errors


@transaction.atomic
def goal_add(*, actor, plan: DevelopmentPlan, standard_code: str, target: str, value_code: str = "") -> PlanGoal:
    """Add a goal tied to a published standard (and optionally a BerAKHLAK value)."""
    plan = _locked_plan(plan)
    _require_writer(actor, plan)
    _require_open(plan)
    titles = dict(reads.standards())
    errors: dict[str, str] = {}
    if not standard_code:
        errors["standard_code"] = _("Pilih standar kinerja untuk sasaran ini.")
    elif standard_code not in titles:
        errors["standard_code"] = _("Standar ini tidak dikenal atau belum terbit.")
    values = dict(reads.core_values())
    errors.update(_goal_errors(target=target, value_code=value_code, values=values))
    if errors:
        raise ValidationError(errors)
    existing = plan.goals.filter(standard_code=standard_code).first()
    if existing is not None:
        raise ValidationError({"standard_code": _("Rencana ini sudah punya sasaran untuk standar tersebut.")})
    goal = PlanGoal(
        plan=plan,
        standard_code=standard_code,
        standard_title=titles[standard_code],
        value_code=value_code,
        value_name=values.get(value_code, ""),
        target=target.strip(),
        baseline_rating=_baseline(plan, standard_code),
    )
    goal.full_clean()
    goal.save()
    return goal


def _enroll_for_action(action: PlanAction, plan: DevelopmentPlan, assigned_by) -> None:
    user = plan.employee.user
    if user is None or action.course_id is None:
        return
    enrollment_create(
        user=user,
        course=action.course,
        source=Source.PLAN,
        due_date=action.due_date,
        assigned_by=assigned_by,
    )


@transaction.atomic
def action_add(
    *,
    actor,
    goal: PlanGoal,
    kind: str,
    due_date: dt.date | None,
    title: str = "",
    description: str = "",
    course_id: int | None = None,
) -> PlanAction:
    """Add an action to a goal. A course action in an active plan enrolls the employee at once (source: plan,
    the action's due date); in a draft, when the plan is activated."""
    plan = _locked_plan(goal.plan)
    _require_writer(actor, plan)
    _require_open(plan)
    errors: dict[str, str] = {}
    if kind not in PlanAction.Kind.values:
        errors["kind"] = _("Jenis langkah tidak dikenal.")
    problem = rules.due_date_problem(due_date, today=dates.today(), period_end=plan.period.end_date)
    if problem:
        errors["due_date"] = problem
    course = None
    if kind == PlanAction.Kind.COURSE:
        course = reads.live_course(course_id)
        if course is None:
            errors["course_id"] = _("Pilih kursus yang sudah terbit.")
        elif goal.actions.filter(course=course).exists():
            errors["course_id"] = _("Kursus ini sudah ada dalam sasaran tersebut.")
        title = title.strip() or (course.title if course else "")
    elif not title.strip():
        errors["title"] = _("Tuliskan judul langkah ini.")
    if errors:
        raise ValidationError(errors)
    action = PlanAction(
        goal=goal,
        kind=kind,
        title=title.strip()[:200],
        description=description.strip(),
        course=course,
        due_date=due_date,
    )
    action.full_clean(validate_constraints=False)
    action.save()
    if plan.status == DevelopmentPlan.Status.ACTIVE:
        _enroll_for_action(action, plan, actor)
    return action


@transaction.atomic
def suggestion_apply(*, actor, plan: DevelopmentPlan, standard_code: str) -> PlanGoal:
    """Take a suggestion: a goal for a weak standard with one course action per published course targeting it,
    due at the end of the period. Taking it twice gives the same goal."""
    plan = _locked_plan(plan)
    _require_writer(actor, plan)
    _require_open(plan)
    goal = plan.goals.filter(standard_code=standard_code).first()
    if goal is None:
        goal = goal_add(
            actor=actor,
            plan=plan,
            standard_code=standard_code,
            target=_("Naik menjadi Sesuai ekspektasi pada penilaian berikutnya"),
        )
    due = plan.period.end_date
    if due < dates.today():
        raise ValidationError(_("Periode rencana ini sudah berakhir."))
    existing = set(goal.actions.filter(course__isnull=False).values_list("course_id", flat=True))
    for course in reads.published_courses_for_standards([standard_code]).get(standard_code, []):
        if course.pk not in existing:
            action_add(actor=actor, goal=goal, kind=PlanAction.Kind.COURSE, due_date=due, course_id=course.pk)
    return goal


@transaction.atomic
def plan_activate(*, actor, plan: DevelopmentPlan) -> DevelopmentPlan:
    """Draft → active: the employee is asked to read and acknowledge it; course actions enroll the employee."""
    plan = _locked_plan(plan)
    _require_writer(actor, plan)
    if plan.status == DevelopmentPlan.Status.ACTIVE:
        return plan  # double click
    if not rules.may_transition(plan.status, rules.PlanStatus.ACTIVE):
        raise ValidationError(_("Rencana ini tidak dapat diaktifkan lagi."))
    actions = list(PlanAction.objects.filter(goal__plan=plan).select_related("course"))
    if not actions:
        raise ValidationError(_("Tambahkan minimal satu sasaran dengan satu langkah sebelum mengaktifkan rencana."))
    plan.status = DevelopmentPlan.Status.ACTIVE
    plan.activated_at = timezone.now()
    plan.full_clean(validate_constraints=False)
    plan.save(update_fields=["status", "activated_at", "updated_at"])
    for action in actions:
        if action.kind == PlanAction.Kind.COURSE:
            _enroll_for_action(action, plan, actor)
    notices.plan_to_acknowledge(plan)
    return plan


@transaction.atomic
def plan_acknowledge(*, actor, plan: DevelopmentPlan, comment: str = "") -> DevelopmentPlan:
    """The employee reads the active plan and acknowledges it, optionally with a comment (once)."""
    plan = _locked_plan(plan)
    if plan.employee.user_id != actor.pk:
        raise PermissionDenied
    if plan.acknowledged_at is not None:
        return plan  # double click: the first acknowledgement stands
    if plan.status != DevelopmentPlan.Status.ACTIVE:
        raise ValidationError(_("Hanya rencana yang aktif yang dapat Anda konfirmasi."))
    plan.acknowledged_at = timezone.now()
    plan.acknowledgement = comment.strip()
    plan.full_clean(validate_constraints=False)
    plan.save(update_fields=["acknowledged_at", "acknowledgement", "updated_at"])
    return plan


@transaction.atomic
def plan_finish(*, actor, plan: DevelopmentPlan, status: str, note: str = "") -> DevelopmentPlan:
    """Active → completed (every action done), or draft/active → closed (with a note saying why)."""
    from .selectors import plan_progress

    plan = _locked_plan(plan)
    _require_writer(actor, plan)
    if plan.status == status:
        return plan
    if status not in (DevelopmentPlan.Status.COMPLETED, DevelopmentPlan.Status.CLOSED) or not rules.may_transition(
        plan.status, status
    ):
        raise ValidationError(_("Perubahan status ini tidak diizinkan."))
    if status == DevelopmentPlan.Status.COMPLETED and plan_progress(plan) < 100:
        raise ValidationError(
            _("Rencana baru dapat diselesaikan bila semua langkah sudah tuntas; tutup saja bila tidak dilanjutkan.")
        )
    if status == DevelopmentPlan.Status.CLOSED and not note.strip():
        raise ValidationError({"note": _("Tuliskan alasan menutup rencana ini.")})
    plan.status = status
    plan.finished_at = timezone.now()
    plan.closing_note = note.strip()
    plan.full_clean(validate_constraints=False)
    plan.save(update_fields=["status", "finished_at", "closing_note", "updated_at"])
    return plan


@transaction.atomic
def plan_reopen(*, actor, plan: DevelopmentPlan) -> DevelopmentPlan:
    """Completed or closed → active again (a plan finished by mistake), while its period runs and no other open
    plan exists for the employee and period. The employee is asked to read it again."""
    plan = _locked_plan(plan)
    _require_writer(actor, plan)
    if plan.status == DevelopmentPlan.Status.ACTIVE:
        return plan  # double click
    if plan.status not in (DevelopmentPlan.Status.COMPLETED, DevelopmentPlan.Status.CLOSED):
        raise ValidationError(_("Hanya rencana yang selesai atau ditutup yang dapat dibuka kembali."))
    if plan.period.end_date < dates.today():
        raise ValidationError(_("Periode rencana ini sudah berakhir; susun rencana baru untuk periode berikutnya."))
    others = DevelopmentPlan.objects.filter(employee_id=plan.employee_id, period_id=plan.period_id)
    if others.exclude(pk=plan.pk).filter(status__in=(plan.Status.DRAFT, plan.Status.ACTIVE)).exists():
        raise ValidationError(_("Pegawai ini sudah punya rencana yang terbuka untuk periode ini."))
    plan.status = DevelopmentPlan.Status.ACTIVE
    plan.finished_at = None
    plan.acknowledged_at = None
    plan.activated_at = plan.activated_at or timezone.now()
    plan.full_clean(validate_constraints=False)
    plan.save(update_fields=["status", "finished_at", "acknowledged_at", "activated_at", "updated_at"])
    notices.plan_changed(plan)
    return plan


def _changed(plan: DevelopmentPlan) -> None:
    """An active plan changed after the employee confirmed it: they are asked to read and confirm it again."""
    if plan.status != DevelopmentPlan.Status.ACTIVE or plan.acknowledged_at is None:
        return
    plan.acknowledged_at = None
    plan.save(update_fields=["acknowledged_at", "updated_at"])
    notices.plan_changed(plan)


def _has_evidence(actions) -> bool:
    return ActionEvidence.objects.filter(action__in=actions).exists()


@transaction.atomic
def goal_update(*, actor, goal: PlanGoal, target: str, value_code: str = "") -> PlanGoal:
    """Change a goal's target or BerAKHLAK value (its standard stays: remove the goal to change it)."""
    plan = _locked_plan(goal.plan)
    _require_writer(actor, plan)
    _require_open(plan)
    goal = PlanGoal.objects.select_for_update().get(pk=goal.pk, plan=plan)
    values = dict(reads.core_values())
    errors = _goal_errors(target=target, value_code=value_code, values=values)
    if errors:
        raise ValidationError(errors)
    if (goal.target, goal.value_code) == (target.strip(), value_code):
        return goal  # nothing changed (a double click)
    goal.target, goal.value_code, goal.value_name = target.strip(), value_code, values.get(value_code, "")
    goal.full_clean()
    goal.save(update_fields=["target", "value_code", "value_name"])
    _changed(plan)
    return goal


@transaction.atomic
def goal_remove(*, actor, goal: PlanGoal) -> None:
    """Remove a goal with its actions, unless evidence was handed in for one of them (that record stays).
    Courses it enrolled the employee in stay in their learning records."""
    plan = _locked_plan(goal.plan)
    _require_writer(actor, plan)
    _require_open(plan)
    if _has_evidence(PlanAction.objects.filter(goal_id=goal.pk)):
        raise ValidationError(_("Sasaran ini sudah punya bukti dari pegawai dan tidak dapat dihapus."))
    PlanGoal.objects.filter(pk=goal.pk, plan=plan).delete()
    _changed(plan)


@transaction.atomic
def action_update(
    *, actor, action: PlanAction, due_date: dt.date | None, title: str = "", description: str = ""
) -> PlanAction:
    """Change an action's due date, title or description (its kind and course stay). An earlier due date of a
    course action moves the plan enrolment's due date too; a later one leaves it (a due date never moves later)."""
    plan = _locked_plan(action.goal.plan)
    _require_writer(actor, plan)
    _require_open(plan)
    action = (
        PlanAction.objects.select_for_update(of=("self",)).select_related("course").get(pk=action.pk, goal__plan=plan)
    )
    errors: dict[str, str] = {}
    problem = rules.due_date_problem(due_date, today=dates.today(), period_end=plan.period.end_date)
    if problem:
        errors["due_date"] = problem
    title = title.strip() or (action.course.title if action.course_id else "")
    if not title:
        errors["title"] = _("Tuliskan judul langkah ini.")
    if errors:
        raise ValidationError(errors)
    if (action.due_date, action.title, action.description) == (due_date, title[:200], description.strip()):
        return action
    action.due_date, action.title, action.description = due_date, title[:200], description.strip()
    action.full_clean(validate_constraints=False)
    action.save(update_fields=["due_date", "title", "description"])
    if plan.status == DevelopmentPlan.Status.ACTIVE and action.kind == PlanAction.Kind.COURSE:
        _enroll_for_action(action, plan, actor)
    _changed(plan)
    return action


@transaction.atomic
def action_remove(*, actor, action: PlanAction) -> None:
    """Remove an action unless the employee handed in evidence for it."""
    plan = _locked_plan(action.goal.plan)
    _require_writer(actor, plan)
    _require_open(plan)
    if _has_evidence([action.pk]):
        raise ValidationError(_("Langkah ini sudah punya bukti dari pegawai dan tidak dapat dihapus."))
    PlanAction.objects.filter(pk=action.pk, goal__plan=plan).delete()
    _changed(plan)


# --- Evidence --------------------------------------------------------------------------------------------


@transaction.atomic
def evidence_submit(*, actor, action: PlanAction, note: str, upload=None) -> ActionEvidence:
    """The employee hands in evidence for an on-the-job or coaching action of their active plan."""
    action = PlanAction.objects.select_for_update().select_related("goal__plan__employee").get(pk=action.pk)
    plan = action.goal.plan
    if plan.employee.user_id != actor.pk:
        raise PermissionDenied
    if plan.status != DevelopmentPlan.Status.ACTIVE:
        raise ValidationError(_("Bukti hanya dapat dikirim untuk rencana yang aktif."))
    if action.kind == PlanAction.Kind.COURSE:
        raise ValidationError(_("Kemajuan kursus tercatat sendiri dari rekam belajar; tidak perlu bukti."))
    live = action.evidence.filter(status__in=[ActionEvidence.Status.PENDING, ActionEvidence.Status.ACCEPTED]).first()
    if live is not None:
        if live.status == ActionEvidence.Status.ACCEPTED:
            raise ValidationError(_("Bukti untuk langkah ini sudah diterima."))
        raise ValidationError(_("Bukti sebelumnya masih menunggu tinjauan atasan."))
    if not note.strip():
        raise ValidationError({"note": _("Tuliskan catatan singkat tentang apa yang sudah dikerjakan.")})
    evidence = ActionEvidence(action=action, note=note.strip(), submitted_by=actor)
    if upload is not None:
        head = upload.read(16)
        upload.seek(0)
        problem = rules.evidence_problem(name=upload.name, size=upload.size, head=head)
        if problem:
            raise ValidationError({"file": problem})
        evidence.original_name = upload.name[-200:]
        evidence.file.save(upload.name, upload, save=False)
    evidence.full_clean(validate_constraints=False)
    evidence.save()
    notices.evidence_to_review(evidence)
    return evidence


@transaction.atomic
def evidence_review(*, actor, evidence: ActionEvidence, accept: bool, comment: str = "") -> ActionEvidence:
    """The supervisor accepts the evidence (the action is done) or sends it back with a comment."""
    evidence = (
        ActionEvidence.objects.select_for_update().select_related("action__goal__plan__employee").get(pk=evidence.pk)
    )
    plan = evidence.action.goal.plan
    _require_writer(actor, plan)
    if evidence.status != ActionEvidence.Status.PENDING:
        raise ValidationError(_("Bukti ini sudah ditinjau sebelumnya."))
    if not accept and not comment.strip():
        raise ValidationError({"comment": _("Tuliskan alasan bukti dikembalikan.")})
    now = timezone.now()
    evidence.status = ActionEvidence.Status.ACCEPTED if accept else ActionEvidence.Status.RETURNED
    evidence.reviewed_by, evidence.reviewed_at, evidence.review_comment = actor, now, comment.strip()
    evidence.full_clean(validate_constraints=False)
    evidence.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
    if accept:
        PlanAction.objects.filter(pk=evidence.action_id).update(accepted_at=now)
    else:
        notices.evidence_returned(evidence)
    return evidence


# --- Course assignment ----------------------------------------------------------------------------------


@transaction.atomic
def course_assign(
    *, actor, employees: list[Employee], course_id, due_date: dt.date | None, note: str = ""
) -> list[CourseAssignment]:
    """Assign a published course to one or more direct reports with a due date: each is enrolled (source
    "assigned") and notified once. Assigning again changes nothing, except that an earlier due date wins."""
    errors: dict[str, str] = {}
    if not employees:
        errors["members"] = _("Pilih minimal satu anggota tim.")
    if any(not may_write_plan(actor, e) for e in employees):
        raise PermissionDenied
    course = reads.live_course(course_id)
    if course is None:
        errors["course"] = _("Pilih kursus yang sudah terbit.")
    if due_date is None:
        errors["due_date"] = _("Tenggat wajib diisi.")
    elif due_date < dates.today():
        errors["due_date"] = _("Tenggat tidak boleh di masa lalu.")
    if errors:
        raise ValidationError(errors)
    me = own_employee(actor)
    result = []
    for employee in sorted(employees, key=lambda e: e.pk):
        assignment = CourseAssignment.objects.select_for_update().filter(employee=employee, course=course).first()
        if assignment is None:
            assignment = CourseAssignment(
                employee=employee, course=course, assigned_by=me, due_date=due_date, note=note.strip()[:300]
            )
            assignment.full_clean(validate_constraints=False)
            assignment.save()
        elif due_date < assignment.due_date:
            assignment.due_date = due_date
            assignment.save(update_fields=["due_date", "updated_at"])
        if employee.user_id:
            enrollment = enrollment_create(
                user=employee.user,
                course=course,
                source=Source.ASSIGNED,
                due_date=due_date,
                assigned_by=actor,
            )
            notices.course_assigned(assignment, enrollment)
        result.append(assignment)
    return result


# --- Due dates (daily task) -----------------------------------------------------------------------------------


def due_notices_send(*, today: dt.date | None = None) -> int:
    """Due-soon (7 days) and overdue notices for the actions of active plans and for assigned courses, to the
    employee. Each once per item and due date: the task may run twice, or late, and announces nothing twice."""
    today = today or dates.today()
    horizon = today + dt.timedelta(days=rules.DUE_SOON_DAYS)
    actions = list(
        PlanAction.objects.filter(
            goal__plan__status=DevelopmentPlan.Status.ACTIVE,
            goal__plan__employee__user__isnull=False,
            due_date__lte=horizon,
            accepted_at__isnull=True,
        ).select_related("goal__plan__employee__user")
    )
    assignments = list(
        CourseAssignment.objects.filter(due_date__lte=horizon, employee__user__isnull=False).select_related(
            "employee__user", "course"
        )
    )
    progress = reads.course_progress(
        [(a.goal.plan.employee.user_id, a.course_id) for a in actions if a.course_id]
        + [(a.employee.user_id, a.course_id) for a in assignments]
    )
    sent = 0
    for a in actions:
        user = a.goal.plan.employee.user
        if a.course_id and progress.get((user.pk, a.course_id), {}).get("done"):
            continue
        with transaction.atomic():
            sent += (
                notices.due(
                    user=user,
                    what="action",
                    key=str(a.pk),
                    title=a.title,
                    due_date=a.due_date,
                    link=reverse("development:my_plan", args=[a.goal.plan_id]) + f"#aksi-{a.pk}",
                    overdue=a.due_date < today,
                )
                is not None
            )
    for a in assignments:
        user = a.employee.user
        p = progress.get((user.pk, a.course_id), {})
        if p.get("done"):
            continue
        due = min(d for d in (a.due_date, p.get("due_date")) if d)
        if due > horizon:
            continue
        with transaction.atomic():
            sent += (
                notices.due(
                    user=user,
                    what="assignment",
                    key=str(a.pk),
                    title=a.course.title,
                    due_date=due,
                    link=a.course.url or "",
                    overdue=due < today,
                )
                is not None
            )
    return sent
