"""Writes of the adoption dashboard: the nightly unit snapshots, and notifying supervisors of not-started people."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from learning.selectors.summary import learning_annotations
from performance.campaigns.models import Campaign
from performance.models import Employee, PerformancePeriod
from performance.pulse import selectors as pulse_selectors
from portal import dates
from portal.models import BackgroundJob
from portal.tasks import enqueue_on_commit

from . import rules, selectors
from .models import UnitSnapshot

PERIOD_FIELDS = ("assessed", "in_plan", "improved", "plans_active", "plans_completed", "dialogues", "meetings")


def _course_keys(today: dt.date) -> list[int]:
    """0 (no course) and the course of every campaign still running or ended within a year."""
    ids = Campaign.objects.filter(due_date__gte=today - dt.timedelta(days=365)).values_list("course_id", flat=True)
    return [0, *sorted(set(ids))]


@transaction.atomic
def snapshots_take(*, day: dt.date | None = None) -> int:
    """One snapshot per unit (with employees), course key and day; a second run the same day writes nothing.
    One grouped query per course key, two for the period figures (people; plans, dialogues and meetings), the
    pulse's readiness through its selector, one bulk insert."""
    day = day or dates.today()
    existing = set(UnitSnapshot.objects.filter(day=day).values_list("unit_id", "course_key"))
    periods = list(PerformancePeriod.objects.all())
    period = rules.default_period(periods, day)
    by_unit = selectors.period_figures_by_unit(period, selectors.previous_period(periods, period))
    for unit_id, figures in selectors.activity_by_unit(period, None).items():
        by_unit[unit_id].update(figures)
    rows = []
    for key in _course_keys(day):
        qs = Employee.objects.filter(active=True).annotate(**learning_annotations(course_id=key or None, year=day.year))
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
                    period=period,
                    **{f: by_unit.get(r["unit_id"], {}).get(f, 0) for f in PERIOD_FIELDS},
                )
            )
    readiness, title = _readiness(day)
    own = {row.unit_id: row for row in rows if row.course_key == 0}
    for unit_id, index in readiness.items():
        if unit_id not in own and (unit_id, 0) not in existing:  # a group of the pulse without staff of its own
            own[unit_id] = UnitSnapshot(unit_id=unit_id, day=day, course_key=0, period=period)
            rows.append(own[unit_id])
        if unit_id in own:
            own[unit_id].readiness, own[unit_id].readiness_pulse = index, title
    UnitSnapshot.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    return len(rows)


def _readiness(day: dt.date) -> tuple[dict[int, float | None], str]:
    """The pulse's readiness per unit for every unit it reports, through its own selector: the nightly job reads
    as HR does (all units, no person behind it), and only what the selector hands out is kept, an index for a
    group above the anonymity threshold and None below it."""
    result = pulse_selectors.readiness_by_unit(pulse_selectors.EVERY_UNIT)
    if result["pulse"] is None:
        return {}, ""
    units = {
        unit_id: (r["index"] if r["shown"] and r["index"] is not None else None)
        for unit_id, r in result["units"].items()
    }
    return units, result["pulse"].title[:200]


NOTIFY_JOB_KIND = "adoption-notify"
SUPERVISOR_NOTICE = _("%(n)s anggota tim Anda belum memulai kursus %(course)s")


@transaction.atomic
def notify_supervisors_of_not_started(*, actor, filters, unit_ids: list[int]) -> int:
    """One notice per supervisor listing how many of their people in scope have not started the campaign's
    course; once per supervisor, campaign and day (event key). Returns the number of supervisors told."""
    from performance.campaigns.services import _deliver
    from portal.links import absolute

    if filters.campaign is None:
        return 0
    today = dates.today()
    per_sup = dict(  # counted in SQL, one row per supervisor
        selectors.not_started_query(filters, unit_ids, today)
        .filter(supervisor__isnull=False)
        .order_by()
        .values("supervisor_id")
        .annotate(n=Count("id"))
        .values_list("supervisor_id", "n")
    )
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


@transaction.atomic
def notify_job_create(*, owner, filters) -> BackgroundJob:
    """Notify the supervisors of the not-started people of these filters in the background (a province has
    thousands of supervisors: not a request's work). Pressing twice notifies nobody twice (event keys)."""
    job = BackgroundJob.objects.create(
        kind=NOTIFY_JOB_KIND,
        owner=owner,
        params={
            "unit_id": filters.unit.pk if filters.unit else None,
            "period_id": filters.period.pk if filters.period else None,
            "campaign_id": filters.campaign.pk if filters.campaign else None,
        },
    )
    from .tasks import notify_task

    enqueue_on_commit(notify_task, job.pk)
    return job


def notify_job_run(*, job_id: int) -> str:
    """Idempotent: a finished or running job is left alone; the owner's scope is checked again here."""
    from portal.services import job_run

    def work(job, progress) -> str:
        owner = get_user_model().objects.get(pk=job.owner_id)
        p = job.params
        filters = selectors.dashboard_filters(
            owner, unit_id=p.get("unit_id"), period_id=p.get("period_id"), campaign_id=p.get("campaign_id")
        )
        told = notify_supervisors_of_not_started(
            actor=owner, filters=filters, unit_ids=selectors.scope_unit_ids(filters)
        )
        return _("%(n)s atasan diberi tahu.") % {"n": told}

    return job_run(job_id=job_id, kind=NOTIFY_JOB_KIND, work=work)
