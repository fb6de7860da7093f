"""Every write of the performance app: roster import, periods, assessments (with their audit trail)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allauth.account.models import EmailAddress

from portal.tasks import enqueue_on_commit

from . import rules
from .access import can_assess, own_employee
from .models import (
    Assessment,
    AssessmentAuditEntry,
    CompetencyRating,
    Employee,
    PerformancePeriod,
    StandardRating,
)
from .roster import Problem, RosterPreview, preview_file

INVITATION_BATCH = 500

# --- Roster import ------------------------------------------------------------------------------------------


@dataclass
class RosterResult:
    preview: RosterPreview
    applied: bool
    created: int = 0
    updated: int = 0
    deactivated: int = 0
    invited_user_ids: tuple[int, ...] = ()


def roster_import(
    *, data: bytes, filename: str, dry_run: bool = False, deactivate_missing: bool = False
) -> RosterResult:
    """Check a roster file and, unless it has problems or this is a dry run, apply it all-or-nothing.

    Rows are validated by the same rules as `Employee.clean()` in `roster.build_preview` (bulk writes skip
    `full_clean()` for speed; the database constraints back the rules up). Re-importing a file changes nothing.
    """
    try:
        with transaction.atomic():
            preview = preview_file(data, filename, deactivate_missing=deactivate_missing)
            if dry_run or not preview.ok:
                return RosterResult(preview=preview, applied=False)
            return _roster_apply(preview)
    except IntegrityError:
        # Another import (or an admin edit) wrote the same NIP or email meanwhile: nothing was applied.
        preview = RosterPreview(
            problems=[
                Problem(1, "", _("Data pegawai berubah bersamaan dengan impor ini; tidak ada yang diubah. Coba lagi."))
            ]
        )
        return RosterResult(preview=preview, applied=False)


def _roster_apply(preview: RosterPreview) -> RosterResult:
    User = get_user_model()
    now = timezone.now()
    existing = preview.existing
    users_by_email = dict(preview.users_by_email)

    # 1. Accounts for every resulting employee with an email and no account yet.
    needs_account = [r for r in preview.to_create if r.email] + [
        r for r, changes in preview.to_update if "akun" in changes
    ]
    new_users = [
        User(
            email=r.email,
            first_name=r.full_name[:150],
            # What make_password(None) returns, without its slow per-character random choice.
            password=UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30),
            is_active=True,
        )
        for r in needs_account
        if r.email not in users_by_email
    ]
    if new_users:
        User.objects.bulk_create(new_users, batch_size=1000)
        if new_users[0].pk is None:  # backends that do not return ids
            users_by_email.update(
                User.objects.filter(email__in=[u.email for u in new_users]).values_list("email", "id")
            )
        else:
            users_by_email.update({u.email: u.pk for u in new_users})
        EmailAddress.objects.bulk_create(
            [
                EmailAddress(user_id=users_by_email[u.email], email=u.email, verified=False, primary=True)
                for u in new_users
            ],
            batch_size=1000,
            ignore_conflicts=True,
        )
    invited = tuple(users_by_email[u.email] for u in new_users)

    # 2. New employees, bosses before their reports (level by level), so each row is inserted with its
    #    supervisor's id and no second pass over the new rows is needed.
    id_by_nip = {nip: e["id"] for nip, e in existing.items()}
    new_by_nip = {r.nip: r for r in preview.to_create}
    level: dict[str, int] = {}
    for r in preview.to_create:
        chain, nip = [], r.nip
        while nip in new_by_nip and nip not in level:  # loops were refused by the preview
            chain.append(nip)
            nip = new_by_nip[nip].supervisor_nip
        base = level.get(nip, -1) if nip in new_by_nip else -1
        for depth, item in enumerate(reversed(chain), start=base + 1):
            level[item] = depth
    created: list[Employee] = []
    for depth in sorted(set(level.values())):
        batch = [
            Employee(
                nip=r.nip,
                full_name=r.full_name,
                employment_type=r.employment_type,
                jabatan=r.jabatan,
                jabatan_kind=r.jabatan_kind,
                golongan=r.golongan,
                unit_id=r.unit_id,
                email=r.email,
                active=True,
                supervisor_id=id_by_nip[r.supervisor_nip] if r.supervisor_nip else None,
                user_id=users_by_email.get(r.email) if r.email else None,
            )
            for r in preview.to_create
            if level[r.nip] == depth
        ]
        Employee.objects.bulk_create(batch, batch_size=2000)
        if batch[0].pk is None:  # backends that do not return ids
            id_by_nip.update(Employee.objects.filter(nip__in=[e.nip for e in batch]).values_list("nip", "id"))
        else:
            id_by_nip.update({e.nip: e.pk for e in batch})
        created += batch

    # 3. Changed fields of existing employees.
    updates: list[Employee] = []
    for r, _changes in preview.to_update:
        current = existing[r.nip]
        updates.append(
            Employee(
                pk=current["id"],
                full_name=r.full_name,
                employment_type=r.employment_type,
                jabatan=r.jabatan,
                jabatan_kind=r.jabatan_kind,
                golongan=r.golongan,
                unit_id=r.unit_id,
                email=r.email,
                active=True,
                supervisor_id=id_by_nip.get(r.supervisor_nip) if r.supervisor_nip else None,
                user_id=current["user_id"] or (users_by_email.get(r.email) if r.email else None),
                updated_at=now,
            )
        )
    if updates:
        Employee.objects.bulk_update(
            updates,
            [
                "full_name",
                "employment_type",
                "jabatan",
                "jabatan_kind",
                "golongan",
                "unit_id",
                "email",
                "active",
                "supervisor_id",
                "user_id",
                "updated_at",
            ],
            batch_size=1000,
        )
    deactivated = 0
    if preview.to_deactivate:
        deactivated = Employee.objects.filter(pk__in=[d["id"] for d in preview.to_deactivate], active=True).update(
            active=False, updated_at=now
        )

    if invited:
        from .tasks import send_invitations

        for start in range(0, len(invited), INVITATION_BATCH):
            enqueue_on_commit(send_invitations, list(invited[start : start + INVITATION_BATCH]))
    return RosterResult(
        preview=preview,
        applied=True,
        created=len(created),
        updated=len(updates),
        deactivated=deactivated,
        invited_user_ids=invited,
    )


# --- Periods ---------------------------------------------------------------------------------------------


@transaction.atomic
def period_set_status(*, period: PerformancePeriod, status: str) -> PerformancePeriod:
    """HR opens or closes a period."""
    period = PerformancePeriod.objects.select_for_update().get(pk=period.pk)
    if status not in PerformancePeriod.Status.values:
        raise ValidationError(_("Status periode tidak dikenal."))
    period.status = status
    period.full_clean()
    period.save(update_fields=["status"])
    return period


@transaction.atomic
def period_create(*, year: int, kind: str, start_date, end_date, status: str = "closed") -> PerformancePeriod:
    period = PerformancePeriod(year=year, kind=kind, start_date=start_date, end_date=end_date, status=status)
    period.full_clean()
    period.save()
    return period


# --- Assessments -----------------------------------------------------------------------------------------


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


def _check_input(data: AssessmentInput, *, complete: bool, standards: list[tuple[str, str]]) -> None:
    errors: dict[str, list[str]] = {}
    valid_ratings = {int(r) for r in rules.Rating}
    for name in ("hasil_kerja", "perilaku_kerja"):
        value = getattr(data, name)
        if value is None:
            if complete:
                errors.setdefault(name, []).append(_("Wajib diisi sebelum diserahkan."))
        elif value not in valid_ratings:
            errors.setdefault(name, []).append(_("Penilaian tidak dikenal."))
    unknown = set(data.berakhlak or []) - rules.BERAKHLAK_CODES
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
    submit: bool = False,
) -> Assessment:
    """Save the supervisor's draft for an open period and, when asked, submit it (predikat computed here).

    A submitted assessment is never edited in place: a correction opens a new revision (`assessment_correct`).
    Submitting twice leaves the first submission as it was.
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
    _check_input(data, complete=submit, standards=standards)
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
    return assessment


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
