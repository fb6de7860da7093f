"""Reads of campaigns: who a campaign targets, progress per unit. Constant query count whatever the size."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from learning.models import Enrollment
from performance.access import leadership_unit_ids, unit_and_subunit_ids_sql
from performance.models import Employee, OrgUnit
from portal import dates

from .models import Campaign


def campaign_employees(campaign: Campaign) -> QuerySet[Employee]:
    """Active employees with an account in the campaign's unit (and subunits), optionally of one jabatan kind."""
    qs = Employee.objects.filter(active=True, user__isnull=False)
    if campaign.include_subunits:
        qs = qs.filter(unit_id__in=unit_and_subunit_ids_sql(campaign.unit_id))
    else:
        qs = qs.filter(unit_id=campaign.unit_id)
    if campaign.jabatan_kind:
        qs = qs.filter(jabatan_kind=campaign.jabatan_kind)
    return qs


def users_to_enrol(campaign: Campaign) -> QuerySet:
    """User ids the campaign still has to enrol: no enrollment in the course yet, or only a self-enrolment
    not completed (the campaign adds its due date once; afterwards its source is "campaign")."""
    covered = Enrollment.objects.filter(course_id=campaign.course_id).exclude(
        Q(source=Enrollment.Source.SELF) & ~Q(status=Enrollment.Status.COMPLETED)
    )
    return (
        campaign_employees(campaign)
        .exclude(user_id__in=covered.values("user_id"))
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )


def campaigns_for(user) -> QuerySet[Campaign]:
    """Campaigns a leader (on their units) or HR (all) may see and manage."""
    unit_ids = leadership_unit_ids(user)
    qs = Campaign.objects.select_related("unit", "course")
    if unit_ids is None:
        return qs
    return qs.filter(unit_id__in=unit_ids)


def can_manage_unit(user, unit: OrgUnit) -> bool:
    unit_ids = leadership_unit_ids(user)
    return unit_ids is None or unit.pk in unit_ids


def campaign_progress(campaign: Campaign) -> list[dict]:
    """Per unit: assigned, started, completed, overdue (one grouped query, plus one for the unit names)."""
    today = dates.today()
    enr = Enrollment.objects.filter(
        course_id=campaign.course_id, user_id__in=campaign_employees(campaign).values("user_id")
    )
    rows = (
        Employee.objects.filter(user_id__in=enr.values("user_id"), active=True)
        .values("unit_id", "unit__code", "unit__name")
        .annotate(
            assigned=Count("user__enrollments", filter=Q(user__enrollments__course_id=campaign.course_id)),
            started=Count(
                "user__enrollments",
                filter=Q(user__enrollments__course_id=campaign.course_id, user__enrollments__started_at__isnull=False),
            ),
            completed=Count(
                "user__enrollments",
                filter=Q(
                    user__enrollments__course_id=campaign.course_id,
                    user__enrollments__status=Enrollment.Status.COMPLETED,
                ),
            ),
            overdue=Count(
                "user__enrollments",
                filter=Q(user__enrollments__course_id=campaign.course_id, user__enrollments__due_date__lt=today)
                & ~Q(user__enrollments__status=Enrollment.Status.COMPLETED),
            ),
        )
        .order_by("unit__code")
    )
    return [
        {
            "unit_id": r["unit_id"],
            "code": r["unit__code"],
            "name": r["unit__name"],
            "assigned": r["assigned"],
            "started": r["started"],
            "completed": r["completed"],
            "overdue": r["overdue"],
        }
        for r in rows
    ]
