"""Reads of campaigns: who a campaign targets, progress per unit. Constant query count whatever the size.

Learning records are read only through `learning.selectors.summary` (subquery expressions, aggregated here)."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from learning.selectors.summary import assignment_covered_user_ids, learning_annotations
from performance.access import leadership_unit_ids, unit_and_subunit_ids_sql
from performance.models import Employee, OrgUnit
from portal import dates

from .models import Campaign

#: Enrollment source of a campaign in learning (`Enrollment.Source.CAMPAIGN`).
SOURCE = "campaign"


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


def with_learning(qs: QuerySet[Employee], campaign: Campaign, today=None) -> QuerySet[Employee]:
    today = today or dates.today()
    return qs.annotate(**learning_annotations(course_id=campaign.course_id, year=today.year, today=today))


def users_to_enrol(campaign: Campaign) -> QuerySet:
    """User ids the campaign still has to enrol (nobody once it ran: idempotent)."""
    return (
        campaign_employees(campaign)
        .exclude(user_id__in=assignment_covered_user_ids(course_id=campaign.course_id))
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


def campaign_progress(campaign: Campaign, today=None) -> list[dict]:
    """Per unit: assigned, started, completed, overdue, in one grouped query."""
    rows = (
        with_learning(campaign_employees(campaign), campaign, today)
        .filter(lr_enrolled=True)
        .values("unit_id", "unit__code", "unit__name")
        .annotate(
            assigned=Count("pk"),
            started=Count("pk", filter=Q(lr_started=True)),
            completed=Count("pk", filter=Q(lr_completed=True)),
            overdue=Count("pk", filter=Q(lr_overdue=True)),
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
