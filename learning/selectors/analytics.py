"""Course analytics for trainers: aggregates of a course's enrollments, module progress and final quiz.

Counts, shares and medians only: no function here returns a person, a name or a per-person row, and a quiz figure
(or the median time) computed from fewer than `rules.ANALYTICS_MIN_ATTEMPTS` attempts (completions) is withheld.
Every figure is counted in SQL; the per-question statistics come from answers grouped by (question, selection),
whose number is bounded by the quiz, not by the learners. The query count is fixed whatever the number of
learners, attempts or questions.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import reduce

from django.db import connection
from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    FloatField,
    Q,
    Subquery,
    Sum,
    TextField,
)
from django.db.models.functions import Cast, Coalesce, Collate, TruncWeek
from django.utils import timezone

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal import dates

from .. import rules
from ..models import (
    AttemptAnswer,
    CoursePage,
    Enrollment,
    FinalAssessmentPage,
    ModulePage,
    ModuleProgress,
    QuizAttempt,
)
from ..quiz import quiz_questions

#: Weeks shown in the enrollments chart (the current week last), and the chart's geometry in SVG units.
WEEKS = 26
CHART_STEP = 10
CHART_BAR_MAX = 90
CHART_BASELINE = 96

_STARTED = Q(started_at__isnull=False) | ~Q(status=Enrollment.Status.ENROLLED)
_ENROLLMENT_COUNTS = {
    "enrolled": Count("id"),
    "started": Count("id", filter=_STARTED),
    "completed": Count("id", filter=Q(status=Enrollment.Status.COMPLETED)),
}
_PASS_COUNTS = {
    "attempts": Count("id"),
    "first_attempts": Count("id", filter=Q(number=1)),
    "first_passed": Count("id", filter=Q(number=1, passed=True)),
    "learners": Count("user_id", distinct=True),
    "learners_passed": Count("user_id", distinct=True, filter=Q(passed=True)),
}


# --- Who may see which course ----------------------------------------------------------------------------------
def editable_courses(user):
    """The courses the user may edit in the Wagtail admin (its page permissions; a superuser all), in tree order."""
    policy = PagePermissionPolicy(CoursePage)
    return policy.instances_user_has_permission_for(user, "change").order_by("path").defer("learning_objectives")


def editable_course(user, course_id: int) -> CoursePage | None:
    """The course when the user may edit it; None otherwise (the view answers 404)."""
    return editable_courses(user).filter(pk=course_id).first()


def may_use_course_analytics(user) -> bool:
    """Whether the admin menu shows the report: a user who may edit some page (read from Wagtail's per-request
    permission cache, so the menu costs no query of its own)."""
    return PagePermissionPolicy().user_has_any_permission(user, {"add", "change"})


# --- Figures ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EnrollmentCounts:
    enrolled: int
    started: int
    completed: int

    @property
    def started_percent(self) -> int | None:
        return rules.share_percent(self.started, self.enrolled)

    @property
    def completion_percent(self) -> int | None:
        return rules.share_percent(self.completed, self.enrolled)


@dataclass(frozen=True)
class PassRates:
    """Final-quiz pass rates: of the first attempts, and of the learners over all their attempts."""

    attempts: int = 0
    first_attempts: int = 0
    first_passed: int = 0
    learners: int = 0
    learners_passed: int = 0

    @property
    def shown(self) -> bool:
        return rules.enough_data(self.attempts)

    @property
    def first_shown(self) -> bool:
        return rules.enough_data(self.first_attempts)

    @property
    def first_percent(self) -> int | None:
        return rules.share_percent(self.first_passed, self.first_attempts) if self.first_shown else None

    @property
    def any_percent(self) -> int | None:
        return rules.share_percent(self.learners_passed, self.learners) if self.shown else None


@dataclass(frozen=True)
class CourseRow:
    """A line of the course list."""

    course: CoursePage
    counts: EnrollmentCounts
    has_final: bool
    pass_rates: PassRates


@dataclass(frozen=True)
class WeekBar:
    start: dt.date
    label: str
    n: int
    x: int
    y: int
    height: int


@dataclass(frozen=True)
class ModuleRow:
    position: int
    title: str
    started: int
    completed: int
    stopped_here: int  # learners not finished with the course whose furthest opened module is this one
    reached_percent: int | None  # started this module, of the enrolled
    completed_percent: int | None
    module_id: int = 0
    check: PassRates | None = None  # the module's knowledge check, when it has one


@dataclass(frozen=True)
class QuestionStat:
    position: int
    prompt: str
    kind: str
    presented: int  # submitted attempts that were given the question
    retired: bool  # no longer in the quiz (it appears in earlier attempts only)
    facility_percent: int | None = None
    discrimination: float | None = None
    discrimination_note: str = ""  # "good", "fair", "weak", "negative" or "undefined"
    wrong_text: str = ""
    wrong_count: int = 0
    wrong_percent: int | None = None

    @property
    def shown(self) -> bool:
        return rules.enough_data(self.presented)


@dataclass
class QuizReport:
    """A quiz's figures: a course's final assessment or a module's knowledge check."""

    page_id: int
    title: str
    pass_mark: int
    draw_count: int
    pass_rates: PassRates
    mean_score: float | None
    questions: list[QuestionStat] = field(default_factory=list)


