"""Realistic learning records in bulk, for the benchmark and for trying the portal at the size of a kabupaten.

30 courses of 8 modules (real, live Wagtail pages; modules 4 and 8 end with a knowledge check), N learners
(default 5,000) each enrolled in 28 courses: about 1 million module-progress rows and 200,000 quiz attempts,
written with bulk_create in batches. Idempotent in learners: asking for more adds only the missing ones.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from portal.dates import wit_year
from portal.db import bulk_load, insert_objects, insert_rows

from .. import rules
from ..models import (
    Certificate,
    CourseCompletion,
    CoursePage,
    Enrollment,
    JPLedgerEntry,
    ModulePage,
    ModuleProgress,
    QuizAttempt,
)
from ..quiz import page_quiz_snapshot
from ..services.jp import jp_totals_rebuild
from .scale_pages import build_course, ensure_course_index, question_value

SCALE_EMAIL_DOMAIN = "scale.walesi.test"
SCALE_COURSES = 30
MODULES_PER_COURSE = 8
QUIZ_MODULES = (4, 8)
COURSES_PER_LEARNER = 28
BATCH = 5000
CHUNK = 1000  # learners per transaction


def _log(out: Callable[[str], None] | None, started: float, message: str) -> None:
    if out:
        out(f"[{time.perf_counter() - started:7.1f}s] {message}")


def build_scale_courses(out=None) -> list[CoursePage]:
    """The 30 scale courses (created once, found again on later runs)."""
    from home.devdata import demo as home_demo

    existing = list(CoursePage.objects.filter(slug__startswith="skala-").order_by("path"))
    if len(existing) >= SCALE_COURSES:
        return existing[:SCALE_COURSES]
    home = home_demo.seed()
    index = ensure_course_index(home)
    have = {c.slug for c in existing}
    for i in range(1, SCALE_COURSES + 1):
        slug = f"skala-{i:02d}"
        if slug in have:
            continue
        modules = []
        for m in range(1, MODULES_PER_COURSE + 1):
            spec = {"title": f"Modul {m} kursus skala {i}", "slug": f"modul-{m}", "estimated_minutes": 15}
            if m in QUIZ_MODULES:
                spec["questions"] = [
                    question_value(f"Soal {q} modul {m}?", [("Ya", True), ("Tidak", False), ("Ragu", False)])
                    for q in range(1, 4)
                ]
                spec["pass_mark"] = 70
            modules.append(spec)
        build_course(
            index,
            title=f"Kursus skala {i:02d}",
            slug=slug,
            modules=modules,
            jp=Decimal(2 + i % 4),
            issues_certificate=(i % 3 == 0),
            revisions=False,
        )
    return list(CoursePage.objects.filter(slug__startswith="skala-").order_by("path"))[:SCALE_COURSES]


def _ensure_learners(n: int, out, started) -> list[int]:
    User = get_user_model()
    have = User.objects.filter(email__endswith="@" + SCALE_EMAIL_DOMAIN).count()
    if have < n:
        first_names = ["Yosina", "Markus", "Agustina", "Elias", "Ruth", "Daniel", "Maria", "Yakob", "Ester", "Nius"]
        last_names = ["Wenda", "Lokobal", "Asso", "Itlay", "Wetipo", "Hubi", "Kogoya", "Tabuni", "Mabel", "Yikwa"]
        new = [
            User(
                email=f"asn{i:06d}@{SCALE_EMAIL_DOMAIN}",
                first_name=first_names[i % 10],
                last_name=last_names[(i // 10) % 10],
                password="!",  # unusable: scale learners never sign in
            )
            for i in range(have + 1, n + 1)
        ]
        User.objects.bulk_create(new, batch_size=BATCH)
        group = Group.objects.filter(name="Pegawai").first()
        ids = User.objects.filter(email__endswith="@" + SCALE_EMAIL_DOMAIN).values_list("id", flat=True)
        if group is not None:
            through = User.groups.through
            through.objects.bulk_create(
                [through(user_id=uid, group_id=group.pk) for uid in ids], batch_size=BATCH, ignore_conflicts=True
            )
        _log(out, started, f"{len(new)} learners created")
    return list(
        User.objects.filter(email__endswith="@" + SCALE_EMAIL_DOMAIN).order_by("id").values_list("id", flat=True)[:n]
    )


def run_scale_builders(user_ids: list[int], seed: int, out, started) -> None:
    """Run every PORTAL_SCALE_BUILDERS entry; a misspelt module or function fails loudly (ImproperlyConfigured)."""
    from portal.devdata.loading import setting_callable

    for dotted in getattr(settings, "PORTAL_SCALE_BUILDERS", []):
        setting_callable(dotted, setting="PORTAL_SCALE_BUILDERS")(user_ids, seed=seed)
        _log(out, started, f"ran {dotted}")


def generate(learners: int = 5000, *, seed: int = 2026, out=None) -> dict:
    """Build the scale data; returns counts and timings."""
    started = time.perf_counter()
    rng = random.Random(seed)
    with transaction.atomic():
        courses = build_scale_courses(out)
    _log(out, started, f"{len(courses)} courses ready")
    modules_by_course: dict[int, list[ModulePage]] = {c.pk: [] for c in courses}
    for module in (
        ModulePage.objects.filter(path__startswith=courses[0].path[:-4])
        .only("id", "path", "depth", "questions", "draw_count", "shuffle_questions", "shuffle_choices")
        .order_by("path")
    ):
        parent = next((c for c in courses if module.path.startswith(c.path) and module.depth == c.depth + 1), None)
        if parent is not None:
            modules_by_course[parent.pk].append(module)
    quiz_snapshots = {}
    for mods in modules_by_course.values():
        for module in mods:
            if module.has_quiz:
                snapshot = page_quiz_snapshot(module, rng=rng)
                quiz_snapshots[module.pk] = (snapshot.question_ids, snapshot.choice_order, snapshot.questions)
    with transaction.atomic():
        user_ids = _ensure_learners(learners, out, started)
    with_records = set(Enrollment.objects.filter(user_id__in=user_ids).values_list("user_id", flat=True).distinct())
    todo = [uid for uid in user_ids if uid not in with_records]
    now = timezone.now()
    counts = {"enrollments": 0, "progress": 0, "attempts": 0, "completions": 0}
    with bulk_load():
        for chunk_start in range(0, len(todo), CHUNK):
            chunk = todo[chunk_start : chunk_start + CHUNK]
            with transaction.atomic():
                _records_for(chunk, courses, modules_by_course, quiz_snapshots, rng, now, counts)
            if (chunk_start // CHUNK) % 5 == 4 or chunk_start + CHUNK >= len(todo):
                _log(out, started, f"records for {min(chunk_start + CHUNK, len(todo))}/{len(todo)} learners: {counts}")
        run_scale_builders(user_ids, seed, out, started)
    # The planner must see the new rows at once (pages were ~20x slower on PostgreSQL until autovacuum ran).
    # The whole database: the scale builders of other apps filled their tables too.
    from portal.db import analyze_tables

    # VACUUM as well: the dashboard's counts read covering indexes, index-only only once the visibility map is set
    # (at 50,000 the campaign's 50,000 enrolments: 84 ms from the heap, 6 ms from the index).
    analyze_tables(vacuum=True)
    _log(out, started, "VACUUM ANALYZE done")
    counts["learners"] = len(user_ids)
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts


ENROLLMENT_COLUMNS = [
    "user_id",
    "course_id",
    "source",
    "due_date",
    "assigned_by_id",
    "status",
    "enrolled_at",
    "started_at",
    "completed_at",
]
PROGRESS_COLUMNS = ["user_id", "module_id", "enrollment_id", "started_at", "completed_at"]
ATTEMPT_COLUMNS = [
    "user_id",
    "quiz_page_id",
    "enrollment_id",
    "number",
    "question_ids",
    "choice_order",
    "questions",
    "pass_mark",
    "started_at",
    "deadline",
    "submitted_at",
    "score",
    "correct_count",
    "passed",
    "late",
    "ignored_answers",
]


def _records_for(user_ids, courses, modules_by_course, quiz_snapshots, rng, now, counts) -> None:
    """The records of a chunk of learners as plain tuples, written with COPY on PostgreSQL (`insert_rows`):
    no model instance per row, so 50,000 learners (~10 million progress rows) take minutes, not hours."""
    enrollments = []
    plan = []  # (user_id, course, started_at, modules_done, completed)
    for uid in user_ids:
        for course in rng.sample(courses, COURSES_PER_LEARNER):
            started_at = now - dt.timedelta(days=rng.randint(1, 400), minutes=rng.randint(0, 1440))
            done = min(MODULES_PER_COURSE, int(rng.triangular(2, MODULES_PER_COURSE + 1, MODULES_PER_COURSE + 1)))
            completed = done == MODULES_PER_COURSE
            assigned = rng.random() < 0.15
            completed_at = started_at + dt.timedelta(days=rng.randint(0, 20)) if completed else None
            if completed_at and completed_at > now:
                completed_at = now
            enrollments.append(
                (
                    uid,
                    course.pk,
                    Enrollment.Source.ASSIGNED.value if assigned else Enrollment.Source.SELF.value,
                    (started_at + dt.timedelta(days=30)).date() if assigned else None,
                    None,
                    Enrollment.Status.COMPLETED.value if completed else Enrollment.Status.IN_PROGRESS.value,
                    started_at,
                    started_at,
                    completed_at,
                )
            )
            plan.append((uid, course, started_at, done, completed_at))
    insert_rows(Enrollment, ENROLLMENT_COLUMNS, enrollments)
    ids = {
        (uid, cid): pk
        for pk, uid, cid in Enrollment.objects.filter(user_id__in=user_ids).values_list("id", "user_id", "course_id")
    }
    progress, attempts, completions = [], [], []
    scores = {correct: rules.score_percent(correct, 3) for correct in range(4)}
    for uid, course, started_at, done, completed_at in plan:
        enrollment_id = ids[(uid, course.pk)]
        for position, module in enumerate(modules_by_course[course.pk], start=1):
            if position > done + 1:
                break
            opened = started_at + dt.timedelta(hours=position)
            finished = position <= done
            progress.append(
                (uid, module.pk, enrollment_id, opened, opened + dt.timedelta(minutes=20) if finished else None)
            )
            if module.pk in quiz_snapshots and (finished or rng.random() < 0.5):
                qids, order, snapshot = quiz_snapshots[module.pk]
                tries = ([False] if rng.random() < 0.3 else []) + ([True] if finished else [])
                if not tries:
                    tries = [False]
                for number, passed in enumerate(tries, start=1):
                    at = opened + dt.timedelta(minutes=10 + number)
                    correct = 3 if passed else rng.randint(0, 2)
                    attempts.append(
                        (
                            uid,
                            module.pk,
                            enrollment_id,
                            number,
                            qids,
                            order,
                            snapshot,
                            70,
                            at,
                            None,
                            at + dt.timedelta(minutes=5),
                            scores[correct],
                            correct,
                            passed,
                            False,
                            0,
                        )
                    )
        if completed_at:
            completions.append(
                CourseCompletion(
                    user_id=uid,
                    course_id=course.pk,
                    enrollment_id=enrollment_id,
                    course_title=course.title,
                    completed_at=completed_at,
                    score=Decimal("100.00"),
                    jp=course.jp_credit,
                )
            )
    insert_rows(ModuleProgress, PROGRESS_COLUMNS, progress)
    insert_rows(QuizAttempt, ATTEMPT_COLUMNS, attempts, json_columns=("question_ids", "choice_order", "questions"))
    insert_objects(CourseCompletion, completions)
    saved = list(
        CourseCompletion.objects.filter(user_id__in=user_ids).only("id", "user_id", "course_id", "jp", "completed_at")
    )
    by_course = {c.pk: c for c in courses}
    insert_objects(
        JPLedgerEntry,
        [
            JPLedgerEntry(
                user_id=c.user_id,
                year=wit_year(c.completed_at),
                jp=c.jp,
                course_id=c.course_id,
                completion_id=c.pk,
                description=by_course[c.course_id].title,
                created_at=c.completed_at,
            )
            for c in saved
        ],
    )
    insert_objects(
        Certificate,
        [
            Certificate(completion_id=c.pk, issued_at=c.completed_at)
            for c in saved
            if by_course[c.course_id].issues_certificate
        ],
    )
    jp_totals_rebuild(user_ids)  # bulk inserts send no signals: the year totals from the ledger, once
    counts["enrollments"] += len(enrollments)
    counts["progress"] += len(progress)
    counts["attempts"] += len(attempts)
    counts["completions"] += len(completions)
