"""Reads of the adoption dashboard: every figure aggregated in SQL, a constant number of queries at any size.

Queries: scope units (leaders only), all units, periods, campaigns, ONE grouped query for every per-unit figure
(headcount, reached, campaign enrolment, score, JP, predikat spread, funnel intersections), the snapshots of past
weeks, the not-started list and the people list. Counts and the people list share one definition of a person's
predikat: the current revision, submitted or acknowledged, in the chosen period.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Avg, Count, F, OuterRef, Q, Subquery, Sum
from django.http import Http404
from django.utils.translation import get_language

from learning.selectors.summary import learning_annotations
from performance import rules as perf_rules
from performance.access import leadership_unit_ids
from performance.campaigns.models import Campaign
from performance.models import Assessment, Employee, OrgUnit, PerformancePeriod
from portal import dates

from . import rules
from .models import UnitSnapshot

DONE = (Assessment.Status.SUBMITTED, Assessment.Status.ACKNOWLEDGED)
TREND_WEEKS = 12
LIST_LIMIT = 100


@dataclass
class Filters:
    scope_ids: set[int] | None  # None = every unit (HR)
    units: dict[int, tuple[int | None, str, str]]  # id -> (parent, code, name), the units in scope
    unit: OrgUnit | None
    period: PerformancePeriod | None
    previous_period: PerformancePeriod | None
    campaign: Campaign | None
    periods: list[PerformancePeriod] = field(default_factory=list)
    campaigns: list[Campaign] = field(default_factory=list)

    @property
    def course_id(self) -> int | None:
        return self.campaign.course_id if self.campaign else None


def _children(units: dict) -> dict[int | None, list[int]]:
    kids: dict[int | None, list[int]] = defaultdict(list)
    for pk, (parent, _code, _name) in sorted(units.items(), key=lambda kv: kv[1][1]):
        kids[parent if parent in units else None].append(pk)
    return kids


def subtree(units: dict, root: int) -> list[int]:
    kids, out, todo = _children(units), [], [root]
    while todo:
        pk = todo.pop()
        out.append(pk)
        todo.extend(kids.get(pk, []))
    return out


def dashboard_filters(
    user, *, unit_id: int | None = None, period_id: int | None = None, campaign_id: int | None = None, today=None
) -> Filters:
    """The filters a user may choose; a unit or campaign outside their scope is a 404."""
    today = today or dates.today()
    scope = leadership_unit_ids(user)
    if scope == []:
        raise Http404
    all_units = {
        pk: (parent, code, name)
        for pk, parent, code, name in OrgUnit.objects.values_list("pk", "parent_id", "code", "name")
    }
    units = all_units if scope is None else {pk: v for pk, v in all_units.items() if pk in set(scope)}
    unit = None
    if unit_id:
        if unit_id not in units:
            raise Http404
        parent, code, name = units[unit_id]
        unit = OrgUnit(pk=unit_id, parent_id=parent, code=code, name=name)
    periods = list(PerformancePeriod.objects.order_by("-end_date", "start_date"))
    period = next((p for p in periods if p.pk == period_id), None) if period_id else None
    if period_id and period is None:
        raise Http404
    period = period or rules.default_period(periods, today)
    previous = None
    if period is not None:
        earlier = [p for p in periods if p.end_date < period.start_date]
        same_kind = [p for p in earlier if p.kind == period.kind] or earlier
        previous = max(same_kind, key=lambda p: p.end_date) if same_kind else None
    campaigns = [c for c in Campaign.objects.select_related("course").order_by("-created_at") if c.unit_id in units]
    campaign = next((c for c in campaigns if c.pk == campaign_id), None) if campaign_id else None
    if campaign_id and campaign is None:
        raise Http404
    if campaign is None and campaigns:
        onboarding = [c for c in campaigns if getattr(c.course, "is_onboarding", False)]
        campaign = (onboarding or campaigns)[0]
    return Filters(
        scope_ids=None if scope is None else set(scope),
        units=units,
        unit=unit,
        period=period,
        previous_period=previous,
        campaign=campaign,
        periods=[p for p in periods if p.start_date <= today],
        campaigns=campaigns,
    )


def _predikat_in(period: PerformancePeriod | None):
    if period is None:
        return None
    return Subquery(
        Assessment.objects.filter(employee_id=OuterRef("pk"), period=period, is_current=True, status__in=DONE).values(
            "predikat"
        )[:1]
    )


def annotated_employees(filters: Filters, unit_ids: list[int], today: dt.date):
    """Active employees of the units with per-person figures as subquery annotations (nothing loaded yet)."""
    qs = Employee.objects.filter(active=True, unit_id__in=unit_ids).annotate(
        **learning_annotations(course_id=filters.course_id, year=today.year)
    )
    current, previous = _predikat_in(filters.period), _predikat_in(filters.previous_period)
    if current is not None:
        qs = qs.annotate(pred=current)
    if previous is not None:
        qs = qs.annotate(pred_prev=previous)
    return qs.annotate(reached_flag=Q(user__last_login__isnull=False))


def _aggregates(filters: Filters) -> dict:
    minimum = Decimal(settings.PORTAL_MIN_JP_PER_YEAR)
    reached = Q(user__last_login__isnull=False)
    agg = {
        "headcount": Count("pk"),
        "reached": Count("pk", filter=reached),
        "enrolled": Count("pk", filter=Q(lr_enrolled=True)),
        "started": Count("pk", filter=Q(lr_started=True)),
        "completed": Count("pk", filter=Q(lr_completed=True)),
        "score_avg": Avg("lr_score"),
        "jp_total": Sum("lr_jp"),
        "jp_met": Count("pk", filter=Q(lr_jp__gte=minimum)),
        "f_enrolled": Count("pk", filter=reached & Q(lr_enrolled=True)),
        "f_completed": Count("pk", filter=reached & Q(lr_enrolled=True, lr_completed=True)),
    }
    if filters.period is not None:
        for p in perf_rules.Predikat:
            agg[f"p{int(p)}"] = Count("pk", filter=Q(pred=int(p)))
        if filters.previous_period is not None:
            agg["f_improved"] = Count(
                "pk", filter=reached & Q(lr_enrolled=True, lr_completed=True, pred__lt=F("pred_prev"))
            )
    return agg


def _row(label: str, unit_id: int | None, figures: dict, filters: Filters) -> dict:
    n = figures.get("headcount", 0)
    counts = {int(p): figures.get(f"p{int(p)}", 0) for p in perf_rules.Predikat}
    judgement = rules.judge_distribution(counts, n)
    steps = {
        "reached": figures.get("reached", 0),
        "enrolled": figures.get("f_enrolled", 0),
        "completed": figures.get("f_completed", 0),
        "improved": figures.get("f_improved", 0),
    }
    keys = ["reached"] + (["enrolled", "completed"] if filters.campaign else [])
    if filters.campaign and filters.period is not None and filters.previous_period is not None:
        keys.append("improved")
    score_n = figures.get("score_n", 0)
    jp_total = figures.get("jp_total") or Decimal(0)
    return {
        "unit_id": unit_id,
        "name": label,
        "headcount": n,
        "reached": figures.get("reached", 0),
        "reached_percent": rules.percent(figures.get("reached", 0), n),
        "enrolled": figures.get("enrolled", 0),
        "enrolled_percent": rules.percent(figures.get("enrolled", 0), n),
        "started": figures.get("started", 0),
        "completed": figures.get("completed", 0),
        "completed_percent": rules.percent(figures.get("completed", 0), n),
        "not_started": n - figures.get("started", 0),
        "score_avg": (round(Decimal(figures["score_sum"]) / score_n, 1) if score_n else None),
        "jp_avg": round(Decimal(jp_total) / n, 1) if n else Decimal(0),
        "jp_met": figures.get("jp_met", 0),
        "jp_met_percent": rules.percent(figures.get("jp_met", 0), n),
        "distribution": counts,
        "distribution_cells": _cells(counts, n),
        "judgement": judgement,
        "funnel": rules.funnel(n, steps, keys),
    }


def _cells(counts: dict[int, int], headcount: int) -> list[dict]:
    """Segments of a 100-wide stacked bar: one per predikat, then the not-assessed rest (plain floats)."""
    cells, x = [], 0.0
    for p in perf_rules.Predikat:
        n = counts.get(int(p), 0)
        w = round(100 * n / headcount, 2) if headcount else 0.0
        cells.append({"code": int(p), "label": perf_rules.PREDIKAT_LABELS[p], "n": n, "x": round(x, 2), "w": w})
        x += w
    rest = headcount - sum(counts.values())
    cells.append(
        {"code": 0, "label": "", "n": rest, "x": round(x, 2), "w": round(max(0.0, 100 - x), 2) if headcount else 0.0}
    )
    return cells


def _sum(a: dict, b: dict) -> dict:
    out = dict(a)
    for key, value in b.items():
        if value is None:
            continue
        out[key] = (out.get(key) or 0) + value
    return out


def adoption_overview(filters: Filters, *, today: dt.date | None = None) -> dict:
    """The figures of the chosen unit (or the whole scope) and one row per subunit for the drill-down."""
    today = today or dates.today()
    kids = _children(filters.units)
    if filters.unit is not None:
        root_ids = [filters.unit.pk]
        row_ids = kids.get(filters.unit.pk, [])
    else:
        root_ids = kids.get(None, [])
        row_ids = root_ids
    # map every unit of the subtree onto the drill-down row it belongs to
    row_of: dict[int, int] = {}
    for row_id in row_ids:
        for pk in subtree(filters.units, row_id):
            row_of[pk] = row_id
    scope_ids = [pk for root in root_ids for pk in subtree(filters.units, root)]

    qs = annotated_employees(filters, scope_ids, today)
    agg = _aggregates(filters)
    agg.update(score_sum=Sum("lr_score"), score_n=Count("pk", filter=Q(lr_score__isnull=False)))
    agg.pop("score_avg")
    per_unit = {r["unit_id"]: r for r in qs.values("unit_id").annotate(**agg).order_by()}

    rows_fig: dict[int, dict] = defaultdict(dict)
    total: dict = {}
    for unit_id, figures in per_unit.items():
        figures = {k: v for k, v in figures.items() if k != "unit_id"}
        total = _sum(total, figures)
        if unit_id in row_of:
            rows_fig[row_of[unit_id]] = _sum(rows_fig[row_of[unit_id]], figures)
        elif filters.unit is not None and unit_id == filters.unit.pk:
            rows_fig[unit_id] = _sum(rows_fig[unit_id], figures)  # the unit's own staff (e.g. its head)
    label = filters.unit.name if filters.unit else ""
    rows = []
    own = [filters.unit.pk] if filters.unit is not None and filters.unit.pk in rows_fig else []
    for row_id in own + row_ids:
        name = filters.units[row_id][2]
        row = _row(name, row_id, rows_fig.get(row_id, {}), filters)
        row["own_staff"] = row_id in own
        row["has_children"] = bool(kids.get(row_id)) and row_id not in own
        rows.append(row)
    summary = _row(label, filters.unit.pk if filters.unit else None, total, filters)
    return {
        "summary": summary,
        "rows": rows,
        "scope_ids": scope_ids,
        "trend": weekly_trend(filters, scope_ids, summary, today),
    }


def weekly_trend(filters: Filters, unit_ids: list[int], current: dict, today: dt.date) -> list[dict]:
    """Reached people and completions per week: past weeks from the nightly snapshots (the last day stored in each
    week), this week from the live figures. Completions of a week = cumulative completed minus the week before."""
    this_week = rules.week_start(today)
    since = this_week - dt.timedelta(weeks=TREND_WEEKS - 1)
    course_key = filters.course_id or 0
    by_day = {
        r["day"]: r
        for r in UnitSnapshot.objects.filter(
            unit_id__in=unit_ids, course_key=course_key, day__gte=since - dt.timedelta(days=7), day__lt=this_week
        )
        .values("day")
        .annotate(reached=Sum("reached"), completed=Sum("completed"))
        .order_by("day")
    }
    last_of_week: dict[dt.date, dict] = {}
    for day, r in sorted(by_day.items()):
        last_of_week[rules.week_start(day)] = r
    last_of_week[this_week] = {"reached": current["reached"], "completed": current["completed"]}
    weeks, prev_completed = [], None
    before = last_of_week.get(since - dt.timedelta(days=7))
    if before:
        prev_completed = before["completed"]
    for i in range(TREND_WEEKS):
        week = since + dt.timedelta(weeks=i)
        r = last_of_week.get(week)
        if r is None:
            weeks.append({"week": week, "reached": None, "completions": None})
            continue
        completions = r["completed"] - prev_completed if prev_completed is not None else None
        prev_completed = r["completed"]
        weeks.append({"week": week, "reached": r["reached"], "completions": completions})
    top_r = max([w["reached"] or 0 for w in weeks] or [0])
    top_c = max([w["completions"] or 0 for w in weeks] or [0])
    for i, w in enumerate(weeks):
        w["x"] = float(i * 10 + 1)
        w["x2"] = float(i * 10 + 5)
        w["r_h"] = round(45 * (w["reached"] or 0) / top_r, 2) if top_r else 0.0
        w["c_h"] = round(45 * (w["completions"] or 0) / top_c, 2) if top_c else 0.0
        w["r_y"], w["c_y"] = round(48 - w["r_h"], 2), round(48 - w["c_h"], 2)
        w["reached_h"] = round(100 * (w["reached"] or 0) / top_r, 2) if top_r else 0.0
        w["completions_h"] = round(100 * (w["completions"] or 0) / top_c, 2) if top_c else 0.0
        w["label"] = dates.format_date(w["week"], get_language() or "id")
    return weeks


def not_started(filters: Filters, unit_ids: list[int], today: dt.date | None = None, limit: int = LIST_LIMIT):
    """People of the campaign's units who have not started its course (not enrolled, or enrolled and not begun),
    with their supervisor; one query."""
    today = today or dates.today()
    if filters.campaign is None:
        return []
    qs = (
        annotated_employees(filters, unit_ids, today)
        .filter(lr_started=False)
        .select_related("unit", "supervisor")
        .order_by("unit__code", "full_name")
    )
    return list(qs[:limit])


def people(filters: Filters, unit_ids: list[int], today: dt.date | None = None, limit: int = LIST_LIMIT):
    """The people list with the same predikat definition as the counts (current revision in the period)."""
    today = today or dates.today()
    qs = annotated_employees(filters, unit_ids, today).select_related("unit").order_by("unit__code", "full_name")
    return list(qs[:limit])