def _counts(row: dict | None) -> EnrollmentCounts:
    row = row or {}
    return EnrollmentCounts(row.get("enrolled", 0), row.get("started", 0), row.get("completed", 0))


def _finals_of(courses: list[CoursePage]) -> dict[int, int]:
    """The final assessment page id of each course that has one (one query; live or not: attempts stay)."""
    if not courses:
        return {}
    by_path = {c.path: c.pk for c in courses}
    condition = reduce(operator.or_, [Q(path__startswith=c.path, depth=c.depth + 1) for c in courses])
    found: dict[int, int] = {}
    for pk, path in FinalAssessmentPage.objects.filter(condition).order_by("path").values_list("id", "path"):
        found.setdefault(by_path[path[: -Page.steplen]], pk)
    return found


def course_overview(courses: list[CoursePage]) -> list[CourseRow]:
    """The course list's figures for the given courses, in three queries whatever their number."""
    ids = [c.pk for c in courses]
    counts = {
        r["course_id"]: r
        for r in Enrollment.objects.filter(course_id__in=ids)
        .order_by()
        .values("course_id")
        .annotate(**_ENROLLMENT_COUNTS)
    }
    finals = _finals_of(courses)
    rates = {
        r["quiz_page_id"]: r
        for r in QuizAttempt.objects.filter(quiz_page_id__in=list(finals.values()), submitted_at__isnull=False)
        .order_by()
        .values("quiz_page_id")
        .annotate(**_PASS_COUNTS)
    }
    rows = []
    for course in courses:
        final_id = finals.get(course.pk)
        rate = rates.get(final_id, {})
        rows.append(
            CourseRow(
                course=course,
                counts=_counts(counts.get(course.pk)),
                has_final=final_id is not None,
                pass_rates=PassRates(**{k: rate.get(k, 0) for k in _PASS_COUNTS}),
            )
        )
    return rows


def _week_label(start: dt.date) -> str:
    end = start + dt.timedelta(days=6)
    return f"{start:%d/%m}–{end:%d/%m/%Y}"


def enrollments_per_week(course: CoursePage, *, now: dt.datetime | None = None, weeks: int = WEEKS) -> dict:
    """Enrollments per week (Monday to Sunday, WIT) over the last `weeks` weeks, zero weeks included, with the
    bar geometry of the chart as integers (an SVG attribute must never get a decimal comma)."""
    today = dates.wit_date(now or timezone.now())
    first = dates.week_start(today) - dt.timedelta(weeks=weeks - 1)
    rows = (
        Enrollment.objects.filter(course=course, enrolled_at__gte=dates.start_of_day(first))
        .annotate(week=TruncWeek("enrolled_at", tzinfo=dates.WIT))
        .order_by()
        .values("week")
        .annotate(n=Count("id"))
    )
    per_week: dict[dt.date, int] = {}
    for row in rows:
        week = row["week"]
        day = dates.wit_date(week) if isinstance(week, dt.datetime) else week
        per_week[day] = per_week.get(day, 0) + row["n"]
    starts = [first + dt.timedelta(weeks=i) for i in range(weeks)]
    values = [per_week.get(s, 0) for s in starts]
    top = max(values) if values else 0
    bars = []
    for i, (start, n) in enumerate(zip(starts, values, strict=True)):
        height = round(n * CHART_BAR_MAX / top) if top else 0
        if n and not height:
            height = 1
        bars.append(
            WeekBar(
                start=start,
                label=_week_label(start),
                n=n,
                x=i * CHART_STEP + 1,
                y=CHART_BASELINE - height,
                height=height,
            )
        )
    return {
        "bars": bars,
        "total": sum(values),
        "top": top,
        "chart_width": weeks * CHART_STEP,
        "chart_height": CHART_BASELINE + 2,
        "baseline": CHART_BASELINE,
        "bar_width": CHART_STEP - 2,
    }


