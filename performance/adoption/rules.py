"""Pure rules of the adoption dashboard: when the distribution rule may be judged, the funnel, the default
period, percentages and the geometry of SVG bars (plain floats, never localized)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from performance import rules as perf_rules

#: The PermenPANRB spread is judged only when at least this many people AND this share of the headcount are
#: assessed in the period; below that a flag would be noise (1 of 44 assessed is not "Baik 100%").
MIN_ASSESSED = 10
MIN_ASSESSED_SHARE = 0.5


def percent(part: int, whole: int) -> int:
    """Whole percent, 0 for an empty whole (rounded half up, never above 100 for part ≤ whole)."""
    if not whole:
        return 0
    return int(100 * part / whole + 0.5)


@dataclass(frozen=True)
class DistributionJudgement:
    assessed: int
    headcount: int
    judged: bool
    flags: list[str]

    @property
    def assessed_percent(self) -> int:
        return percent(self.assessed, self.headcount)


def judge_distribution(
    counts: dict[int, int], headcount: int, organisation_predikat: int | None = None
) -> DistributionJudgement:
    """The distribution flags only when enough people are assessed to judge (MIN_ASSESSED and MIN_ASSESSED_SHARE)."""
    assessed = sum(n for p, n in counts.items() if p)
    judged = assessed >= MIN_ASSESSED and headcount > 0 and assessed / headcount >= MIN_ASSESSED_SHARE
    flags = (
        perf_rules.distribution_flags({p: n for p, n in counts.items() if p}, organisation_predikat) if judged else []
    )
    return DistributionJudgement(assessed=assessed, headcount=headcount, judged=judged, flags=flags)


FUNNEL_STEPS = [
    ("reached", _("Pernah masuk portal")),
    ("enrolled", _("Terdaftar di kursus")),
    ("completed", _("Menyelesaikan kursus")),
    ("in_plan", _("Punya rencana pengembangan")),
    ("improved", _("Predikat membaik")),
]


def funnel(headcount: int, steps: dict[str, int], keys: list[str]) -> list[dict]:
    """Funnel rows for the given step keys in order: each count is of people who passed every earlier step too
    (the caller counts the intersections), with the percent of headcount and of the previous step."""
    rows, previous = [], headcount
    labels = dict(FUNNEL_STEPS)
    for key in keys:
        n = steps.get(key, 0)
        rows.append(
            {
                "key": key,
                "label": labels[key],
                "n": n,
                "percent": percent(n, headcount),
                "of_previous": percent(n, previous),
            }
        )
        previous = n
    return rows


def improved(previous: int | None, current: int | None) -> bool:
    """A better predikat than last period (kuadran codes: 1 Sangat Baik … 5 Sangat Kurang, lower is better)."""
    return previous is not None and current is not None and current < previous


def default_period(periods, today: dt.date):
    """The period containing today (WIT), the shortest if several (a quarter before the year); else the latest
    that has ended. Never a future one."""
    current = [p for p in periods if p.start_date <= today <= p.end_date]
    if current:
        return min(current, key=lambda p: (p.end_date - p.start_date, p.start_date))
    past = [p for p in periods if p.end_date < today]
    return max(past, key=lambda p: (p.end_date, p.start_date)) if past else None


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def bars(values: list[int], *, width: float = 100.0) -> list[float]:
    """Bar lengths scaled to the largest value, rounded to 2 places (plain floats: render with localize off)."""
    top = max(values) if values else 0
    return [round(width * v / top, 2) if top else 0.0 for v in values]
