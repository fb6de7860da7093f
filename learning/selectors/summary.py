"""Learning at a glance for many users at once: what the profile, the team view and the dashboard show.

The one way upper apps read learning records. `learning_summaries` costs the same three queries for one user or
five thousand: every count is aggregated in the database, grouped by user.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, DecimalField, F, Max, OuterRef, Q, Subquery, Sum
from django.db.models.expressions import Window
from django.db.models.functions import Cast, RowNumber
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal import dates

from .. import rules
from ..models import CourseCompletion, CoursePage, Enrollment, JPLedgerEntry, ModulePage, ModuleProgress, QuizAttempt

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
class RecentAttempt:
    """One submitted quiz attempt, as the learner's own profile lists it."""

    id: int
    number: int
    score: Decimal | None
    passed: bool | None
    submitted_at: dt.datetime
    quiz_id: int
    quiz_title: str


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
    #: The latest submitted attempts, newest first (at most RECENT_ATTEMPTS): what the owner's profile lists.
    recent_attempts: tuple[RecentAttempt, ...] = ()

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
    """A `LearningSummary` for each of `user_ids` (users without records get an empty one), in three queries
    whatever the number of users: the onboarding course, one row per user with the enrollment counts, JP and the
    latest module activity, and the latest quiz attempts. `year` defaults to this year in WIT; overdue is judged on `today`
    (WIT)."""
    ids = sorted({int(uid) for uid in user_ids})
    today = today or dates.today()
    year = year or today.year
    minimum = int(settings.PORTAL_MIN_JP_PER_YEAR)
    if not ids:
        return {}
    onboarding = onboarding_course()
    # One row per user, driven from the user table so JP kept after a course was deleted still counts: the
    # enrollment figures are conditional counts over the user's enrollments, JP and the latest module activity
    # correlated subqueries (each an index lookup per user).
    assigned_sources = [Enrollment.Source.ASSIGNED, Enrollment.Source.PLAN, Enrollment.Source.CAMPAIGN]
    open_statuses = [Enrollment.Status.ENROLLED, Enrollment.Status.IN_PROGRESS]
    open_assigned = Q(enrollments__source__in=assigned_sources, enrollments__status__in=open_statuses)
    aggregates = {
        "enrolled": Count("enrollments", filter=Q(enrollments__status=Enrollment.Status.ENROLLED)),
        "in_progress": Count("enrollments", filter=Q(enrollments__status=Enrollment.Status.IN_PROGRESS)),
        "completed": Count("enrollments", filter=Q(enrollments__status=Enrollment.Status.COMPLETED)),
        "assigned": Count("enrollments", filter=open_assigned),
        "overdue": Count("enrollments", filter=open_assigned & Q(enrollments__due_date__lt=today)),
        "last_enrolled": Max("enrollments__enrolled_at"),
        "last_started": Max("enrollments__started_at"),
        "last_completed": Max("enrollments__completed_at"),
    }
    if onboarding is not None:
        for status, rank in _STATUS_RANK.items():
            aggregates[f"onboarding_{rank}"] = Count(
                "enrollments", filter=Q(enrollments__course_id=onboarding.id, enrollments__status=status)
            )
    jp_total = Subquery(
        JPLedgerEntry.objects.filter(user_id=OuterRef("pk"), year=year)
        .values("user_id")
        .annotate(total=Sum("jp"))
        .values("total")[:1],
        output_field=DecimalField(max_digits=9, decimal_places=2),
    )
    last_opened = Subquery(
        ModuleProgress.objects.filter(user_id=OuterRef("pk")).order_by("-started_at").values("started_at")[:1]
    )
    last_done = Subquery(
        ModuleProgress.objects.filter(user_id=OuterRef("pk"), completed_at__isnull=False)
        .order_by("-completed_at")
        .values("completed_at")[:1]
    )
    rows = {
        row["pk"]: row
        for row in get_user_model()
        .objects.filter(pk__in=ids)
        .values("pk")
        .annotate(**aggregates)
        # after the aggregates, so each correlated subquery runs once per user (on the grouped row), not once per
        # joined enrollment row as it did when grouped by it (28 times per learner at the bench's scale)
        .annotate(jp_total=jp_total, last_opened=last_opened, last_done=last_done)
        .order_by()
    }
    recent: dict[int, list[RecentAttempt]] = {}
    for attempt_id, user_id, number, score, passed, submitted_at, quiz_id, quiz_title in (
        QuizAttempt.objects.filter(user_id__in=ids, submitted_at__isnull=False)
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("user_id")], order_by=[F("submitted_at").desc(), F("pk").desc()])
        )
        .filter(rank__lte=RECENT_ATTEMPTS)
        .values_list("pk", "user_id", "number", "score", "passed", "submitted_at", "quiz_page_id", "quiz_page__title")
    ):
        recent.setdefault(user_id, []).append(
            RecentAttempt(attempt_id, number, score, passed, submitted_at, quiz_id, quiz_title)
        )

    result = {}
    for uid in ids:
        row = rows.get(uid, {})
        attempts = recent.get(uid, [])
        attempts.sort(key=lambda a: (a.submitted_at, a.id), reverse=True)
        scores = [a.score for a in attempts if a.score is not None]
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
            jp_year=rules.jp(row.get("jp_total") or 0),
            jp_minimum=minimum,
            onboarding_status=status,
            onboarding_course=onboarding,
            last_activity=_latest(
                row.get("last_enrolled"),
                row.get("last_started"),
                row.get("last_completed"),
                row.get("last_opened"),
                row.get("last_done"),
                max((a.submitted_at for a in attempts), default=None),
            ),
            recent_quiz_average=((sum(scores, Decimal(0)) / len(scores)).quantize(Decimal("0.01")) if scores else None),
            recent_quiz_count=len(scores),
            recent_attempts=tuple(attempts),
        )
    return result