def module_funnel(course: CoursePage, modules: list, counts: EnrollmentCounts) -> dict:
    """Per module in course order: how many opened and completed it, how many of those not finished with the
    course stopped there (their furthest opened module), and the pass rates of its knowledge check; two queries."""
    ids = [m.pk for m in modules]
    enrolled, unfinished_total = counts.enrolled, counts.enrolled - counts.completed
    if not ids:
        return {"rows": [], "not_opened": unfinished_total}
    # One scan of the modules' progress rows. Where the unfinished stop, without a row per learner: reached[k] =
    # unfinished enrollments that opened a module at position k or later; those whose furthest is k are
    # reached[k] - reached[k + 1].
    unfinished = ~Q(enrollment__status=Enrollment.Status.COMPLETED)
    figures = {}
    for k, pk in enumerate(ids):
        figures[f"s{k}"] = Count("id", filter=Q(module_id=pk))
        figures[f"c{k}"] = Count("id", filter=Q(module_id=pk, completed_at__isnull=False))
        figures[f"r{k}"] = Count("enrollment_id", distinct=True, filter=Q(module_id__in=ids[k:]) & unfinished)
    row = ModuleProgress.objects.filter(module_id__in=ids, enrollment__course=course).aggregate(**figures)
    reached = [row[f"r{k}"] or 0 for k in range(len(ids))] + [0]
    stops = {module.pk: reached[k] - reached[k + 1] for k, module in enumerate(modules)}
    stops[None] = max(0, unfinished_total - reached[0])
    per_module = {pk: {"started": row[f"s{k}"] or 0, "completed": row[f"c{k}"] or 0} for k, pk in enumerate(ids)}
    checks = check_pass_rates([m for m in modules if m.has_quiz])
    rows = []
    for position, module in enumerate(modules, start=1):
        counts = per_module.get(module.pk, {})
        started, completed = counts.get("started", 0), counts.get("completed", 0)
        rows.append(
            ModuleRow(
                position=position,
                title=module.title,
                started=started,
                completed=completed,
                stopped_here=stops.get(module.pk, 0),
                reached_percent=rules.share_percent(started, enrolled),
                completed_percent=rules.share_percent(completed, enrolled),
                module_id=module.pk,
                check=checks.get(module.pk),
            )
        )
    return {"rows": rows, "not_opened": stops.get(None, 0)}


def check_pass_rates(modules: list) -> dict[int, PassRates]:
    """The first-attempt pass rates of these modules' knowledge checks, in one query (none without a module). The
    per-learner counts (DISTINCT, the costly part) are left out: the module table shows first attempts only, and
    the check's own page has every figure."""
    if not modules:
        return {}
    counts = {k: _PASS_COUNTS[k] for k in ("attempts", "first_attempts", "first_passed")}
    rows = {
        r["quiz_page_id"]: r
        for r in QuizAttempt.objects.filter(quiz_page_id__in=[m.pk for m in modules], submitted_at__isnull=False)
        .order_by()
        .values("quiz_page_id")
        .annotate(**counts)
    }
    return {m.pk: PassRates(**{k: rows.get(m.pk, {}).get(k, 0) for k in _PASS_COUNTS}) for m in modules}


def median_completion_time(course: CoursePage, completed: int) -> dt.timedelta | None:
    """The median time from starting (or, never marked started, enrolling) to completing the course; None below
    the minimum number of completions. One query: the one or two durations in the middle of the sorted list."""
    if not rules.enough_data(completed):
        return None
    start, stop = rules.median_window(completed)
    duration = ExpressionWrapper(
        F("completed_at") - Coalesce("started_at", "enrolled_at"), output_field=DurationField()
    )
    middle = list(
        Enrollment.objects.filter(course=course, status=Enrollment.Status.COMPLETED)
        .annotate(duration=duration)
        .order_by("duration")
        .values_list("duration", flat=True)[start:stop]
    )
    middle = [d if isinstance(d, dt.timedelta) else dt.timedelta(microseconds=d) for d in middle]
    return rules.median_duration(middle, completed)


