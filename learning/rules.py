"""Pure rules of learning records: question kinds and scoring, attempt timing, JP arithmetic, due dates.

No database access here: every function takes plain values so the rules can be tested with tables of cases.
The question kinds and score policies are defined here once; blocks, models and services use these.
WIT dates come from `portal.dates`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _


class QuestionKind(TextChoices):
    SINGLE = "single", _("Pilihan tunggal (satu jawaban benar)")
    MULTIPLE = "multiple", _("Pilihan ganda (beberapa jawaban benar, dinilai semua-atau-tidak)")
    TRUEFALSE = "truefalse", _("Benar / Salah")


#: Kinds answered with exactly one choice.
ONE_ANSWER_KINDS = frozenset({QuestionKind.SINGLE, QuestionKind.TRUEFALSE})


class ScorePolicy(TextChoices):
    """Which of a learner's submitted attempts at a quiz the course keeps."""

    HIGHEST = "highest", _("Nilai tertinggi")
    LATEST = "latest", _("Nilai terakhir")


#: Seconds after the deadline an answer still counts (a slow connection, the click that was on its way).
DEFAULT_GRACE_SECONDS = 30
REMINDER_WINDOW_DAYS = 7

_TWO_PLACES = Decimal("0.01")


def question_correct(kind: str, correct_ids: Iterable[str], selected_ids: Iterable[str]) -> bool:
    """Whether the selection answers the question: single and true/false need the one right choice,
    multiple needs exactly the set of right choices (all or nothing); an empty answer is wrong."""
    if kind not in QuestionKind.values:
        raise ValueError(f"unknown question kind {kind!r}")
    correct, selected = set(correct_ids), set(selected_ids)
    if not selected or not correct:
        return False
    if kind in ONE_ANSWER_KINDS and len(selected) != 1:
        return False
    return selected == correct


def score_percent(correct: int, total: int) -> Decimal:
    """Share of questions answered right, in percent with two decimals (half up)."""
    if total <= 0:
        return Decimal("0.00")
    if not 0 <= correct <= total:
        raise ValueError("correct must be between 0 and total")
    return (Decimal(correct) * 100 / Decimal(total)).quantize(_TWO_PLACES, rounding=ROUND_HALF_UP)


def is_passed(percent: Decimal, pass_mark: int | Decimal) -> bool:
    """Reaching the pass mark passes (70% with a pass mark of 70 passes)."""
    return Decimal(percent) >= Decimal(pass_mark)


def kept_score(scores_oldest_first: Sequence[Decimal], policy: str = ScorePolicy.HIGHEST) -> Decimal | None:
    """The score a course keeps from a learner's submitted attempts: the highest (default) or the latest."""
    if not scores_oldest_first:
        return None
    if policy == ScorePolicy.LATEST:
        return scores_oldest_first[-1]
    if policy != ScorePolicy.HIGHEST:
        raise ValueError(f"unknown score policy {policy!r}")
    return max(scores_oldest_first)


def attempts_left(max_attempts: int, used: int) -> int | None:
    """Attempts still allowed; None when unlimited (max_attempts 0)."""
    if max_attempts <= 0:
        return None
    return max(0, max_attempts - used)


def may_start_attempt(max_attempts: int, used: int) -> bool:
    left = attempts_left(max_attempts, used)
    return left is None or left > 0


def attempt_deadline(started_at: dt.datetime, time_limit_minutes: int) -> dt.datetime | None:
    """When an attempt's time is up; None without a time limit."""
    if not time_limit_minutes or time_limit_minutes <= 0:
        return None
    return started_at + dt.timedelta(minutes=time_limit_minutes)


def is_late(at: dt.datetime, deadline: dt.datetime | None, grace_seconds: int = DEFAULT_GRACE_SECONDS) -> bool:
    """An answer or submission is late once the deadline plus the grace has passed."""
    if deadline is None:
        return False
    return at > deadline + dt.timedelta(seconds=grace_seconds)


def draw_questions(question_ids: Sequence[str], *, draw_count: int, shuffle: bool, rng: random.Random) -> list[str]:
    """The questions of one attempt in their order: a random draw of draw_count (0 = all), shuffled or not.

    A draw keeps the authored order unless shuffling is on, so a drawn subset reads like the original quiz.
    """
    ids = list(question_ids)
    if 0 < draw_count < len(ids):
        chosen = set(rng.sample(ids, draw_count))
        ids = [qid for qid in ids if qid in chosen]
    if shuffle:
        rng.shuffle(ids)
    return ids