def learning_summary(*, user_id: int, year: int | None = None) -> LearningSummary:
    """The summary of one user (the same three queries)."""
    return learning_summaries(user_ids=[user_id], year=year)[user_id]


# --- Courses and per-course progress for development plans (added for performance/development) -----------------


@dataclass(frozen=True)
class CourseRow:
    """A published course as plans need it: enough for a list, a form choice and a link."""

    pk: int
    title: str
    slug: str
    path: str
    depth: int
    url_path: str
    standard_codes: frozenset[str]


def published_courses() -> list[CourseRow]:
    """Every published course with the codes of the published standards it targets, in one query."""
    rows: dict[int, dict] = {}
    for pk, title, slug, path, depth, url_path, code, standard_live in (
        CoursePage.objects.live()
        .order_by("title", "pk")
        .values_list(
            "pk", "title", "slug", "path", "depth", "url_path", "target_standards__code", "target_standards__live"
        )
    ):
        row = rows.setdefault(
            pk, {"title": title, "slug": slug, "path": path, "depth": depth, "url_path": url_path, "codes": set()}
        )
        if code and standard_live:
            row["codes"].add(code)
    return [
        CourseRow(pk, r["title"], r["slug"], r["path"], r["depth"], r["url_path"], frozenset(r["codes"]))
        for pk, r in rows.items()
    ]


def published_course(course_id) -> CoursePage | None:
    """The published course page with this id, or None (for enrolling through `learning.services`)."""
    try:
        return CoursePage.objects.live().defer_streamfields().filter(pk=int(course_id)).first()
    except (TypeError, ValueError):
        return None


def course_progress_for(pairs, courses=None) -> dict[tuple[int, int], dict]:
    """Per (user id, course id): percent of the course's required modules done and whether it is completed,
    straight from the learning records (four queries whatever the number of pairs; three when the caller
    passes the course pages it has already loaded)."""
    pairs = {(u, c) for u, c in pairs if u and c}
    result = {pair: {"percent": 0, "done": False, "enrolled": False, "due_date": None} for pair in pairs}
    if not pairs:
        return result
    user_ids = {u for u, _c in pairs}
    course_ids = {c for _u, c in pairs}
    enrollments = {
        (e["user_id"], e["course_id"]): e
        for e in Enrollment.objects.filter(user_id__in=user_ids, course_id__in=course_ids).values(
            "id", "user_id", "course_id", "status", "due_date"
        )
    }
    if courses is None:
        courses = list(CoursePage.objects.filter(pk__in=course_ids).only("id", "path", "depth"))
    courses = [c for c in {c.pk: c for c in courses}.values() if c.pk in course_ids]
    required: dict[int, set[int]] = defaultdict(set)
    if courses:
        condition = Q()
        for c in courses:
            condition |= Q(path__startswith=c.path, depth=c.depth + 1)
        by_path = {c.path: c.pk for c in courses}
        steplen = ModulePage.steplen
        rows = list(ModulePage.objects.live().filter(condition).values_list("id", "path", "is_required"))
        any_modules: dict[int, set[int]] = defaultdict(set)
        for pk, path, is_required in rows:
            course_id = by_path[path[:-steplen]]
            any_modules[course_id].add(pk)
            if is_required:
                required[course_id].add(pk)
        for course_id, modules in any_modules.items():
            required.setdefault(course_id, set())
            if not required[course_id]:
                required[course_id] = modules
    done_counts: dict[tuple[int, int], int] = defaultdict(int)
    enrollment_ids = [e["id"] for e in enrollments.values()]
    if enrollment_ids:
        all_modules = set().union(*required.values()) if required else set()
        for user_id, course_id, module_id in ModuleProgress.objects.filter(
            enrollment_id__in=enrollment_ids, completed_at__isnull=False, module_id__in=all_modules
        ).values_list("user_id", "enrollment__course_id", "module_id"):
            if module_id in required.get(course_id, ()):
                done_counts[(user_id, course_id)] += 1
    for pair in pairs:
        enrollment = enrollments.get(pair)
        if enrollment is None:
            continue
        total = len(required.get(pair[1], ()))
        done = enrollment["status"] == Enrollment.Status.COMPLETED
        percent = 100 if done else (round(done_counts[pair] * 100 / total) if total else 0)
        result[pair] = {
            "percent": min(percent, 100),
            "done": done,
            "enrolled": True,
            "due_date": enrollment["due_date"],
        }
    return result


