"""Pure rules of the readiness pulse: the scale, the reporting thresholds, folding and the differencing guard.

No database access: every function takes plain dicts and returns plain values, so the tables of cases in
tests/pulse/test_rules.py state the whole contract.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

SCALE = (1, 2, 3, 4, 5)
SCALE_LABELS = {
    1: _("Sangat tidak setuju"),
    2: _("Tidak setuju"),
    3: _("Ragu-ragu"),
    4: _("Setuju"),
    5: _("Sangat setuju"),
}
STATEMENT_COUNT = 5
#: A group's scores are shown only with at least this many answers.
MIN_SCORES = 5
#: A group's open answers are shown only with at least this many answers.
MIN_OPEN = 10
#: Longest open answer accepted (characters).
OPEN_ANSWER_MAX = 1000
#: The one reminder goes out this many days before the pulse closes.
REMINDER_DAYS_BEFORE = 2

DEFAULT_STATEMENTS = (
    _("Saya memahami standar kinerja yang baru."),
    _("Standar kinerja yang baru berguna bagi pekerjaan saya dan bagi masyarakat yang kami layani."),
    _("Saya merasa mampu bekerja sesuai standar kinerja yang baru."),
    _("Atasan saya mendukung saya dalam menerapkan standar yang baru."),
    _("Unit kerja saya sungguh-sungguh menerapkan standar yang baru."),
)
DEFAULT_OPEN_QUESTION = _("Apa yang paling menghambat?")


def valid_score(value) -> bool:
    """1–5 as an int (bools and strings are not scores)."""
    return type(value) is int and value in SCALE


def storage_units(parents: Mapping[int, int | None], headcounts: Mapping[int, int], minimum: int = MIN_SCORES):
    """The unit each unit's answers are stored under: the unit itself when its subtree has at least `minimum`
    people, else the nearest ancestor (within the pulse) that has; the top unit keeps its own.

    `parents` maps every unit of the pulse to its parent (None or a unit outside the pulse for a top unit);
    `headcounts` the people directly in each unit. A stored answer thus never names a group smaller than
    `minimum` people, whatever is reported later.
    """
    subtree = subtree_totals(parents, headcounts)
    result = {}
    for unit in parents:
        current = unit
        while subtree.get(current, 0) < minimum and parents.get(current) in parents:
            current = parents[current]
        result[unit] = current
    return result


def subtree_totals(parents: Mapping[int, int | None], counts: Mapping[int, int]) -> dict[int, int]:
    """Each unit's count plus its descendants' (only units in `parents` take part)."""
    totals = {unit: 0 for unit in parents}
    for unit in parents:
        n = counts.get(unit, 0)
        if not n:
            continue
        current, seen = unit, set()
        while current in parents and current not in seen:
            seen.add(current)
            totals[current] += n
            current = parents[current]
    return totals


class Visibility(StrEnum):
    SHOWN = "shown"
    TOO_FEW = "too_few"  # fewer answers than the threshold: folded into the parent
    SUPPRESSED = "suppressed"  # enough answers, hidden so a smaller group cannot be worked out by subtraction


@dataclass(frozen=True)
class GroupDecision:
    n: int
    visibility: Visibility

    @property
    def shown(self) -> bool:
        return self.visibility == Visibility.SHOWN


def _children(parents: Mapping[int, int | None]) -> dict[int, list[int]]:
    children: dict[int, list[int]] = {unit: [] for unit in parents}
    for unit, parent in parents.items():
        if parent in children:
            children[parent].append(unit)
    for kids in children.values():
        kids.sort()
    return children


def _maximal_shown_below(unit: int, children, shown: set[int]) -> list[int]:
    """The shown descendants of `unit` that have no shown unit between them and `unit`."""
    found, stack = [], list(children[unit])
    while stack:
        current = stack.pop()
        if current in shown:
            found.append(current)
        else:
            stack.extend(children[current])
    return found


def report_groups(
    parents: Mapping[int, int | None], counts: Mapping[int, int], minimum: int = MIN_SCORES
) -> dict[int, GroupDecision]:
    """Which units' aggregates may be shown. A unit's group is every answer stored in its subtree.

    1. A group with fewer than `minimum` answers is not shown (its answers count in its parent's group).
    2. Differencing guard: for every shown group, what is left after subtracting its largest shown subgroups
       (the shown descendants with no shown unit in between) must be 0 or at least `minimum` answers;
       otherwise the smallest of those subgroups is suppressed too, and the check repeats.
    """
    n = subtree_totals(parents, counts)
    children = _children(parents)
    shown = {unit for unit, total in n.items() if total >= minimum}
    suppressed: set[int] = set()
    changed = True
    while changed:
        changed = False
        for unit in sorted(shown, key=lambda u: (-n[u], u)):
            if unit not in shown:
                continue
            below = _maximal_shown_below(unit, children, shown)
            residual = n[unit] - sum(n[b] for b in below)
            if 0 < residual < minimum and below:
                smallest = min(below, key=lambda b: (n[b], b))
                shown.discard(smallest)
                suppressed.add(smallest)
                changed = True
    return {
        unit: GroupDecision(
            n=n[unit],
            visibility=Visibility.SHOWN
            if unit in shown
            else (Visibility.SUPPRESSED if unit in suppressed else Visibility.TOO_FEW),
        )
        for unit in parents
    }


def distribution(counts: Mapping[int, int]) -> dict:
    """Mean and share of each answer 1–5 from the counts per value; None mean without answers."""
    total = sum(counts.get(v, 0) for v in SCALE)
    if not total:
        return {"n": 0, "mean": None, "shares": {v: 0.0 for v in SCALE}}
    mean = sum(v * counts.get(v, 0) for v in SCALE) / total
    return {"n": total, "mean": mean, "shares": {v: counts.get(v, 0) / total for v in SCALE}}


def readiness_index(means: Iterable[float | None]) -> float | None:
    """The mean of the statement means (1–5), None when any is missing."""
    values = list(means)
    if not values or any(m is None for m in values):
        return None
    return sum(values) / len(values)


def response_rate(answers: int, headcount: int, minimum: int = MIN_SCORES) -> float | None:
    """Answers over headcount, shown only for units of at least `minimum` people."""
    if headcount < minimum or headcount <= 0:
        return None
    return min(answers / headcount, 1.0)
