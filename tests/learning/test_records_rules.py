import datetime as dt
import random
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from learning import rules

UTC = dt.UTC
WIT = ZoneInfo("Asia/Jayapura")


@pytest.mark.parametrize(
    "kind, correct, selected, expected",
    [
        ("single", {"a"}, {"a"}, True),
        ("single", {"a"}, {"b"}, False),
        ("single", {"a"}, set(), False),
        ("single", {"a"}, {"a", "b"}, False),
        ("truefalse", {"t"}, {"t"}, True),
        ("truefalse", {"t"}, {"f"}, False),
        ("truefalse", {"t"}, {"t", "f"}, False),
        ("multiple", {"a", "c"}, {"a", "c"}, True),
        ("multiple", {"a", "c"}, {"a"}, False),  # all or nothing: partly right is wrong
        ("multiple", {"a", "c"}, {"a", "b", "c"}, False),
        ("multiple", {"a", "c"}, set(), False),
        ("multiple", {"a"}, {"a"}, True),
    ],
)
def test_question_scoring(kind, correct, selected, expected):
    assert rules.question_correct(kind, correct, selected) is expected


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        rules.question_correct("essay", {"a"}, {"a"})


@pytest.mark.parametrize(
    "correct, total, percent, pass_mark, passed",
    [
        (0, 3, Decimal("0.00"), 70, False),
        (2, 3, Decimal("66.67"), 70, False),
        (7, 10, Decimal("70.00"), 70, True),
        (3, 3, Decimal("100.00"), 100, True),
        (1, 8, Decimal("12.50"), 10, True),
        (0, 0, Decimal("0.00"), 0, True),
    ],
)
def test_percent_and_pass(correct, total, percent, pass_mark, passed):
    assert rules.score_percent(correct, total) == percent
    assert rules.is_passed(percent, pass_mark) is passed


@pytest.mark.parametrize(
    "scores, policy, kept",
    [
        ([Decimal(40), Decimal(90), Decimal(70)], "highest", Decimal(90)),
        ([Decimal(40), Decimal(90), Decimal(70)], "latest", Decimal(70)),
        ([], "highest", None),
    ],
)
def test_kept_score(scores, policy, kept):
    assert rules.kept_score(scores, policy) == kept


@pytest.mark.parametrize(
    "values, total",
    [
        (["1.5", "2.25", "0.25"], Decimal("4.00")),
        ([0.1, 0.2], Decimal("0.30")),  # no binary float noise
        ([], Decimal("0.00")),
        ([Decimal("2"), 3], Decimal("5.00")),
    ],
)
def test_jp_sum(values, total):
    assert rules.jp_sum(values) == total


def test_jp_rejects_negative():
    with pytest.raises(ValueError):
        rules.jp("-1")


@pytest.mark.parametrize(
    "earned, minimum, percent",
    [
        (Decimal("0"), 20, 0),
        (Decimal("5"), 20, 25),
        (Decimal("19.9"), 20, 100),
        (Decimal("30"), 20, 100),
        (Decimal("13.33"), 20, 67),
    ],
)
def test_jp_progress(earned, minimum, percent):
    assert rules.jp_progress_percent(earned, minimum) == percent


def test_jp_from_minutes():
    assert rules.jp_from_minutes(90) == Decimal("2.00")
    assert rules.jp_from_minutes(60) == Decimal("1.33")


def test_deadline_and_grace():
    start = dt.datetime(2026, 11, 28, 1, 0, tzinfo=UTC)
    deadline = rules.attempt_deadline(start, 10)
    assert deadline == start + dt.timedelta(minutes=10)
    assert rules.attempt_deadline(start, 0) is None
    assert not rules.is_late(deadline + dt.timedelta(seconds=29), deadline, grace_seconds=30)
    assert not rules.is_late(deadline + dt.timedelta(seconds=30), deadline, grace_seconds=30)
    assert rules.is_late(deadline + dt.timedelta(seconds=31), deadline, grace_seconds=30)
    assert not rules.is_late(start + dt.timedelta(days=9), None)


@pytest.mark.parametrize(
    "max_attempts, used, left, may", [(0, 50, None, True), (3, 2, 1, True), (3, 3, 0, False), (1, 5, 0, False)]
)
def test_attempts_left(max_attempts, used, left, may):
    assert rules.attempts_left(max_attempts, used) == left
    assert rules.may_start_attempt(max_attempts, used) is may


def test_draw_questions():
    ids = [f"q{i}" for i in range(10)]
    drawn = rules.draw_questions(ids, draw_count=4, shuffle=False, rng=random.Random(1))
    assert len(drawn) == 4 and drawn == sorted(drawn, key=ids.index)
    everything = rules.draw_questions(ids, draw_count=0, shuffle=True, rng=random.Random(2))
    assert sorted(everything) == sorted(ids) and everything != ids
    assert rules.draw_questions(ids, draw_count=20, shuffle=False, rng=random.Random(3)) == ids


@pytest.mark.parametrize(
    "due, status",
    [
        (None, ""),
        (dt.date(2026, 11, 27), "overdue"),
        (dt.date(2026, 11, 28), "soon"),
        (dt.date(2026, 12, 5), "soon"),
        (dt.date(2026, 12, 6), "later"),
    ],
)
def test_due_status(due, status):
    assert rules.due_status(due, dt.date(2026, 11, 28)) == status
    assert rules.needs_reminder(due, dt.date(2026, 11, 28)) is (status in ("overdue", "soon"))


def test_progress_percent():
    assert rules.progress_percent(0, 0) == 0
    assert rules.progress_percent(3, 8) == 38
    assert rules.progress_percent(8, 8) == 100
