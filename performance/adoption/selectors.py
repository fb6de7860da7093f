"""Reads of the adoption dashboard: every figure aggregated in SQL, a constant number of queries at any size.

Queries: scope units (leaders only), all units, periods, campaigns; ONE grouped query for every per-person figure
per unit (headcount, reached, campaign enrolment, score, JP, predikat spread, in a plan, improved, the funnel's
intersections), each person's figures computed once in an inner query and counted in an outer one
(`figures_by_unit`); ONE query for plans, dialogues and team meetings of the period (three grouped selects in a UNION
ALL); ONE for the survey's element sums; ONE for the readiness the pulse handed to the latest snapshot; the
snapshots of past weeks; the not-started list and the people list. Counts and the people list share one
definition of a person's predikat: the current revision, submitted or acknowledged, in the chosen period.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.http import Http404
from django.utils.translation import get_language

from learning.selectors.summary import learning_annotations, with_learning_columns
from performance import rules as perf_rules
from performance.access import leadership_unit_ids
from performance.campaigns.models import Campaign
from performance.development.models import DevelopmentPlan
from performance.models import Assessment, Employee, OrgUnit, PerformancePeriod
from performance.supervision.models import Dialogue, TeamMeeting
from performance.survey import rules as survey_rules
from performance.survey import selectors as survey_selectors
from performance.survey.models import SurveyPeriod, SurveyResponse
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
    previous = previous_period(periods, period)
    # A campaign counts for the leader when it covers a unit of theirs: set on one of their units, or on a unit
    # above them with its subunits (the district's onboarding campaign for a dinas leader). Its figures are still
    # counted over the leader's own units only.
    above = set()
    for pk in units if scope is not None else ():
        parent = all_units[pk][0]
        while parent is not None and parent not in above:
            above.add(parent)
            parent = all_units[parent][0]
    campaigns = [
        c
        for c in Campaign.objects.select_related("course").order_by("-created_at")
        if c.unit_id in units or (c.include_subunits and c.unit_id in above)
    ]
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


def previous_period(periods: list[PerformancePeriod], period: PerformancePeriod | None) -> PerformancePeriod | None:
    """The period "improved" compares with: the latest of the same kind that ended before this one began
    (Triwulan IV with Triwulan III), else the latest of any kind."""
    if period is None:
        return None
    earlier = [p for p in periods if p.end_date < period.start_date]
    same_kind = [p for p in earlier if p.kind == period.kind] or earlier
    return max(same_kind, key=lambda p: p.end_date) if same_kind else None


def _predikat_in(period: PerformancePeriod | None):
    if period is None:
        return None
    # at most one row (constraint assessment_one_current): no ordering, so no join to the period and no sort per row
    return Subquery(
        Assessment.objects.filter(employee_id=OuterRef("pk"), period=period, is_current=True, status__in=DONE)
        .order_by()
        .values("predikat")[:1]
    )


def annotated_employees(filters: Filters, unit_ids: list[int], today: dt.date, *, joined: bool = False):
    """Active employees of the units with per-person figures (nothing loaded yet): as correlated subqueries (the
    people lists: a hundred rows), or with `joined` as LEFT JOINs to tables of one row per person (the grouped
    query over every person of the scope: each table read once, not probed per person and figure). Both give
    the same figures (tested)."""
    qs = Employee.objects.filter(active=True, unit_id__in=unit_ids)
    if not joined:
        qs = qs.annotate(**learning_annotations(course_id=filters.course_id, year=today.year))
        current, previous = _predikat_in(filters.period), _predikat_in(filters.previous_period)
        if current is not None:
            plan = Exists(_plans_in(filters.period).filter(employee_id=OuterRef("pk")))
            qs = qs.annotate(pred=current, has_plan=plan)
        if previous is not None:
            qs = qs.annotate(pred_prev=previous)
        return qs.annotate(reached_flag=Q(user__last_login__isnull=False))
    qs = with_learning_columns(qs, course_id=filters.course_id, year=today.year)
    for name, period in (("pred", filters.period), ("pred_prev", filters.previous_period)):
        if period is None:
            break  # no previous period without a current one
        # at most one row per person (constraint assessment_one_current)
        done = Q(assessments__period=period, assessments__is_current=True, assessments__status__in=DONE)
        qs = qs.annotate(**{f"{name}_row": FilteredRelation("assessments", condition=done)})
        qs = qs.annotate(**{name: F(f"{name}_row__predikat")})
        if name == "pred":
            planned = Q(pk__in=_plans_in(period).values("employee_id"))  # one hashed set, not a probe per person
            qs = qs.annotate(has_plan=ExpressionWrapper(planned, output_field=BooleanField()))
    return qs.annotate(reached_flag=Q(user__last_login__isnull=False))


PLAN_COUNTED = (DevelopmentPlan.Status.ACTIVE, DevelopmentPlan.Status.COMPLETED)


def _plans_in(period: PerformancePeriod):
    """Plans that count for the dashboard: active or completed, of the chosen period (drafts and closed ones not)."""
    return DevelopmentPlan.objects.filter(period=period, status__in=PLAN_COUNTED)


def funnel_keys(filters: Filters) -> list[str]:
    """The funnel's steps for these filters, in order: a step needs its data (a campaign for enrolled/completed,
    a period for in a plan, a previous period for improved)."""
    keys = ["reached"]
    if filters.campaign:
        keys += ["enrolled", "completed"]
    if filters.period is not None:
        keys.append("in_plan")
        if filters.previous_period is not None:
            keys.append("improved")
    return keys


def _step_conditions(filters: Filters) -> dict[str, str]:
    """Each step's own condition on one per-person row of `_per_person` (SQL over its columns; "improved": a
    better, i.e. lower, kuadran code than in the previous period; someone not assessed in either period has not
    improved, as NULL < x is not true)."""
    return {
        "reached": "reached_flag",  # user.last_login IS NOT NULL
        "enrolled": "lr_enrolled",
        "completed": "lr_completed",
        "in_plan": "has_plan",
        "improved": "pred < pred_prev",
    }


@dataclass(frozen=True)
class Figure:
    """One figure of the grouped query: `func(column)` over the unit's per-person rows, FILTER (WHERE `where`)."""

    func: str = "COUNT"
    column: str = "*"
    where: str = ""
    params: tuple = ()