#: Where an enrollment came from, for apps that enrol through `learning.services` (they never import the models).
EnrollmentSource = Enrollment.Source
# --- Aggregates for the leadership dashboard: expressions an upper app annotates its own rows with ---------------


def learning_annotations(
    *, course_id: int | None, year: int, user_ref: str = "user_id", today: dt.date | None = None
) -> dict:
    """Per-row learning figures as subquery expressions on `OuterRef(user_ref)`, so an upper app counts them per
    group in ONE query of its own (e.g. employees grouped by unit) without loading a row per learner:
    `lr_enrolled`, `lr_started`, `lr_completed` in `course_id` (False without a course), `lr_score` (the course
    score at completion), `lr_assigned` (enrolled by an assignment, not self), `lr_overdue` (assigned, not
    completed, due before `today`, WIT) and `lr_jp` (JP credited in `year`, WIT). Prefixed so the caller's aggregates may use the
    plain names."""
    from django.db.models import BooleanField, DecimalField, Exists, OuterRef, Subquery, Value
    from django.db.models.functions import Coalesce

    from ..models import CourseCompletion

    user = OuterRef(user_ref)
    jp = (
        JPLedgerEntry.objects.filter(user_id=user, year=year)
        .values("user_id")
        .annotate(total=Sum("jp"))
        .values("total")[:1]
    )
    figures: dict = {
        "lr_jp": Coalesce(Subquery(jp), Value(Decimal("0")), output_field=DecimalField(max_digits=8, decimal_places=2))
    }
    if course_id is None:
        no = Value(False, output_field=BooleanField())
        figures.update(
            lr_enrolled=no,
            lr_started=no,
            lr_completed=no,
            lr_assigned=no,
            lr_overdue=no,
            # A typed NULL: PostgreSQL cannot SUM/AVG an untyped one ("function sum(unknown) is not unique").
            lr_score=Cast(Value(None), output_field=DecimalField(max_digits=5, decimal_places=2)),
        )
        return figures
    mine = Enrollment.objects.filter(user_id=user, course_id=course_id)
    figures.update(
        lr_enrolled=Exists(mine),
        lr_started=Exists(mine.filter(started_at__isnull=False)),
        lr_completed=Exists(mine.filter(status=Enrollment.Status.COMPLETED)),
        lr_assigned=Exists(mine.exclude(source=Enrollment.Source.SELF)),
        lr_overdue=Exists(
            mine.exclude(source=Enrollment.Source.SELF)
            .exclude(status=Enrollment.Status.COMPLETED)
            .filter(due_date__lt=today or dates.today())
        ),
        # one completion per user and course (learning_completion_once): unordered, no sort per row
        lr_score=Subquery(
            CourseCompletion.objects.filter(user_id=user, course_id=course_id).order_by().values("score")[:1]
        ),
    )
    return figures