def order_choices(choice_ids: Sequence[str], *, shuffle: bool, rng: random.Random) -> list[str]:
    ids = list(choice_ids)
    if shuffle:
        rng.shuffle(ids)
    return ids


def jp(value) -> Decimal:
    """A JP amount as a Decimal with two places; refuses floats' binary noise and negatives."""
    if isinstance(value, float):
        value = repr(value)
    amount = Decimal(value).quantize(_TWO_PLACES, rounding=ROUND_HALF_UP)
    if amount < 0:
        raise ValueError("JP cannot be negative")
    return amount


def jp_sum(values: Iterable) -> Decimal:
    return sum((jp(v) for v in values), Decimal("0.00"))


def jp_progress_percent(earned: Decimal, minimum: int | Decimal) -> int:
    """Progress towards the yearly minimum, 0–100 (whole percent, capped)."""
    if Decimal(minimum) <= 0:
        return 100
    share = (Decimal(earned) * 100 / Decimal(minimum)).to_integral_value(rounding=ROUND_HALF_UP)
    return int(min(Decimal(100), max(Decimal(0), share)))


def jp_from_minutes(minutes: int, minutes_per_jp: int = 45) -> Decimal:
    """JP for a number of learning minutes (1 JP = 45 minutes in common practice)."""
    return jp(Decimal(minutes) / Decimal(minutes_per_jp))


def due_status(due: dt.date | None, today: dt.date, window_days: int = REMINDER_WINDOW_DAYS) -> str:
    """ "overdue", "soon" (within the window, today included), "later" or "" without a due date."""
    if due is None:
        return ""
    if due < today:
        return "overdue"
    if due <= today + dt.timedelta(days=window_days):
        return "soon"
    return "later"


def needs_reminder(due: dt.date | None, today: dt.date, window_days: int = REMINDER_WINDOW_DAYS) -> bool:
    return due_status(due, today, window_days) in ("overdue", "soon")


def progress_percent(done: int, total: int) -> int:
    if total <= 0:
        return 0
    return min(100, round(done * 100 / total))


# --- Course analytics (the trainers' report) ---------------------------------------------------------------------
#: A figure computed from fewer attempts (or completions) than this is not shown: too few to mean anything, and
#: close to showing one person's result.
ANALYTICS_MIN_ATTEMPTS = 5
#: A discrimination index below this (point-biserial) marks a question to review; below zero, check the key.
DISCRIMINATION_WEAK = 0.2


def enough_data(n: int | None) -> bool:
    return (n or 0) >= ANALYTICS_MIN_ATTEMPTS


def share_percent(part: int, whole: int) -> int | None:
    """A share as a whole percent, or None when there is no whole."""
    if not whole:
        return None
    return round(part * 100 / whole)


def point_biserial(*, n: int, n_correct: int, score_sum: float, score_sq_sum: float, correct_score_sum: float):
    """The point-biserial correlation between answering a question right (1/0) and the attempt's score, from
    sums (so the database can compute them): r = (M1 - M0) / s * sqrt(p * q), with s the population standard
    deviation of the scores of the n attempts that were given the question. None when undefined (everyone right,
    everyone wrong, or every score equal)."""
    if n <= 0 or n_correct <= 0 or n_correct >= n:
        return None
    mean = score_sum / n
    variance = score_sq_sum / n - mean * mean
    if variance <= 1e-9:
        return None
    mean_right = correct_score_sum / n_correct
    mean_wrong = (score_sum - correct_score_sum) / (n - n_correct)
    p = n_correct / n
    return (mean_right - mean_wrong) / variance**0.5 * (p * (1 - p)) ** 0.5


def median_duration(middle: Sequence[dt.timedelta], count: int) -> dt.timedelta | None:
    """The median of `count` durations given the one (odd count) or two (even count) in the middle."""
    if count <= 0 or not middle:
        return None
    if count % 2 == 1 or len(middle) == 1:
        return middle[0]
    return (middle[0] + middle[1]) / 2


def median_window(count: int) -> tuple[int, int]:
    """The slice [start, stop) of the sorted values holding the median of `count` values."""
    return (count - 1) // 2, count // 2 + 1
