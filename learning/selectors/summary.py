"""Learning at a glance for many users at once: what the profile, the team view and the dashboard show.

The one way upper apps read learning records. `learning_summaries` costs the same five queries for one user or
five thousand: every count is aggregated in the database, grouped by user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, F, Max, Q, Sum
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal import dates

from .. import rules
from ..models import CoursePage, Enrollment, JPLedgerEntry, ModuleProgress, QuizAttempt

#: How many of a learner's latest submitted quiz attempts make the "recent quiz average".
RECENT_ATTEMPTS = 5


class OnboardingStatus:
    """Where a learner stands in the onboarding course (the live course marked `is_onboarding`)."""

    NONE = ""  # no onboarding course is marked
    NOT_ENROLLED = "not_enrolled"
    ENROLLED = "enrolled"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"

    LABELS = {
        NOT_ENROLLED: _("Belum terdaftar"),
        ENROLLED: _("Terdaftar, belum mulai"),
        IN_PROGRESS: _("Sedang berjalan"),
        COMPLETED: _("Selesai"),
    }


# Enrollment statuses ranked so that MAX() over one user's onboarding enrollment gives its status.
_STATUS_RANK = {Enrollment.Status.ENROLLED: 1, Enrollment.Status.IN_PROGRESS: 2, Enrollment.Status.COMPLETED: 3}
_RANK_STATUS = {
    0: OnboardingStatus.NOT_ENROLLED,
    1: OnboardingStatus.ENROLLED,
    2: OnboardingStatus.IN_PROGRESS,
    3: OnboardingStatus.COMPLETED,
}


@dataclass(frozen=True)
class OnboardingCourse:
    id: int
    title: str
    url: str


@dataclass(frozen=True)
class LearningSummary:
    """One learner's learning at a glance.

    `enrolled` counts courses enrolled in but not started, `in_progress` started ones, `completed` finished ones;
    `assigned` the assigned courses (supervisor, plan, campaign) not yet completed, `overdue` those of them past
    their due date (WIT today). JP are those credited in `year` (WIT) against the yearly minimum.
    """

    user_id: int
    year: int
    enrolled: int = 0
    in_progress: int = 0
    completed: int = 0
    assigned: int = 0
    overdue: int = 0
    jp_year: Decimal = Decimal("0.00")
    jp_minimum: int = 0
    onboarding_status: str = OnboardingStatus.NONE
    onboarding_course: OnboardingCourse | None = None
    last_activity: dt.datetime | None = None
    recent_quiz_average: Decimal | None = None
    recent_quiz_count: int = 0

    @property
    def total(self) -> int:
        return self.enrolled + self.in_progress + self.completed

    @property
    def jp_percent(self) -> int:
        return rules.jp_progress_percent(self.jp_year, self.jp_minimum)

    @property
    def jp_missing(self) -> Decimal:
        return max(Decimal(0), Decimal(self.jp_minimum) - self.jp_year)

    @property
    def jp_met(self) -> bool:
        return self.jp_missing == 0

    @property
    def onboarding_label(self) -> str:
        return str(OnboardingStatus.LABELS.get(self.onboarding_status, ""))

    @property
    def onboarding_done(self) -> bool:
        return self.onboarding_status == OnboardingStatus.COMPLETED

    @property
    def last_activity_text(self) -> str:
        """The day of the last activity in WIT, written in the interface language."""
        return dates.format_date(self.last_activity, get_language()) if self.last_activity else ""


def onboarding_course() -> OnboardingCourse | None:
    """The onboarding course: the first live course (in catalogue order) marked `is_onboarding`."""
    course = (
        CoursePage.objects.live()
        .filter(is_onboarding=True)
        .order_by("path")
        .only("id", "title", "url_path", "path", "depth")
        .first()
    )
    if course is None:
        return None
    return OnboardingCourse(id=course.pk, title=course.title, url=course.get_url() or "")


def _latest(*moments: dt.datetime | None) -> dt.datetime | None:
    present = [m for m in moments if m is not None]
    return max(present) if present else None


def learning_summaries(
    *, user_ids: Iterable[int], year: int | None = None, today: dt.date | None = None
) -> dict[int, LearningSummary]:
    """A `LearningSummary` for each of `user_ids` (users without records get an empty one), in five queries
    whatever the number of users: the onboarding course, then enrollments, JP, module progress and quiz attempts,
    each aggregated per user in the database. `year` defaults to this year in WIT; overdue is judged on `today`
    (WIT)."""
    ids = sorted({int(uid) for uid in user_ids})
    today = today or dates.today()
    year = year or today.year
    minimum = int(settings.PORTAL_MIN_JP_PER_YEAR)
    if not ids:
        return {}
    onboarding = onboarding_course()
    open_assigned = ~Q(source=Enrollment.Source.SELF) & ~Q(status=Enrollment.Status.COMPLETED)
    aggregates = {
        "enrolled": Count("pk", filter=Q(status=Enrollment.Status.ENROLLED)),
        "in_progress": Count("pk", filter=Q(status=Enrollment.Status.IN_PROGRESS)),
        "completed": Count("pk", filter=Q(status=Enrollment.Status.COMPLETED)),
        "assigned": Count("pk", filter=open_assigned),
        "overdue": Count("pk", filter=open_assigned & Q(due_date__lt=today)),
        "last_enrolled": Max("enrolled_at"),
        "last_started": Max("started_at"),
        "last_completed": Max("completed_at"),
    }
    if onboarding is not None:
        for status, rank in _STATUS_RANK.items():
            aggregates[f"onboarding_{rank}"] = Count("pk", filter=Q(course_id=onboarding.id, status=status))
    enrollments = {
        row["user_id"]: row
        for row in Enrollment.objects.filter(user_id__in=ids).values("user_id").annotate(**aggregates).order_by()
    }
    jp = dict(
        JPLedgerEntry.objects.filter(user_id__in=ids, year=year)
        .values("user_id")
        .annotate(total=Sum("jp"))
        .order_by()
        .values_list("user_id", "total")
    )
    progress = {
        row["user_id"]: row
        for row in ModuleProgress.objects.filter(user_id__in=ids)
        .values("user_id")
        .annotate(last_opened=Max("started_at"), last_done=Max("completed_at"))
        .order_by()
    }
    recent: dict[int, list[tuple[Decimal, dt.datetime]]] = {}
    for user_id, score, submitted_at in (
        QuizAttempt.objects.filter(user_id__in=ids, submitted_at__isnull=False)
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("user_id")], order_by=[F("submitted_at").desc(), F("pk").desc()])
        )
        .filter(rank__lte=RECENT_ATTEMPTS)
        .values_list("user_id", "score", "submitted_at")
    ):
        recent.setdefault(user_id, []).append((score, submitted_at))

    result = {}
    for uid in ids:
        row = enrollments.get(uid, {})
        opened = progress.get(uid, {})
        attempts = recent.get(uid, [])
        scores = [score for score, _at in attempts if score is not None]
        status = OnboardingStatus.NONE
        if onboarding is not None:
            rank = max((r for r in _STATUS_RANK.values() if row.get(f"onboarding_{r}")), default=0)
            status = _RANK_STATUS[rank]
        result[uid] = LearningSummary(
            user_id=uid,
            year=year,
            enrolled=row.get("enrolled", 0),
            in_progress=row.get("in_progress", 0),
            completed=row.get("completed", 0),
            assigned=row.get("assigned", 0),
            overdue=row.get("overdue", 0),
            jp_year=rules.jp(jp.get(uid) or 0),
            jp_minimum=minimum,
            onboarding_status=status,
            onboarding_course=onboarding,
            last_activity=_latest(
                row.get("last_enrolled"),
                row.get("last_started"),
                row.get("last_completed"),
                opened.get("last_opened"),
                opened.get("last_done"),
                max((at for _s, at in attempts), default=None),
            ),
            recent_quiz_average=((sum(scores, Decimal(0)) / len(scores)).quantize(Decimal("0.01")) if scores else None),
            recent_quiz_count=len(scores),
        )
    return result


def learning_summary(*, user_id: int, year: int | None = None) -> LearningSummary:
    """The summary of one user (the same five queries)."""
    return learning_summaries(user_ids=[user_id], year=year)[user_id]