def with_learning_columns(qs, *, course_id: int | None, year: int, user_path: str = "user"):
    """`qs` (rows with a user at `user_path`, e.g. employees) with the figures of `learning_annotations` as LEFT
    JOINs instead of per-row subqueries: `lr_jp` from the learner's JP of the year (`JPYearTotal`), `lr_enrolled`,
    `lr_started`, `lr_completed` from their enrolment in `course_id` (one row per user and course) and `lr_score`
    from its completion. Each join has at most one row per user, so no row is repeated; over 50,000 people the
    database reads each table once (hash joins) instead of probing an index per person and figure."""
    from django.db.models import BooleanField, Case, FilteredRelation, Value, When
    from django.db.models.functions import Coalesce

    p = user_path
    qs = qs.annotate(
        lr_jp_row=FilteredRelation(f"{p}__jp_totals", condition=Q(**{f"{p}__jp_totals__year": year})),
    ).annotate(
        lr_jp=Coalesce(
            F("lr_jp_row__total"), Value(Decimal("0")), output_field=DecimalField(max_digits=8, decimal_places=2)
        )
    )
    if course_id is None:
        no = Value(False, output_field=BooleanField())
        return qs.annotate(
            lr_enrolled=no,
            lr_started=no,
            lr_completed=no,
            lr_score=Cast(Value(None), output_field=DecimalField(max_digits=5, decimal_places=2)),
        )
    qs = qs.annotate(
        lr_enr=FilteredRelation(f"{p}__enrollments", condition=Q(**{f"{p}__enrollments__course_id": course_id})),
        lr_done=FilteredRelation(
            f"{p}__course_completions", condition=Q(**{f"{p}__course_completions__course_id": course_id})
        ),
    )

    def flag(condition: Q):
        return Case(When(condition, then=Value(True)), default=Value(False), output_field=BooleanField())

    return qs.annotate(
        lr_enrolled=flag(Q(lr_enr__course_id__isnull=False)),  # a column of the index (no heap read)
        lr_started=flag(Q(lr_enr__started_at__isnull=False)),
        lr_completed=flag(Q(lr_enr__status=Enrollment.Status.COMPLETED)),
        lr_score=F("lr_done__score"),
    )


def completions_per_week(*, user_ids, course_id: int, since: dt.datetime) -> dict[dt.date, int]:
    """Completions of a course by the given users (a subquery of user ids) per ISO week (Monday, UTC), one query."""
    from django.db.models.functions import TruncWeek

    from ..models import CourseCompletion

    rows = (
        CourseCompletion.objects.filter(course_id=course_id, user_id__in=user_ids, completed_at__gte=since)
        .annotate(week=TruncWeek("completed_at"))
        .values("week")
        .annotate(n=Count("id"))
        .order_by("week")
    )
    return {(r["week"].date() if isinstance(r["week"], dt.datetime) else r["week"]): r["n"] for r in rows}


def assignment_covered_user_ids(*, course_id: int):
    """A subquery of the users an assignment of the course would not change: enrolled by an assignment, or
    self-enrolled and completed (a self-enrolment not completed still takes the assignment's due date)."""
    return (
        Enrollment.objects.filter(course_id=course_id)
        .exclude(Q(source=Enrollment.Source.SELF) & ~Q(status=Enrollment.Status.COMPLETED))
        .values("user_id")
    )


@dataclass(frozen=True)
class CompletedCourse:
    """A finished course as a profile lists it (the title is the one recorded at completion)."""

    id: int
    course_title: str
    completed_at: dt.datetime
    score: Decimal | None
    jp: Decimal
    certificate_code: str | None


def completed_courses(*, user_id: int) -> list[CompletedCourse]:
    """A learner's completed courses, newest first, with the certificate's code when one was issued (one query;
    records of a course deleted since are kept)."""
    return [
        CompletedCourse(*row)
        for row in CourseCompletion.objects.filter(user_id=user_id)
        .order_by("-completed_at", "-pk")
        .values_list("pk", "course_title", "completed_at", "score", "jp", "certificate__code")
    ]


def enrollment_counts(
    *, course_ids: Iterable[int], user_ids, group_by: dict, today: dt.date | None = None
) -> list[dict]:
    """Enrollments in `course_ids` of the users in `user_ids` (a subquery or a list), counted in ONE grouped query
    per course and per the caller's own expressions on `OuterRef("user_id")` (e.g. the employee's unit, so an upper
    app groups by what learning does not know): `enrolled`, `started`, `completed`, and `overdue` (assigned, not
    completed, due before `today`, WIT) — the same definitions as `learning_annotations`."""
    today = today or dates.today()
    open_assigned = ~Q(source=Enrollment.Source.SELF) & ~Q(status=Enrollment.Status.COMPLETED)
    return list(
        Enrollment.objects.filter(course_id__in=list(course_ids), user_id__in=user_ids)
        .annotate(**group_by)
        .values("course_id", *group_by)
        .annotate(
            enrolled=Count("pk"),
            started=Count("pk", filter=Q(started_at__isnull=False)),
            completed=Count("pk", filter=Q(status=Enrollment.Status.COMPLETED)),
            overdue=Count("pk", filter=open_assigned & Q(due_date__lt=today)),
        )
        .order_by()
    )
