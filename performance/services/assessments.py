"""A supervisor's assessment of an employee for a period: drafts, submission, corrections as new revisions, the
employee's acknowledgement; each change writes its audit entry in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home.selectors import core_value_choices

from .. import rules
from ..access import can_assess, own_employee
from ..models import Assessment, AssessmentAuditEntry, CompetencyRating, Employee, PerformancePeriod, StandardRating


@dataclass
class AssessmentInput:
    """What a supervisor may type; there is deliberately no predikat here."""

    hasil_kerja: int | None = None
    perilaku_kerja: int | None = None
    berakhlak: list[str] | None = None
    summary: str = ""
    standards: list[dict] | None = None  # {"code", "title", "rating", "evidence"}
    competencies: list[dict] | None = None  # {"competency", "score", "reason"}


def _snapshot(assessment: Assessment) -> dict:
    return {
        "status": assessment.status,
        "hasil_kerja": assessment.hasil_kerja,
        "perilaku_kerja": assessment.perilaku_kerja,
        "predikat": assessment.predikat,
        "berakhlak": sorted(assessment.berakhlak or []),
        "summary": assessment.summary,
        "employee_response": assessment.employee_response,
        "standards": {s.standard_code: [s.rating, s.evidence] for s in assessment.standard_ratings.all()}
        if assessment.pk
        else {},
        "competencies": [[c.competency, c.score, c.reason] for c in assessment.competency_ratings.all()]
        if assessment.pk
        else [],
    }


def _diff(before: dict, after: dict) -> dict:
    return {key: [before.get(key), after[key]] for key in after if before.get(key) != after[key]}


def _audit(assessment: Assessment, actor, action: str, before: dict) -> None:
    after = _snapshot(assessment)
    AssessmentAuditEntry.objects.create(assessment=assessment, actor=actor, action=action, changes=_diff(before, after))


def _check_input(
    data: AssessmentInput, *, complete: bool, standards: list[tuple[str, str]], core_values: list[tuple[str, str]]
) -> None:
    errors: dict[str, list[str]] = {}
    valid_ratings = {int(r) for r in rules.Rating}
    for name in ("hasil_kerja", "perilaku_kerja"):
        value = getattr(data, name)
        if value is None:
            if complete:
                errors.setdefault(name, []).append(_("Wajib diisi sebelum diserahkan."))
        elif value not in valid_ratings:
            errors.setdefault(name, []).append(_("Penilaian tidak dikenal."))
    unknown = set(data.berakhlak or []) - {code for code, _name in core_values}
    if unknown:
        errors.setdefault("berakhlak", []).append(_("Nilai BerAKHLAK tidak dikenal."))
    known_codes = {code for code, _title in standards}
    rated = {s["code"] for s in (data.standards or []) if s.get("rating")}
    for s in data.standards or []:
        if s["code"] not in known_codes:
            errors.setdefault("standards", []).append(_("Standar tidak dikenal."))
        if s.get("rating") and s["rating"] not in valid_ratings:
            errors.setdefault("standards", []).append(_("Penilaian standar tidak dikenal."))
        if not s.get("rating") and (s.get("evidence") or "").strip():
            # A draft keeps only rated standards: refuse rather than drop what was typed.
            errors.setdefault(f"std_{s['code']}_rating", []).append(
                _(
                    "%(title)s: bukti sudah diisi tetapi standarnya belum dinilai. Pilih penilaiannya (bukti tetap tersimpan di formulir)."
                )
                % {"title": s.get("title") or s["code"]}
            )
    if complete and known_codes - rated:
        errors.setdefault("standards", []).append(_("Setiap standar harus dinilai sebelum diserahkan."))
    for c in data.competencies or []:
        if not (rules.COMPETENCY_MIN <= int(c["score"]) <= rules.COMPETENCY_MAX):
            errors.setdefault("competencies", []).append(_("Nilai kompetensi harus 1–5."))
        if not c.get("reason", "").strip():
            errors.setdefault("competencies", []).append(_("Alasan nilai kompetensi wajib diisi."))
    if errors:
        raise ValidationError(errors)


def _write_children(assessment: Assessment, data: AssessmentInput, standards: list[tuple[str, str]]) -> None:
    titles = dict(standards)
    if data.standards is not None:
        assessment.standard_ratings.all().delete()
        StandardRating.objects.bulk_create(
            [
                StandardRating(
                    assessment=assessment,
                    standard_code=s["code"],
                    standard_title=titles.get(s["code"], s.get("title", s["code"])),
                    rating=s["rating"],
                    evidence=s.get("evidence", ""),
                )
                for s in data.standards
                if s.get("rating")
            ]
        )
    if data.competencies is not None:
        assessment.competency_ratings.all().delete()
        CompetencyRating.objects.bulk_create(
            [
                CompetencyRating(
                    assessment=assessment, competency=c["competency"], score=c["score"], reason=c["reason"]
                )
                for c in data.competencies
            ]
        )


def _current_for_update(employee: Employee, period: PerformancePeriod) -> Assessment | None:
    return Assessment.objects.select_for_update().filter(employee=employee, period=period, is_current=True).first()


def _lock_employee(employee: Employee) -> None:
    # Serialises concurrent saves for one employee (double submit, two tabs).
    Employee.objects.select_for_update().filter(pk=employee.pk).values_list("pk", flat=True).first()


@transaction.atomic
def assessment_save(
    *,
    actor,
    employee: Employee,
    period: PerformancePeriod,
    data: AssessmentInput,
    standards: list[tuple[str, str]],
    core_values: list[tuple[str, str]] | None = None,
    submit: bool = False,
) -> Assessment:
    """Save the supervisor's draft for an open period and, when asked, submit it (predikat computed here).

    A submitted assessment is never edited in place: a correction opens a new revision (`assessment_correct`).
    Submitting twice leaves the first submission as it was. `standards` and `core_values` are the (code, name)
    lists the form offered (`home.selectors`); the BerAKHLAK values are read here when not given.
    """
    if not can_assess(actor, employee):
        raise PermissionDenied
    period = PerformancePeriod.objects.get(pk=period.pk)
    if not period.is_open:
        raise ValidationError(_("Periode %(p)s sudah ditutup.") % {"p": period})
    _lock_employee(employee)
    assessment = _current_for_update(employee, period)
    if assessment is not None and assessment.status != Assessment.Status.DRAFT:
        if submit:
            return assessment  # double submit: already done, nothing twice
        raise ValidationError(_("Penilaian ini sudah diserahkan; gunakan koreksi untuk membuat revisi baru."))
    if core_values is None:
        core_values = core_value_choices()
    _check_input(data, complete=submit, standards=standards, core_values=core_values)
    assessor = own_employee(actor)
    created = assessment is None
    if created:
        assessment = Assessment(employee=employee, period=period, assessor=assessor, revision=1)
    before = _snapshot(assessment) if not created else {}
    assessment.assessor = assessor
    assessment.hasil_kerja = data.hasil_kerja
    assessment.perilaku_kerja = data.perilaku_kerja
    assessment.berakhlak = sorted(set(data.berakhlak or []))
    assessment.summary = data.summary
    assessment.predikat = None
    if submit:
        assessment.predikat = int(rules.predikat(data.hasil_kerja, data.perilaku_kerja))
        assessment.status = Assessment.Status.SUBMITTED
        assessment.submitted_at = timezone.now()
    assessment.full_clean()
    try:
        with transaction.atomic():
            assessment.save()
    except IntegrityError as exc:
        raise ValidationError(_("Penilaian ini baru saja diubah oleh orang lain; muat ulang halaman.")) from exc
    _write_children(assessment, data, standards)
    action = "created" if created else "updated"
    if submit:
        action = "submitted"
    _audit(assessment, actor, action, before)
    if submit:
        _notify_submitted(assessment)
    return assessment


ASSESSMENT_SUBMITTED = "performance.assessment_submitted"


def _notify_submitted(assessment: Assessment) -> None:
    """The employee is asked to read and respond: one notice (and mail) per submitted revision."""
    from django.urls import reverse
    from django.utils.translation import gettext_lazy

    from portal.notifications.services import notify

    user = assessment.employee.user
    if user is None:
        return
    notify(
        recipient=user,
        kind=ASSESSMENT_SUBMITTED,
        event_key=f"assessment-submitted:{assessment.pk}",
        title=gettext_lazy("Penilaian kinerja Anda telah dikirim, silakan baca dan tanggapi"),
        body=gettext_lazy("Penilaian periode %(period)s oleh %(assessor)s."),
        params={"period": str(assessment.period), "assessor": assessment.assessor.full_name},
        link=reverse("performance:assessment", args=[assessment.pk]),
    )


@transaction.atomic
def assessment_correct(*, actor, assessment: Assessment) -> Assessment:
    """Open a new draft revision of a submitted assessment; the submitted one is kept unchanged."""
    if not can_assess(actor, assessment.employee):
        raise PermissionDenied
    if not assessment.period.is_open:
        raise ValidationError(_("Periode %(p)s sudah ditutup.") % {"p": assessment.period})
    _lock_employee(assessment.employee)
    old = _current_for_update(assessment.employee, assessment.period)
    if old is None:
        raise ValidationError(_("Belum ada penilaian untuk dikoreksi."))
    if old.status == Assessment.Status.DRAFT:
        return old  # a correction is already open: clicking twice opens one
    old.is_current = False
    old.save(update_fields=["is_current", "updated_at"])
    new = Assessment(
        employee=old.employee,
        period=old.period,
        assessor=own_employee(actor),
        revision=old.revision + 1,
        supersedes=old,
        hasil_kerja=old.hasil_kerja,
        perilaku_kerja=old.perilaku_kerja,
        berakhlak=list(old.berakhlak),
        summary=old.summary,
    )
    new.full_clean()
    new.save()
    StandardRating.objects.bulk_create(
        [
            StandardRating(
                assessment=new,
                standard_code=s.standard_code,
                standard_title=s.standard_title,
                rating=s.rating,
                evidence=s.evidence,
            )
            for s in old.standard_ratings.all()
        ]
    )
    CompetencyRating.objects.bulk_create(
        [
            CompetencyRating(assessment=new, competency=c.competency, score=c.score, reason=c.reason)
            for c in old.competency_ratings.all()
        ]
    )
    _audit(new, actor, "correction_opened", {})
    AssessmentAuditEntry.objects.create(
        assessment=old, actor=actor, action="superseded", changes={"revisi_baru": [None, new.revision]}
    )
    return new


@transaction.atomic
def assessment_acknowledge(*, actor, assessment: Assessment, response: str = "") -> Assessment:
    """The assessed employee acknowledges a submitted assessment, optionally with a response."""
    # Lock in the one order every writer of an assessment uses (employee row, then assessment row), so an
    # acknowledgement racing a correction waits instead of deadlocking.
    employee_id = Assessment.objects.filter(pk=assessment.pk).values_list("employee_id", flat=True).get()
    Employee.objects.select_for_update().filter(pk=employee_id).values_list("pk", flat=True).first()
    assessment = Assessment.objects.select_for_update(of=("self",)).select_related("employee").get(pk=assessment.pk)
    if assessment.employee.user_id != actor.pk:
        raise PermissionDenied
    if assessment.status == Assessment.Status.ACKNOWLEDGED:
        return assessment  # double submit
    if assessment.status != Assessment.Status.SUBMITTED or not assessment.is_current:
        raise ValidationError(_("Hanya penilaian yang sudah diserahkan dan berlaku yang dapat diterima."))
    before = _snapshot(assessment)
    assessment.status = Assessment.Status.ACKNOWLEDGED
    assessment.employee_response = response.strip()
    assessment.acknowledged_at = timezone.now()
    assessment.full_clean()
    assessment.save()
    _audit(assessment, actor, "acknowledged", before)
    return assessment
