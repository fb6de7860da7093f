"""Reads of learning records, each page in a fixed number of queries whatever the amount of data."""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass
from decimal import Decimal
from functools import reduce

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Exists, Max, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.models import Page

from portal import dates
from portal.dates import format_date, wit_date

from .. import rules
from ..models import (
    CourseCompletion,
    CoursePage,
    Enrollment,
    JPLedgerEntry,
    ModulePage,
    ModuleProgress,
    QuizAttempt,
)


@dataclass(frozen=True)
class _ModuleRow:
    """A module as the dashboard needs it: building a full page object per module costs more than the query."""

    pk: int
    title: str
    path: str
    depth: int
    url_path: str
    is_required: bool

    def as_page(self) -> Page:
        # Enough of a Page for {% pageurl %} and .title: the URL comes from url_path and the site's root path.
        return Page(id=self.pk, title=self.title, path=self.path, depth=self.depth, url_path=self.url_path)


def _modules_of(courses: list[CoursePage]) -> dict[int, list[_ModuleRow]]:
    """Live modules of several courses in one query, in course order."""
    if not courses:
        return {}
    by_path = {c.path: c.pk for c in courses}
    condition = reduce(operator.or_, [Q(path__startswith=c.path, depth=c.depth + 1) for c in courses])
    result: dict[int, list[_ModuleRow]] = {c.pk: [] for c in courses}
    steplen = Page.steplen
    rows = (
        ModulePage.objects.live()
        .filter(condition)
        .order_by("path")
        .values_list("id", "title", "path", "depth", "url_path", "is_required")
    )
    for row in rows:
        module = _ModuleRow(*row)
        result[by_path[module.path[:-steplen]]].append(module)
    return result


def _progress_summary(modules: list, done: set[int]) -> dict:
    counted = [m for m in modules if m.is_required] or modules
    finished = sum(1 for m in counted if m.pk in done)
    next_module = next((m for m in modules if m.pk not in done), None)
    if isinstance(next_module, _ModuleRow):
        next_module = next_module.as_page()
    return {
        "modules_done": finished,
        "modules_total": len(counted),
        "percent": rules.progress_percent(finished, len(counted)),
        "next_module": next_module,
    }


def learner_dashboard(user, *, now: dt.datetime | None = None) -> dict:
    """Everything on /belajar/: in progress, assigned, completed, JP this year, recent quiz results."""
    now = now or timezone.now()
    today = wit_date(now)
    year = today.year
    enrollments = list(
        Enrollment.objects.filter(user=user)
        .exclude(status=Enrollment.Status.COMPLETED)
        .select_related("course")
        .defer("course__learning_objectives")
        .order_by("due_date", "-enrolled_at")
    )
    modules = _modules_of([e.course for e in enrollments])
    done = (
        set(
            ModuleProgress.objects.filter(
                user=user, enrollment__in=[e.pk for e in enrollments], completed_at__isnull=False
            ).values_list("module_id", flat=True)
        )
        if enrollments
        else set()
    )
    in_progress, assigned = [], []
    for enrollment in enrollments:
        item = {"enrollment": enrollment, "course": enrollment.course}
        item.update(_progress_summary(modules.get(enrollment.course_id, []), done))
        if enrollment.source != Enrollment.Source.SELF:
            item["due_status"] = rules.due_status(enrollment.due_date, today)
            item["due_text"] = format_date(enrollment.due_date, get_language()) if enrollment.due_date else ""
            assigned.append(item)
        else:
            in_progress.append(item)
    completions = list(
        CourseCompletion.objects.filter(user=user)
        .select_related("certificate", "course")
        .only(
            "id",
            "course_title",
            "completed_at",
            "score",
            "jp",
            "course__id",
            "course__url_path",
            "course__path",
            "course__depth",
            "certificate__id",
            "certificate__code",
            "certificate__pdf",
        )
        .order_by("-completed_at")
    )
    for completion in completions:
        completion.completed_text = format_date(completion.completed_at, get_language())
        completion.cert = getattr(completion, "certificate", None)
    jp_year = JPLedgerEntry.objects.filter(user=user, year=year).aggregate(total=Sum("jp"))["total"] or Decimal("0")
    minimum = settings.PORTAL_MIN_JP_PER_YEAR
    recent = list(
        QuizAttempt.objects.filter(user=user, submitted_at__isnull=False)
        .select_related("quiz_page")
        .only("id", "number", "score", "passed", "submitted_at", "late", "quiz_page__id", "quiz_page__title")
        .order_by("-submitted_at")[:5]
    )
    for attempt in recent:
        attempt.submitted_text = format_date(attempt.submitted_at, get_language())
    return {
        "in_progress": in_progress,
        "assigned": assigned,
        "completions": completions,
        "jp_year": rules.jp(jp_year),
        "jp_minimum": minimum,
        "jp_percent": rules.jp_progress_percent(jp_year, minimum),
        "jp_missing": max(Decimal(0), Decimal(minimum) - jp_year),
        "year": year,
        "recent_attempts": recent,
    }


