"""A cohort of record-only demo learners in the onboarding course, so the trainers' course analytics have real
figures in the demo: enrollments spread over recent weeks, drop-off at each module, and enough submitted final-quiz
attempts (with varied answers: strong and weak learners, one question that discriminates the wrong way) for every
question's statistics to show.

The learners cannot sign in (unusable password, no role) and hold no employee record. Deterministic (fixed
abilities, a seeded draw per attempt) and idempotent: a cohort learner already enrolled is left as they are.
"""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from .. import services
from ..models import CoursePage, Enrollment, FinalAssessmentPage
from ..quiz import quiz_questions

COHORT_EMAIL = "peserta{:02d}.orientasi@walesi.test"
#: (ability 0..1, modules completed of the course or None for all and the final quiz, days since enrolling)
COHORT = [
    (0.95, None, 80),
    (0.85, None, 66),
    (0.8, None, 59),
    (0.7, None, 45),
    (0.6, None, 38),
    (0.5, None, 31),
    (0.4, None, 24),
    (0.35, None, 17),
    (0.5, 1, 12),
    (0.4, 2, 9),
    (0.3, 3, 5),
    (0.3, 0, 2),
]
#: The question (by position in the final quiz) answered right by the weaker learners only: a flawed item.
REVERSED_QUESTION = 6
PASS_MARK_RETRY_BONUS = 0.2


def _difficulty(position: int, total: int) -> float:
    return 0.1 + 0.75 * position / max(1, total - 1)


def _answers(final: FinalAssessmentPage, attempt, ability: float, learner: int) -> dict[str, list[str]]:
    """Answers by ability against each question's difficulty; wrong answers pick a distractor that depends on
    the learner, so the most chosen wrong answer is a real majority and not the only one."""
    questions = {q.id: (i, q) for i, q in enumerate(quiz_questions(final))}
    answers = {}
    for qid in attempt.question_ids:
        position, question = questions[qid]
        right = ability > _difficulty(position, len(questions))
        if position == REVERSED_QUESTION:
            right = ability < 0.55
        wrong = [c.id for c in question.choices if not c.is_correct]
        if right or not wrong:
            answers[qid] = sorted(question.correct_ids)
        else:
            answers[qid] = [wrong[0] if learner % 3 else wrong[-1]]
    return answers


def _take_final(user, final: FinalAssessmentPage, ability: float, learner: int) -> None:
    for number in range(1, final.max_attempts + 1 if final.max_attempts else 3):
        rng = random.Random(f"orientasi-{learner}-{number}")
        attempt = services.attempt_start(user=user, quiz_page=final, rng=rng)
        result = services.attempt_submit(
            user=user, attempt_id=attempt.pk, answers=_answers(final, attempt, ability, learner)
        )
        if result.passed:
            return
        ability += PASS_MARK_RETRY_BONUS  # they reread the modules before trying again


def _learner(index: int):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        email=COHORT_EMAIL.format(index),
        defaults={"first_name": "Peserta", "last_name": f"Orientasi {index:02d}", "is_active": True},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def learn(user, course: CoursePage, *, modules_done: int | None, ability: float, learner: int):
    """`user` works through `course` as a demo learner would: the first `modules_done` modules (None: all of them
    and the final quiz, retried until passed, answered by `ability`), then opens the next module. Through the
    learning services, recorded now; returns the enrollment (made if missing)."""
    modules = list(course.get_modules())
    final = FinalAssessmentPage.objects.child_of(course).live().first()
    enrollment = Enrollment.objects.filter(user=user, course=course).first() or services.enrollment_create(
        user=user, course=course
    )
    done = modules if modules_done is None else modules[:modules_done]
    for module in done:
        services.module_start(user=user, module=module, enrollment=enrollment)
        if module.has_quiz:
            attempt = services.attempt_start(user=user, quiz_page=module)
            answers = {q.id: sorted(q.correct_ids) for q in quiz_questions(module)}
            services.attempt_submit(user=user, attempt_id=attempt.pk, answers=answers)
        else:
            services.module_complete(user=user, module=module)
    if modules_done is not None and modules_done < len(modules) and modules_done > 0:
        services.module_start(user=user, module=modules[modules_done], enrollment=enrollment)
    if modules_done is None and final is not None:
        _take_final(user, final, ability, learner)
    return enrollment


@transaction.atomic
def seed_cohort(course: CoursePage, *, now: dt.datetime | None = None) -> int:
    """The cohort's records in the onboarding course; returns how many learners were added."""
    now = now or timezone.now()
    added = 0
    for index, (ability, modules_done, days) in enumerate(COHORT, start=1):
        user = _learner(index)
        if Enrollment.objects.filter(user=user, course=course).exists():
            continue
        enrollment = learn(user, course, modules_done=modules_done, ability=ability, learner=index)
        enrolled_at = now - dt.timedelta(days=days)
        # Enrolled weeks ago (the chart's weeks); the work itself is recorded as it happened, today.
        Enrollment.objects.filter(pk=enrollment.pk).update(
            enrolled_at=enrolled_at,
            started_at=enrolled_at + dt.timedelta(hours=3) if modules_done != 0 else None,
        )
        added += 1
    return added