def _discrimination_note(value: float | None) -> str:
    if value is None:
        return "undefined"
    if value < 0:
        return "negative"
    if value < rules.DISCRIMINATION_WEAK:
        return "weak"
    if value < 0.3:
        return "fair"
    return "good"


def quiz_report(final) -> QuizReport:
    """A quiz's (the final assessment's or a module's knowledge check's) pass rates and per-question statistics
    over all submitted attempts, in five queries
    whatever the number of attempts or questions:

    1. the attempts' pass counts and score sums;
    2. the counted answers grouped by (question, selection), with the sum of their attempts' scores;
    3. per question, the number of attempts given it and the sum and sum of squares of their scores;
    4. per question, the latest attempt that was given it;
    5. those attempts' snapshots: each question's text, choices and key as the learners saw them.

    Facility: share of the attempts given the question that answered it right (no answer is wrong, as in scoring).
    Discrimination: the point-biserial correlation of answering right with the attempt's score
    (`rules.point_biserial`). The most chosen wrong answer: the wrong choice picked most often, its text from the
    snapshot. The key is the latest snapshot's, so a corrected key is judged as corrected.
    """
    submitted = QuizAttempt.objects.filter(quiz_page_id=final.pk, submitted_at__isnull=False).order_by()
    score = Cast("score", FloatField())
    totals = submitted.aggregate(**_PASS_COUNTS, score_sum=Sum(score))
    rates = PassRates(**{k: totals[k] or 0 for k in _PASS_COUNTS})
    mean = (totals["score_sum"] or 0) / rates.attempts if rates.shown else None
    report = QuizReport(
        page_id=final.pk,
        title=final.title,
        pass_mark=final.pass_mark,
        draw_count=final.questions_per_attempt,
        pass_rates=rates,
        mean_score=mean,
    )
    if not rates.attempts:
        report.questions = [
            QuestionStat(position=i, prompt=q.prompt, kind=q.kind, presented=0, retired=False)
            for i, q in enumerate(quiz_questions(final), start=1)
        ]
        return report

    # 2. The answers grouped by selection. Every saved answer counted at scoring: late ones are never saved.
    groups: dict[str, list[tuple[frozenset, int, float]]] = defaultdict(list)
    for row in (
        AttemptAnswer.objects.filter(attempt__quiz_page_id=final.pk, attempt__submitted_at__isnull=False)
        .order_by()
        .values("question_id", selection=_selection_text())
        .annotate(n=Count("id"), score_sum=Sum(Cast("attempt__score", FloatField())))
    ):
        selected = frozenset(str(c) for c in (json.loads(row["selection"] or "[]") or []))
        groups[row["question_id"]].append((selected, row["n"], row["score_sum"] or 0.0))

    live = quiz_questions(final)
    order = [q.id for q in live] + sorted(set(groups) - {q.id for q in live})
    if not order:
        return report

    # 3. Attempts given each question, and the sums of their scores.
    listed = submitted.alias(ids_text=Cast("question_ids", TextField()))
    aggregates = {}
    for i, qid in enumerate(order):
        given = _given(qid)
        aggregates[f"n{i}"] = Count("id", filter=given)
        aggregates[f"s{i}"] = Sum(score, filter=given)
        aggregates[f"ss{i}"] = Sum(score * score, filter=given)
    presented = listed.aggregate(**aggregates)

    # 4. The latest attempt given each question (one row of scalar subqueries selecting ids only: selecting the
    # snapshot there would read every candidate's JSON), then those few attempts' snapshots.
    latest = (
        Page.objects.filter(pk=final.pk)
        .values(
            **{
                f"q{i}": Subquery(listed.filter(_given(qid)).order_by("-submitted_at", "-pk").values("pk")[:1])
                for i, qid in enumerate(order)
            }
        )
        .first()
    ) or {}
    wanted = {pk for pk in latest.values() if pk}
    frozen = dict(QuizAttempt.objects.filter(pk__in=wanted).values_list("pk", "questions")) if wanted else {}
    snapshots = {f"q{i}": frozen.get(latest.get(f"q{i}"), {}).get(qid) for i, qid in enumerate(order)}

    live_by_id = {q.id: q for q in live}
    stats = []
    for i, qid in enumerate(order):
        snapshot = snapshots.get(f"q{i}")
        if not snapshot and qid in live_by_id:
            q = live_by_id[qid]
            snapshot = {
                "kind": q.kind,
                "prompt": q.prompt,
                "choices": {c.id: {"text": c.text, "is_correct": c.is_correct} for c in q.choices},
            }
        snapshot = snapshot or {"kind": rules.QuestionKind.SINGLE, "prompt": "", "choices": {}}
        n = presented.get(f"n{i}") or 0
        stat = {
            "position": i + 1,
            "prompt": snapshot.get("prompt", ""),
            "kind": snapshot.get("kind", rules.QuestionKind.SINGLE),
            "presented": n,
            "retired": qid not in live_by_id,
        }
        if rules.enough_data(n):
            stat.update(_question_figures(snapshot, groups.get(qid, []), n, presented, i))
        stats.append(QuestionStat(**stat))
    report.questions = stats
    return report


