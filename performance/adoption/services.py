"""Writes of the adoption dashboard: the nightly unit snapshots, and notifying supervisors of not-started people."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from learning.selectors.summary import learning_annotations
from performance.campaigns.models import Campaign
from performance.models import Employee
from portal import dates

from .models import UnitSnapshot


def _course_keys(today: dt.date) -> list[int]:
    """0 (no course) and the course of every campaign still running or ended within a year."""
    ids = Campaign.objects.filter(due_date__gte=today - dt.timedelta(days=365)).values_list("course_id", flat=True)
    return [0, *sorted(set(ids))]


@transaction.atomic
def snapshots_take(*, day: dt.date | None = None) -> int:
    """One snapshot per unit (with employees), course key and day; a second run the same day writes nothing.
    One grouped query per course key, one bulk insert."""
    day = day or dates.today()
    existing = set(UnitSnapshot.objects.filter(day=day).values_list("unit_id", "course_key"))
    rows = []
    for key in _course_keys(day):
        qs = Employee.objects.filter(active=True).annotate(**learning_annotations(course_id=key or None, year=day.year))
        from django.conf import settings

        for r in (
            qs.values("unit_id")
            .annotate(
                headcount=Count("pk"),
                reached=Count("pk", filter=Q(user__last_login__isnull=False)),
                enrolled=Count("pk", filter=Q(lr_enrolled=True)),
                started=Count("pk", filter=Q(lr_started=True)),
                completed=Count("pk", filter=Q(lr_completed=True)),
                jp_total=Sum("lr_jp"),
                jp_met=Count("pk", filter=Q(lr_jp__gte=settings.PORTAL_MIN_JP_PER_YEAR)),
            )
            .order_by()
        ):
            if (r["unit_id"], key) in existing:
                continue
            rows.append(
                UnitSnapshot(
                    unit_id=r["unit_id"],
                    day=day,
                    course_key=key,
                    headcount=r["headcount"],
                    reached=r["reached"],
                    enrolled=r["enrolled"],
                    started=r["started"],
                    completed=r["completed"],
                    jp_total=r["jp_total"] or 0,
                    jp_met=r["jp_met"],
                )
            )
    UnitSnapshot.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    return len(rows)


SUPERVISOR_NOTICE = _("%(n)s anggota tim Anda belum memulai kursus %(course)s")


@transaction.atomic
def notify_supervisors_of_not_started(*, actor, filters, unit_ids: list[int]) -> int:
    """One notice per supervisor listing how many of their people in scope have not started the campaign's
    course; once per supervisor, campaign and day (event key). Returns the number of supervisors told."""
    from performance.campaigns.services import _deliver
    from portal.links import absolute

    from .selectors import annotated_employees

    if filters.campaign is None:
        return 0
    today = dates.today()
    per_sup: dict[int, int] = defaultdict(int)
    for sup_id in (
        annotated_employees(filters, unit_ids, today)
        .filter(lr_started=False, supervisor__isnull=False)
        .values_list("supervisor_id", flat=True)
    ):
        per_sup[sup_id] += 1
    told = 0
    course = filters.campaign.course
    for sup in Employee.objects.filter(pk__in=list(per_sup), user__isnull=False).select_related("user"):
        _deliver(
            recipient=sup.user,
            kind="campaign-not-started",
            event_key=f"campaign:{filters.campaign.pk}:not-started:{sup.pk}:{today.isoformat()}",
            title=SUPERVISOR_NOTICE,
            params={"n": per_sup[sup.pk], "course": course.title},
            link=absolute("/tim/"),
        )
        told += 1
    return told