def _aggregates(filters: Filters) -> dict[str, Figure]:
    """Every per-person figure of a unit, each defined once, over the columns of `_per_person`."""
    minimum = int(settings.PORTAL_MIN_JP_PER_YEAR)
    steps = _step_conditions(filters)
    agg = {
        "headcount": Figure(),
        "reached": Figure(where=steps["reached"]),
        "enrolled": Figure(where=steps["enrolled"]),
        "started": Figure(where="lr_started"),
        "completed": Figure(where=steps["completed"]),
        "score_sum": Figure("SUM", "lr_score"),
        "score_n": Figure(where="lr_score IS NOT NULL"),
        "jp_total": Figure("SUM", "lr_jp"),
        "jp_met": Figure(where="lr_jp >= %s", params=(minimum,)),
    }
    if filters.period is not None:
        for p in perf_rules.Predikat:
            agg[f"p{int(p)}"] = Figure(where="pred = %s", params=(int(p),))
        agg["in_plan"] = Figure(where=steps["in_plan"])
        if filters.previous_period is not None:
            agg["improved"] = Figure(where=steps["improved"])
    # the funnel: each step counts the people who passed every earlier step too
    chain: list[str] = []
    for key in funnel_keys(filters):
        chain.append(f"({steps[key]})")
        agg[f"f_{key}"] = Figure(where=" AND ".join(chain))
    return agg


def _per_person(filters: Filters, unit_ids: list[int], today: dt.date):
    """One row per active employee of the units with the columns the figures read (each subquery once)."""
    columns = ["unit_id", "reached_flag", "lr_enrolled", "lr_started", "lr_completed", "lr_score", "lr_jp"]
    if filters.period is not None:
        columns += ["pred", "has_plan"]
        if filters.previous_period is not None:
            columns.append("pred_prev")
    return annotated_employees(filters, unit_ids, today, joined=True).values(*columns).order_by()