def course_progress(user, course: CoursePage, modules: list[ModulePage] | None = None) -> dict:
    """The learner's state in one course for the course page, in one query: the enrollment, which of the course's
    modules are done (an EXISTS per module: a course has a handful), and the completion with its certificate."""
    if not user.is_authenticated:
        return {"enrollment": None}
    if modules is None:
        modules = list(course.get_modules().only("id", "title", "path", "depth", "url_path", "is_required"))
    done_flags = {
        f"done_{m.pk}": Exists(
            ModuleProgress.objects.filter(enrollment=OuterRef("pk"), module_id=m.pk, completed_at__isnull=False)
        )
        for m in modules
    }
    enrollment = (
        Enrollment.objects.filter(user=user, course=course)
        .select_related("completion__certificate")
        .annotate(**done_flags)
        .first()
    )
    if enrollment is None:
        return {"enrollment": None}
    done = {m.pk for m in modules if getattr(enrollment, f"done_{m.pk}")}
    result = {"enrollment": enrollment, "done_ids": done}
    result.update(_progress_summary(modules, done))
    if enrollment.status == Enrollment.Status.COMPLETED:
        try:
            completion = enrollment.completion
        except ObjectDoesNotExist:
            completion = None
        if completion is not None:
            completion.completed_text = format_date(completion.completed_at, get_language())
            try:
                completion.cert = completion.certificate
            except ObjectDoesNotExist:
                completion.cert = None
        result["completion"] = completion
    if enrollment.due_date:
        result["due_text"] = format_date(enrollment.due_date, get_language())
        result["due_status"] = rules.due_status(enrollment.due_date, dates.today())
    return result


def enrollment_with_page_state(user, page):
    """The learner's enrollment in the course of a module or final assessment, annotated in the same query with
    this module's progress and a summary of the learner's attempts at its quiz (None when not enrolled)."""
    progress = ModuleProgress.objects.filter(enrollment=OuterRef("pk"), module_id=page.pk)
    attempts = QuizAttempt.objects.filter(user=OuterRef("user"), quiz_page_id=page.pk)
    submitted = attempts.filter(submitted_at__isnull=False)
    latest = submitted.order_by("-submitted_at", "-number")
    return (
        Enrollment.objects.filter(user=user, course__path=page.path[: -page.steplen])
        .annotate(
            progress_id=Subquery(progress.values("pk")[:1]),
            progress_completed_at=Subquery(progress.values("completed_at")[:1]),
            attempts_used=Coalesce(
                Subquery(attempts.values("quiz_page").annotate(n=Count("pk")).values("n")[:1]), Value(0)
            ),
            best_score=Subquery(submitted.values("quiz_page").annotate(best=Max("score")).values("best")[:1]),
            has_passed=Exists(submitted.filter(passed=True)),
            open_attempt_id=Subquery(attempts.filter(submitted_at__isnull=True).values("pk")[:1]),
            last_attempt_id=Subquery(latest.values("pk")[:1]),
            last_attempt_number=Subquery(latest.values("number")[:1]),
            last_attempt_score=Subquery(latest.values("score")[:1]),
            last_attempt_passed=Subquery(latest.values("passed")[:1]),
        )
        .first()
    )


