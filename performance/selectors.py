"""Reads of the performance app, each in a fixed number of queries whatever the data size."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from home.selectors import core_value_choices, standard_choices

from . import rules
from .access import visible_employees
from .models import Assessment, Employee, OrgUnit, PerformancePeriod

DONE = (Assessment.Status.SUBMITTED, Assessment.Status.ACKNOWLEDGED)


def assessment_standards() -> list[tuple[str, str]]:
    """The standards an assessment rates, as (`StandardPage.code`, title), read from `home`.

    Ratings store code and title, so a stored assessment does not depend on the pages afterwards.
    """
    return standard_choices()


def open_period() -> PerformancePeriod | None:
    """The open period that ends soonest (HR normally keeps one open)."""
    return PerformancePeriod.objects.filter(status=PerformancePeriod.Status.OPEN).order_by("end_date").first()


def _latest_done(field: str) -> Subquery:
    return Subquery(
        Assessment.objects.filter(employee=OuterRef("pk"), status__in=DONE)
        .order_by("-period__end_date", "-revision")
        .values(field)[:1],
        output_field=IntegerField(),
    )


def with_latest_predikat(queryset: QuerySet[Employee]) -> QuerySet[Employee]:
    return queryset.annotate(latest_predikat=_latest_done("predikat"))


def predikat_label(value) -> str:
    """The predikat's label, or \"\" for none."""
    return str(rules.PREDIKAT_LABELS[rules.Predikat(value)]) if value else ""


def profile_employee(queryset: QuerySet[Employee], nip: str) -> Employee | None:
    return queryset.select_related("unit", "supervisor", "supervisor__unit").filter(nip=nip).first()


def open_drafts_for(employee: Employee) -> list[Assessment]:
    return list(
        Assessment.objects.filter(employee=employee, status=Assessment.Status.SUBMITTED, is_current=True)
        .select_related("period")
        .order_by("-period__end_date")
    )


def assessment_detail(queryset: QuerySet[Assessment], pk: int) -> Assessment | None:
    return (
        queryset.select_related("employee", "employee__unit", "period", "assessor", "supersedes")
        .prefetch_related("standard_ratings", "competency_ratings", "audit_entries__actor")
        .filter(pk=pk)
        .first()
    )


AUDIT_FIELD_LABELS = {
    "status": _("status"),
    "hasil_kerja": _("hasil kerja"),
    "perilaku_kerja": _("perilaku kerja"),
    "predikat": _("predikat"),
    "berakhlak": _("BerAKHLAK"),
    "summary": _("catatan penilai"),
    "employee_response": _("tanggapan pegawai"),
    "standards": _("standar"),
    "competencies": _("kompetensi"),
    "revisi_baru": _("revisi baru"),
    "sumber": _("sumber"),
}


def _audit_value(key: str, value, core_values: list[tuple[str, str]]) -> str:
    if value in (None, "", [], {}):
        return "—"
    if key in ("hasil_kerja", "perilaku_kerja"):
        return str(rules.RATING_LABELS[rules.Rating(value)])
    if key == "predikat":
        return str(rules.PREDIKAT_LABELS[rules.Predikat(value)])
    if key == "status":
        return str(Assessment.Status(value).label)
    if key == "berakhlak":
        names = dict(core_values)
        return ", ".join(names.get(code, code) for code in value)
    if key == "standards":
        return "; ".join(
            f"{code}: {rules.RATING_LABELS[rules.Rating(rating)]}" for code, (rating, _evidence) in value.items()
        )
    if key == "competencies":
        return "; ".join(f"{name}: {score}" for name, score, _reason in value)
    return str(value)


def audit_rows(assessment: Assessment) -> list[dict]:
    """The audit trail in words: who, when, what changed from what to what (uses the prefetched entries)."""
    core_values = core_value_choices()
    return [
        {
            "entry": entry,
            "changes": [
                {
                    "field": str(AUDIT_FIELD_LABELS.get(key, key)),
                    "before": _audit_value(key, change[0], core_values),
                    "after": _audit_value(key, change[1], core_values),
                }
                for key, change in entry.changes.items()
            ],
        }
        for entry in assessment.audit_entries.all()
    ]


def units_for_filter(user) -> list[OrgUnit]:
    return list(OrgUnit.objects.filter(pk__in=visible_employees(user).values("unit_id")).order_by("code"))


def hr_counts() -> dict:
    return Employee.objects.aggregate(
        total=Count("id"),
        active=Count("id", filter=Q(active=True)),
        with_account=Count("id", filter=Q(user__isnull=False)),
    )


def employee_search(query: str = "") -> QuerySet[Employee]:
    """The HR list: every employee (also inactive ones) by name, filtered by part of the name or the start of the
    NIP; paginate the result."""
    employees = Employee.objects.select_related("unit", "supervisor").order_by("full_name")
    query = (query or "").strip()
    if query:
        employees = employees.filter(Q(full_name__icontains=query) | Q(nip__startswith=query))
    return employees


def current_assessment(employee: Employee, period: PerformancePeriod) -> Assessment | None:
    """The employee's current revision for the period, with its ratings (None before the first draft)."""
    return (
        Assessment.objects.filter(employee=employee, period=period, is_current=True)
        .prefetch_related("standard_ratings", "competency_ratings")
        .first()
    )


def recent_periods(limit: int = 12) -> list[PerformancePeriod]:
    return list(PerformancePeriod.objects.all()[:limit])