def figures_by_unit(filters: Filters, unit_ids: list[int], today: dt.date) -> dict[int, dict]:
    """The figures of `_aggregates` per unit in ONE query. The per-person figures are correlated subqueries; had
    they been aggregated straight over the employees, Django would repeat a subquery inside every aggregate that
    filters on it (JP twice, predikat seven times, ...: 33 subplans per employee). So the employees' rows are
    computed once in an inner query (a MATERIALIZED CTE: neither PostgreSQL nor SQLite may inline it back into the
    aggregates) and counted in an outer one, `COUNT(*) FILTER (WHERE ...)` per figure (PostgreSQL, SQLite ≥ 3.35).
    Sums come back through the inner columns' own converters, so a figure is the same as Django's Sum gave."""
    inner = _per_person(filters, unit_ids, today)
    try:
        inner_sql, inner_params = inner.query.sql_with_params()
    except EmptyResultSet:  # no unit: no row, and no query (as Django does for an empty IN)
        return {}
    spec = _aggregates(filters)
    qn = connection.ops.quote_name
    selects, params = [], list(inner_params)
    for name, fig in spec.items():
        sql = f"{fig.func}({fig.column})"
        if fig.where:
            sql += f" FILTER (WHERE {fig.where})"
            params.extend(fig.params)
        selects.append(f"{sql} AS {qn(name)}")
    sql = (
        f"WITH per_person AS MATERIALIZED ({inner_sql}) "
        f"SELECT unit_id, {', '.join(selects)} FROM per_person GROUP BY unit_id"
    )
    converters = {}
    for name, fig in spec.items():
        if fig.func == "SUM":
            value = Value(None, output_field=inner.query.annotations[fig.column].output_field)
            converters[name] = (
                connection.ops.get_db_converters(value) + value.output_field.get_db_converters(connection),
                value,
            )
    out: dict[int, dict] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [col[0] for col in cursor.description]
        for row in cursor.fetchall():
            r = dict(zip(names, row, strict=True))
            for name, (funcs, value) in converters.items():
                for func in funcs:
                    r[name] = func(r[name], value, connection)
            out[r.pop("unit_id")] = r
    return out


def _row(label: str, unit_id: int | None, figures: dict, filters: Filters) -> dict:
    n = figures.get("headcount", 0)
    counts = {int(p): figures.get(f"p{int(p)}", 0) for p in perf_rules.Predikat}
    judgement = rules.judge_distribution(counts, n)
    keys = funnel_keys(filters)
    steps = {key: figures.get(f"f_{key}", 0) for key in keys}
    score_n = figures.get("score_n", 0)
    jp_total = figures.get("jp_total") or Decimal(0)
    survey = _survey_figures(figures)
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
        "in_plan": figures.get("in_plan", 0),
        "in_plan_percent": rules.percent(figures.get("in_plan", 0), n),
        "improved": figures.get("improved", 0),
        "plans_active": figures.get("plans_active", 0),
        "plans_completed": figures.get("plans_completed", 0),
        "dialogues": figures.get("dialogues", 0),
        "meetings": figures.get("meetings", 0),
        "survey": survey,
        "ikm": survey.ikm_display if survey else None,
        "ikm_band": survey.band if survey else None,
        "readiness": None,  # set by the caller from the pulse (not a sum over units)
    }


def _survey_figures(figures: dict):
    """The pooled IKM of every survey answer of the row's service units (element sums over all respondents, the
    regulation's NRR formula on the pool); None when no answer exists ("belum ada data", never 0)."""
    n = figures.get("ikm_n", 0)
    if not n:
        return None
    totals = [figures.get(f"ikm_t{i}", 0) for i in range(1, len(survey_rules.ELEMENT_FIELDS) + 1)]
    return survey_selectors.UnitFigures(service_unit_id=0, period_id=None, responses=n, totals=totals)


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


def scope_unit_ids(filters: Filters) -> list[int]:
    """Every unit the figures count: the chosen unit's subtree, or every unit in the user's scope."""
    roots = [filters.unit.pk] if filters.unit is not None else _children(filters.units).get(None, [])
    return [pk for root in roots for pk in subtree(filters.units, root)]


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
    scope_ids = scope_unit_ids(filters)

    per_unit: dict[int, dict] = defaultdict(dict)
    for unit_id, figures in figures_by_unit(filters, scope_ids, today).items():
        per_unit[unit_id].update(figures)
    for unit_id, figures in activity_by_unit(filters.period, scope_ids).items():
        per_unit[unit_id].update(figures)
    survey_periods, ikm = survey_by_unit(filters, scope_ids)
    for unit_id, figures in ikm.items():
        per_unit[unit_id].update(figures)

    rows_fig: dict[int, dict] = defaultdict(dict)
    total: dict = {}
    for unit_id, figures in per_unit.items():
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
    summary_unit = filters.unit.pk if filters.unit else (root_ids[0] if len(root_ids) == 1 else None)
    readiness = readiness_by_unit(filters, [r["unit_id"] for r in rows] + ([summary_unit] if summary_unit else []))
    for row in rows:  # the pulse's figure is of a subtree: none for a unit's own-staff row
        row["readiness"] = None if row["own_staff"] else readiness["units"].get(row["unit_id"])
    summary["readiness"] = readiness["units"].get(summary_unit)
    return {
        "summary": summary,
        "rows": rows,
        "scope_ids": scope_ids,
        "survey_periods": survey_periods,
        "pulse": readiness["pulse"],
        "trend": weekly_trend(filters, scope_ids, summary, today),
    }


