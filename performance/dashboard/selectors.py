"""Reads of the profile, team and leadership pages, each in a fixed number of queries whatever the data size."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.utils.translation import get_language

from learning.selectors.summary import completed_courses, learning_summaries
from performance import rules
from performance.access import leadership_unit_ids
from performance.models import Assessment, Employee, PerformancePeriod
from performance.selectors import DONE, predikat_label, with_latest_predikat
from portal import dates


def team_members(supervisor: Employee, period: PerformancePeriod | None) -> list[Employee]:
    """Direct reports with their latest predikat and the state of the open period's current assessment."""
    members = with_latest_predikat(
        Employee.objects.filter(supervisor=supervisor, active=True).select_related("unit").order_by("full_name")
    )
    if period is not None:
        current = Assessment.objects.filter(employee=OuterRef("pk"), period=period, is_current=True)
        members = members.annotate(
            period_status=Subquery(current.values("status")[:1]),
            period_predikat=Subquery(current.values("predikat")[:1], output_field=IntegerField()),
        )
    result = list(members)
    for member in result:
        member.latest_predikat_label = predikat_label(member.latest_predikat)
        member.latest_predikat_tone = rules.PREDIKAT_TONE.get(member.latest_predikat, "")
        status = getattr(member, "period_status", None)
        member.period_status_label = Assessment.Status(status).label if status else ""
    return result


def profile_assessments(employee: Employee) -> list[dict]:
    """Per period, the latest submitted revision with its standard ratings (newest period first)."""
    rows = list(
        Assessment.objects.filter(employee=employee, status__in=DONE)
        .select_related("period", "assessor")
        .prefetch_related("standard_ratings")
        .order_by("-period__end_date", "-revision")
    )
    seen = set()
    latest = []
    for a in rows:
        if a.period_id in seen:
            continue
        seen.add(a.period_id)
        latest.append(a)
    return [
        {
            "assessment": a,
            "predikat_label": predikat_label(a.predikat),
            "tone": rules.PREDIKAT_TONE.get(a.predikat, ""),
            "bars": [
                {
                    "title": s.standard_title,
                    "value": 4 - s.rating,  # Di atas = 3, Sesuai = 2, Di bawah = 1
                    "label": str(rules.RATING_LABELS[rules.Rating(s.rating)]),
                    "width": (4 - s.rating) * 50,
                    "text_x": (4 - s.rating) * 50 + 6,
                    "y": i * 46,
                    "bar_y": i * 46 + 20,
                    "text_y": i * 46 + 30,
                }
                for i, s in enumerate(a.standard_ratings.all())
            ],
            "chart_height": max(1, len(a.standard_ratings.all())) * 46,
        }
        for a in latest
    ]


def leadership_periods() -> list[PerformancePeriod]:
    return list(PerformancePeriod.objects.order_by("-end_date")[:12])


def leadership_overview(
    user, *, unit_id: int | None = None, period: PerformancePeriod | None = None
) -> tuple[QuerySet[Employee], list[dict], dict]:
    """Employees in the leader's scope with their latest predikat, and the spread of predikat per unit for one
    period (the distribution rule of PermenPANRB 6/2022 is about one assessment period).

    Counting is done per period with two grouped queries, so the cost does not depend on each employee's history.
    """
    unit_ids = leadership_unit_ids(user)
    scope = Employee.objects.filter(active=True)
    if unit_ids is not None:
        scope = scope.filter(unit_id__in=unit_ids)
    employees = with_latest_predikat(scope).select_related("unit")
    if unit_id:
        employees = employees.filter(unit_id=unit_id)
    per_unit: dict[int, dict] = {}
    for row in scope.values("unit_id", "unit__name", "unit__code").annotate(n=Count("id")).order_by("unit__code"):
        per_unit[row["unit_id"]] = {
            "id": row["unit_id"],
            "name": row["unit__name"],
            "counts": defaultdict(int),
            "n": row["n"],
        }
    if period is not None:
        assessed = (
            Assessment.objects.filter(period=period, is_current=True, status__in=DONE, employee__active=True)
            .filter(**({} if unit_ids is None else {"employee__unit_id__in": unit_ids}))
            .values("employee__unit_id", "predikat")
            .annotate(n=Count("id"))
        )
        for row in assessed:
            unit = per_unit.get(row["employee__unit_id"])
            if unit is not None:
                unit["counts"][row["predikat"]] += row["n"]
    overall: dict[int, int] = defaultdict(int)
    for unit in per_unit.values():
        unit["counts"][0] = unit["n"] - sum(unit["counts"].values())
        for key, n in unit["counts"].items():
            overall[key] += n
    distribution = [_distribution_row(unit["name"], unit["id"], unit["counts"]) for unit in per_unit.values()]
    summary = _distribution_row(None, None, overall)
    summary["flags"] = rules.distribution_flags({k: v for k, v in overall.items() if k})
    return employees.order_by("unit__code", "full_name"), distribution, summary


def _distribution_row(name, unit_id, counts: dict[int, int]) -> dict:
    """Counts per predikat with the segments of a 100-wide stacked bar (SVG units, no inline styles)."""
    total = sum(counts.values())
    cells, x = [], 0.0
    for p in rules.Predikat:
        n = counts.get(int(p), 0)
        width = 100 * n / total if total else 0
        cells.append(
            {"code": int(p), "label": rules.PREDIKAT_LABELS[p], "n": n, "x": round(x, 2), "w": round(width, 2)}
        )
        x += width
    missing = counts.get(0, 0)
    return {
        "name": name,
        "id": unit_id,
        "total": total,
        "cells": cells,
        "not_assessed": missing,
        "not_assessed_x": round(x, 2),
        "not_assessed_w": round(100 * missing / total, 2) if total else 0,
    }


def label_predikat(employees) -> None:
    """Give each employee (annotated by `with_latest_predikat`) the label and badge tone of its latest predikat."""
    for e in employees:
        e.predikat_label = predikat_label(e.latest_predikat)
        e.predikat_tone = rules.PREDIKAT_TONE.get(e.latest_predikat, "")


def profile_learning(user_id: int, *, is_self: bool) -> dict:
    """The profile's learning section from `learning.selectors.summary`: the summary (its latest attempts are the
    owner's list; the PDF and attempt links are the owner's) and the completed courses with their certificate,
    which cost one query more only for someone who finished a course."""
    summary = learning_summaries(user_ids=[user_id])[user_id]
    language = get_language()
    completions = completed_courses(user_id=user_id) if summary.completed or summary.jp_year else []
    attempts = []
    if is_self:
        attempts = [
            {"attempt": a, "submitted_text": dates.format_date(a.submitted_at, language)}
            for a in summary.recent_attempts
        ]
    return {
        "summary": summary,
        "completions": [
            {"course": c, "completed_text": dates.format_date(c.completed_at, language)} for c in completions
        ],
        "attempts": attempts,
    }
