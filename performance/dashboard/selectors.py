"""Reads of the profile and team pages, each in a fixed number of queries whatever the data size."""

from __future__ import annotations

from django.db.models import IntegerField, OuterRef, Subquery
from django.utils.translation import get_language

from learning.selectors.summary import completed_courses, learning_summaries
from performance import rules
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