def period_figures_by_unit(
    period: PerformancePeriod | None, previous: PerformancePeriod | None, unit_ids: list[int] | None = None
) -> dict[int, dict]:
    """Per unit (None: every unit), of its active staff: assessed in the period, with a plan in it, and with a
    better predikat than in the previous period. One grouped query (for the nightly snapshot)."""
    out: dict[int, dict] = defaultdict(dict)
    if period is None:
        return out
    qs = Employee.objects.filter(active=True, **({} if unit_ids is None else {"unit_id__in": unit_ids})).annotate(
        pred=_predikat_in(period), has_plan=Exists(_plans_in(period).filter(employee_id=OuterRef("pk")))
    )
    agg = {"assessed": Count("pk", filter=Q(pred__isnull=False)), "in_plan": Count("pk", filter=Q(has_plan=True))}
    if previous is not None:
        qs = qs.annotate(pred_prev=_predikat_in(previous))
        agg["improved"] = Count("pk", filter=Q(pred__lt=F("pred_prev")))
    for r in qs.values("unit_id").annotate(**agg).order_by():
        out[r.pop("unit_id")].update(r)
    return out


ACTIVITY_FIELDS = ("plans_active", "plans_completed", "dialogues", "meetings")


def activity_by_unit(period: PerformancePeriod | None, unit_ids: list[int] | None) -> dict[int, dict]:
    """Per unit (None: every unit), in the period: development plans active and completed (of the unit's active
    staff), performance dialogues held with them, and team meetings the unit held. Each family is grouped by unit
    in SQL; the three are sent as ONE query (UNION ALL of three grouped selects), whatever the number of units."""
    out: dict[int, dict] = defaultdict(lambda: dict.fromkeys(ACTIVITY_FIELDS, 0))
    if period is None:
        return out
    zero = Value(0, output_field=IntegerField())
    staff = {"employee__active": True, **({} if unit_ids is None else {"employee__unit_id__in": unit_ids})}
    held = {"held_on__gte": period.start_date, "held_on__lte": period.end_date}
    plans = (
        _plans_in(period)
        .filter(**staff)
        .values(unit_key=F("employee__unit_id"))
        .annotate(
            plans_active=Count("pk", filter=Q(status=DevelopmentPlan.Status.ACTIVE)),
            plans_completed=Count("pk", filter=Q(status=DevelopmentPlan.Status.COMPLETED)),
            dialogues=zero,
            meetings=zero,
        )
        .order_by()
    )
    dialogues = (
        Dialogue.objects.filter(**held, **staff)
        .values(unit_key=F("employee__unit_id"))
        .annotate(plans_active=zero, plans_completed=zero, dialogues=Count("pk"), meetings=zero)
        .order_by()
    )
    # the same grouping as supervision's meetings_per_unit, as a part of the one query
    meetings = (
        TeamMeeting.objects.filter(**held, **({} if unit_ids is None else {"unit_id__in": unit_ids}))
        .values(unit_key=F("unit_id"))
        .annotate(plans_active=zero, plans_completed=zero, dialogues=zero, meetings=Count("pk"))
        .order_by()
    )
    for r in plans.union(dialogues, meetings, all=True):
        for key in ACTIVITY_FIELDS:
            out[r["unit_key"]][key] += r[key]
    return out


def survey_by_unit(filters: Filters, unit_ids: list[int]) -> tuple[list[str], dict[int, dict]]:
    """Per organisation unit with an active service unit: respondents and element sums of the SKM answers given in
    the survey periods that overlap the chosen performance period (without one: the survey's latest period), so
    a subtree's IKM is the regulation's formula on the pooled sums. ONE grouped query (the survey's `unit_ikm`
    costs three with its period, more than the page's budget leaves); the formula and bands stay the survey's."""
    answers = SurveyResponse.objects.filter(service_unit__active=True, service_unit__unit_id__in=unit_ids)
    if filters.period is not None:
        # The periods' ids first (a tiny query): with constants the planner reads the responses of those periods by
        # index; with the date condition joined it scanned every response (1 M at 50,000 employees, ~120 ms).
        period_ids = list(
            SurveyPeriod.objects.filter(
                start_date__lte=filters.period.end_date, end_date__gte=filters.period.start_date
            ).values_list("pk", flat=True)
        )
        if not period_ids:
            return [], {}
        answers = answers.filter(period_id__in=period_ids)
    else:
        latest = survey_selectors.latest_period()
        if latest is None:
            return [], {}
        answers = answers.filter(period=latest)
    sums = {f"ikm_t{i}": Sum(name) for i, name in enumerate(survey_rules.ELEMENT_FIELDS, start=1)}
    out: dict[int, dict] = defaultdict(dict)
    names: set[str] = set()
    for r in (
        answers.values("service_unit__unit_id", "period__name", "period__start_date")
        .annotate(ikm_n=Count("pk"), **sums)
        .order_by()
    ):
        names.add((r["period__start_date"], r["period__name"]))
        out[r["service_unit__unit_id"]] = _sum(
            out[r["service_unit__unit_id"]], {k: v for k, v in r.items() if k.startswith("ikm_")}
        )
    return [name for _start, name in sorted(names)], out