def module_state(user, page, course: CoursePage | None, enrollment: Enrollment | None = None) -> dict:
    """The learner's state on a module or final assessment page: enrolled?, completed?, attempts so far.

    `enrollment` is the one the page hook found with `enrollment_with_page_state` (no further query then)."""
    state: dict = {"enrollment": None, "is_module": isinstance(page, ModulePage)}
    if not user.is_authenticated or course is None:
        return state
    if enrollment is None or not hasattr(enrollment, "attempts_used"):
        enrollment = enrollment_with_page_state(user, page)
    state["enrollment"] = enrollment
    if enrollment is None:
        return state
    state["module_done"] = enrollment.progress_completed_at is not None
    if page.has_quiz:
        used = enrollment.attempts_used
        state["attempts_used"] = used
        state["passed"] = enrollment.has_passed
        state["best_score"] = enrollment.best_score
        state["open_attempt_id"] = enrollment.open_attempt_id
        state["attempts_left"] = rules.attempts_left(page.max_attempts, used)
        state["may_start"] = enrollment.open_attempt_id is not None or rules.may_start_attempt(page.max_attempts, used)
        if enrollment.last_attempt_id:
            state["last_attempt"] = {
                "id": enrollment.last_attempt_id,
                "number": enrollment.last_attempt_number,
                "score": enrollment.last_attempt_score,
                "passed": enrollment.last_attempt_passed,
            }
    return state


def attempt_for_user(user, attempt_id: int) -> QuizAttempt | None:
    """The learner's own attempt (someone else's is None → 404), with its quiz page title."""
    return (
        QuizAttempt.objects.filter(pk=attempt_id, user=user)
        .select_related("quiz_page", "enrollment__course")
        .defer("enrollment__course__learning_objectives")
        .first()
    )


def attempt_questions(attempt: QuizAttempt, *, reveal: bool) -> list[dict]:
    """The attempt's questions in their fixed order with the learner's answers; the correct choices and the
    feedback only when `reveal` (after submission)."""
    saved = {a.question_id: a.selected for a in attempt.answers.all()}
    items = []
    for position, qid in enumerate(attempt.question_ids, start=1):
        question = attempt.questions[qid]
        selected = set(saved.get(qid, []))
        choices = []
        for cid in attempt.choice_order[qid]:
            choice = question["choices"][cid]
            entry = {"id": cid, "text": choice["text"], "selected": cid in selected}
            if reveal:
                entry.update(is_correct=choice["is_correct"], feedback=choice["feedback"])
            choices.append(entry)
        item = {
            "id": qid,
            "position": position,
            "kind": question["kind"],
            "prompt": question["prompt"],
            "choices": choices,
            "answered": bool(selected),
            "multiple": question["kind"] == rules.QuestionKind.MULTIPLE,
        }
        if reveal:
            right = [cid for cid, c in question["choices"].items() if c["is_correct"]]
            item["correct"] = rules.question_correct(question["kind"], right, selected)
            item["explanation"] = question["explanation"]
        items.append(item)
    return items


def reminder_due_enrollments(today: dt.date):
    """Assigned, unfinished enrollments due within the reminder window or overdue, with user and course."""
    limit = today + dt.timedelta(days=rules.REMINDER_WINDOW_DAYS)
    return (
        Enrollment.objects.filter(due_date__isnull=False, due_date__lte=limit, user__is_active=True)
        .exclude(status=Enrollment.Status.COMPLETED)
        .select_related("user", "course")
        .defer("course__learning_objectives")
        .order_by("user_id", "due_date")
    )


def export_rows(*, year: int, unit_code: str = "", progress=None) -> list[dict]:
    """Completions of a year (WIT) for HR, optionally of one unit (and its subunits), as export rows."""
    from portal.identity import get_identity_provider

    provider = get_identity_provider()
    qs = CourseCompletion.objects.filter(jp_entry__year=year).order_by("completed_at", "pk")
    if unit_code:
        qs = qs.filter(user_id__in=provider.user_ids_in_unit(unit_code))
    completions = list(qs.values("user_id", "course_title", "jp", "completed_at", "score"))
    if progress:
        progress(30)
    identities = provider.identities({c["user_id"] for c in completions})
    if progress:
        progress(60)
    rows = []
    for c in completions:
        who = identities.get(c["user_id"])
        rows.append(
            {
                "NIP": who.nip if who else "",
                "Nama": who.name if who else "",
                "Unit": who.unit_name if who else "",
                "Kursus": c["course_title"],
                "JP": c["jp"],
                "Tanggal selesai": wit_date(c["completed_at"]),
                "Nilai": c["score"],
            }
        )
    rows.sort(key=lambda r: (r["Unit"], r["Nama"], r["Tanggal selesai"]))
    return rows
