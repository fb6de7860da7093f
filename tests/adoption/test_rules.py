"""Pure rules of the adoption dashboard, as tables."""

import datetime as dt
from types import SimpleNamespace as P

import pytest

from performance.adoption import rules


@pytest.mark.parametrize(
    ("counts", "headcount", "judged", "flag_count"),
    [
        ({2: 1}, 44, False, 0),  # 1 of 44 assessed: no "Baik 100%" warning
        ({2: 9}, 10, False, 0),  # fewer than MIN_ASSESSED
        ({2: 10}, 30, False, 0),  # 10 of 30: below half the headcount
        ({2: 10}, 12, True, 2),  # Baik 100% and nobody Butuh Perbaikan/Kurang
        ({1: 2, 2: 6, 3: 2}, 10, True, 0),
        ({0: 5, 2: 10}, 15, True, 2),  # the not-assessed key 0 is not a predikat
        ({}, 0, False, 0),
    ],
)
def test_judge_distribution(counts, headcount, judged, flag_count):
    j = rules.judge_distribution(counts, headcount)
    assert (j.judged, len(j.flags)) == (judged, flag_count)
    assert j.assessed == sum(n for p, n in counts.items() if p)


@pytest.mark.parametrize(("part", "whole", "pct"), [(0, 0, 0), (1, 3, 33), (2, 3, 67), (1, 2, 50), (5, 5, 100)])
def test_percent(part, whole, pct):
    assert rules.percent(part, whole) == pct


def test_funnel_percents_of_headcount_and_previous_step():
    rows = rules.funnel(10, {"reached": 8, "enrolled": 4, "completed": 1}, ["reached", "enrolled", "completed"])
    assert [(r["n"], r["percent"], r["of_previous"]) for r in rows] == [(8, 80, 80), (4, 40, 50), (1, 10, 25)]


@pytest.mark.parametrize(("prev", "cur", "better"), [(3, 2, True), (2, 2, False), (2, 3, False), (None, 1, False)])
def test_improved(prev, cur, better):
    assert rules.improved(prev, cur) is better


Q3 = P(start_date=dt.date(2026, 7, 1), end_date=dt.date(2026, 9, 30))
Q4 = P(start_date=dt.date(2026, 10, 1), end_date=dt.date(2026, 12, 31))
YEAR = P(start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 12, 31))
Q1_NEXT = P(start_date=dt.date(2027, 1, 1), end_date=dt.date(2027, 3, 31))


@pytest.mark.parametrize(
    ("periods", "today", "expected"),
    [
        ([Q3, Q4, YEAR, Q1_NEXT], dt.date(2026, 12, 1), Q4),  # HR created next quarter already: not chosen
        ([Q3, Q1_NEXT], dt.date(2026, 12, 1), Q3),  # nothing current: the latest past one
        ([Q1_NEXT], dt.date(2026, 12, 1), None),  # only a future one: none
        ([YEAR], dt.date(2026, 12, 1), YEAR),
    ],
)
def test_default_period_is_never_a_future_one(periods, today, expected):
    assert rules.default_period(periods, today) is expected


def test_bars_are_plain_floats():
    assert rules.bars([0, 1, 4]) == [0.0, 25.0, 100.0]
    assert rules.bars([0, 0]) == [0.0, 0.0]