def readiness_by_unit(filters: Filters, unit_ids: list[int]) -> dict:
    """The readiness index per unit as the pulse's own selector (`readiness_by_unit`) handed it to last night's
    snapshot: only groups above the pulse's anonymity threshold carry an index (None = too few answers), a unit
    the pulse folds into its parent has no entry. One query; a pulse closed today shows from tomorrow."""
    latest = UnitSnapshot.objects.filter(course_key=0).exclude(readiness_pulse="").order_by("-day").values("day")[:1]
    units, pulse = {}, None
    for r in UnitSnapshot.objects.filter(
        unit_id__in=unit_ids, course_key=0, day=Subquery(latest), readiness_pulse__gt=""
    ).values("unit_id", "readiness", "readiness_pulse", "day"):
        units[r["unit_id"]] = {"index": r["readiness"]}
        pulse = {"title": r["readiness_pulse"], "day": r["day"]}
    return {"pulse": pulse, "units": units}


def weekly_trend(filters: Filters, unit_ids: list[int], current: dict, today: dt.date) -> list[dict]:
    """Reached people and completions per week (WIT, Monday first). Past weeks come from the nightly snapshots (the
    last day stored in each week), so later edits do not rewrite them; this week from the live figures.
    Completions of a week = cumulative completed minus the week before, when both are known; a week without a
    snapshot (or after one) shows none: history is never invented."""
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
    out = []
    for i in range(TREND_WEEKS):
        week = since + dt.timedelta(weeks=i)
        r, before = last_of_week.get(week), last_of_week.get(week - dt.timedelta(days=7))
        completions = r["completed"] - before["completed"] if r is not None and before is not None else None
        out.append({"week": week, "reached": r["reached"] if r else None, "completions": completions})
    top_r = max([w["reached"] or 0 for w in out] or [0])
    top_c = max([w["completions"] or 0 for w in out] or [0])
    for i, w in enumerate(out):
        w["x"] = float(i * 10 + 1)
        w["x2"] = float(i * 10 + 5)
        w["r_h"] = round(45 * (w["reached"] or 0) / top_r, 2) if top_r else 0.0
        w["c_h"] = round(45 * (w["completions"] or 0) / top_c, 2) if top_c else 0.0
        w["r_y"], w["c_y"] = round(48 - w["r_h"], 2), round(48 - w["c_h"], 2)
        w["reached_h"] = round(100 * (w["reached"] or 0) / top_r, 2) if top_r else 0.0
        w["completions_h"] = round(100 * (w["completions"] or 0) / top_c, 2) if top_c else 0.0
        w["label"] = dates.format_date(w["week"], get_language() or "id")
    return out


def not_started(filters: Filters, unit_ids: list[int], today: dt.date | None = None, limit: int = LIST_LIMIT):
    """People of the campaign's units who have not started its course (not enrolled, or enrolled and not begun),
    with their supervisor; one query (with only the figure it filters on: `lr_started` as the counts define it)."""
    today = today or dates.today()
    if filters.campaign is None:
        return []
    qs = not_started_query(filters, unit_ids, today).select_related("unit", "supervisor")
    return list(qs.order_by("unit__code", "full_name")[:limit])


def not_started_query(filters: Filters, unit_ids: list[int], today: dt.date):
    """Active employees of the units who have not started the campaign's course (nothing loaded yet)."""
    started = learning_annotations(course_id=filters.course_id, year=today.year)["lr_started"]
    return (
        Employee.objects.filter(active=True, unit_id__in=unit_ids).annotate(lr_started=started).filter(lr_started=False)
    )


def people(filters: Filters, unit_ids: list[int], today: dt.date | None = None, limit: int = LIST_LIMIT):
    """The people list with the same predikat definition as the counts (current revision in the period): `pred`,
    the one figure the list shows."""
    qs = Employee.objects.filter(active=True, unit_id__in=unit_ids).select_related("unit")
    current = _predikat_in(filters.period)
    if current is not None:
        qs = qs.annotate(pred=current)
    return list(qs.order_by("unit__code", "full_name")[:limit])