def _selection_text():
    """An answer's selection as text to group by: comparing text in the "C" collation is several times cheaper on
    PostgreSQL than comparing jsonb values (the JSON is the same for the same selection in the same order)."""
    text = Cast("selected", TextField())
    return Collate(text, "C") if connection.vendor == "postgresql" else text


def _given(qid: str) -> Q:
    """The attempts whose question list holds this question id: JSON containment on PostgreSQL (an operator on
    the jsonb value, no text made), a quoted match on the list's text elsewhere (ids are block UUIDs, so the match
    is exact); the text needs the `ids_text` alias."""
    if connection.vendor == "postgresql":
        return Q(question_ids__contains=[qid])
    return Q(ids_text__contains=f'"{qid}"')


def _question_figures(snapshot: dict, groups: list, n: int, presented: dict, i: int) -> dict:
    choices = snapshot.get("choices", {})
    key = [cid for cid, c in choices.items() if c.get("is_correct")]
    kind = snapshot.get("kind", rules.QuestionKind.SINGLE)
    right_n, right_scores = 0, 0.0
    wrong: Counter = Counter()
    for selected, count, score_sum in groups:
        if rules.question_correct(kind, key, selected):
            right_n += count
            right_scores += score_sum
        for cid in selected - set(key):
            wrong[cid] += count
    value = rules.point_biserial(
        n=n,
        n_correct=right_n,
        score_sum=presented.get(f"s{i}") or 0.0,
        score_sq_sum=presented.get(f"ss{i}") or 0.0,
        correct_score_sum=right_scores,
    )
    figures = {
        "facility_percent": rules.share_percent(right_n, n),
        "discrimination": None if value is None else round(value, 2),
        "discrimination_note": _discrimination_note(value),
    }
    if wrong:
        # The most chosen; a tie goes to the choice listed first in the question.
        position = {cid: p for p, cid in enumerate(choices)}
        cid, count = max(wrong.items(), key=lambda item: (item[1], -position.get(item[0], len(position))))
        figures.update(
            wrong_text=choices.get(cid, {}).get("text", ""),
            wrong_count=count,
            wrong_percent=rules.share_percent(count, n),
        )
    return figures


def course_report(course: CoursePage, *, now: dt.datetime | None = None) -> dict:
    """Everything on a course's report page in twelve queries at most, whatever the number of learners,
    attempts or questions."""
    modules = list(ModulePage.objects.child_of(course).live().order_by("path").only("id", "title", "path", "questions"))
    final = FinalAssessmentPage.objects.child_of(course).order_by("path").first()
    counts = _counts(Enrollment.objects.filter(course=course).order_by().aggregate(**_ENROLLMENT_COUNTS))
    median = median_completion_time(course, counts.completed)
    return {
        "counts": counts,
        "weeks": enrollments_per_week(course, now=now),
        "funnel": module_funnel(course, modules, counts),
        "median": median,
        "median_days": None if median is None else round(median.total_seconds() / 86400, 1),
        "median_hours": None if median is None else round(median.total_seconds() / 3600),
        "final": quiz_report(final) if final is not None else None,
        "min_attempts": rules.ANALYTICS_MIN_ATTEMPTS,
    }


def course_check(course: CoursePage, module_id: int) -> ModulePage | None:
    """A module of this course that has (or had: its attempts stay) a knowledge check; None otherwise (a 404)."""
    module = ModulePage.objects.child_of(course).filter(pk=module_id).first()
    if module is None:
        return None
    if module.has_quiz or QuizAttempt.objects.filter(quiz_page_id=module.pk).exists():
        return module
    return None


def check_report(module: ModulePage) -> dict:
    """A knowledge check's page: its pass rates and per-question statistics (as the final assessment's)."""
    return {"quiz": quiz_report(module), "min_attempts": rules.ANALYTICS_MIN_ATTEMPTS}
