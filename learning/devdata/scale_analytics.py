"""Final-quiz records at scale for the trainers' course analytics: one scale course (`skala-01`) gets a final
assessment (10 questions, 8 drawn per attempt) and its enrolled learners submitted attempts with their answers, as
a simple item-response model gives them (ability against difficulty; one question discriminating the wrong way;
a few questions left unanswered). Bulk inserts; idempotent: a learner who has attempts is left as they are.

Run by the course-analytics bench case's setup (`learning/devdata/bench.py`) after `generate_scale_data`.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from django.db import transaction
from django.utils import timezone

from .. import rules
from ..models import AttemptAnswer, CoursePage, Enrollment, FinalAssessmentPage, QuizAttempt
from ..quiz import quiz_questions, quiz_snapshot
from .scale_pages import question_value, questions_stream

COURSE_SLUG = "skala-01"
QUESTIONS = 10
DRAW = 8
MAX_ATTEMPTS = 3
REVERSED = 7  # the position of the flawed question
CHUNK = 1000


def ensure_final(course: CoursePage) -> FinalAssessmentPage:
    """The scale course's final assessment (created once)."""
    final = FinalAssessmentPage.objects.child_of(course).first()
    if final is not None:
        return final
    questions = [
        question_value(
            f"Soal ujian akhir {i} kursus skala?",
            [("Jawaban tepat", True), ("Pengecoh utama", False), ("Pengecoh kedua", False), ("Pengecoh ketiga", False)],
        )
        for i in range(1, QUESTIONS + 1)
    ]
    final = course.add_child(
        instance=FinalAssessmentPage(
            title="Ujian akhir kursus skala",
            slug="ujian-akhir",
            questions=questions_stream(questions),
            pass_mark=70,
            max_attempts=MAX_ATTEMPTS,
            draw_count=DRAW,
            shuffle_questions=True,
            shuffle_choices=True,
        )
    )
    final.save_revision().publish()
    return FinalAssessmentPage.objects.get(pk=final.pk)


def _p_right(ability: float, difficulty: float) -> float:
    return 1 / (1 + math.exp(-1.7 * (ability - difficulty)))


def build_final_attempts(*, seed: int = 2026, course_slug: str = COURSE_SLUG, now: dt.datetime | None = None) -> dict:
    """Attempts and answers at the scale course's final assessment for every enrolled learner without any yet."""
    course = CoursePage.objects.filter(slug=course_slug).first()
    if course is None:
        return {"attempts": 0, "answers": 0}
    with transaction.atomic():
        final = ensure_final(course)
    questions = quiz_questions(final)
    position = {q.id: i for i, q in enumerate(questions)}
    difficulty = [-1.5 + 3 * i / max(1, len(questions) - 1) for i in range(len(questions))]
    now = now or timezone.now()
    have = set(QuizAttempt.objects.filter(quiz_page_id=final.pk).values_list("user_id", flat=True).distinct())
    todo = [
        row
        for row in Enrollment.objects.filter(course=course)
        .order_by("user_id")
        .values_list("id", "user_id", "status", "started_at")
        if row[1] not in have
    ]
    counts = {"attempts": 0, "answers": 0}
    for start in range(0, len(todo), CHUNK):
        attempts, answers = [], []
        for enrollment_id, user_id, status, started_at in todo[start : start + CHUNK]:
            rng = random.Random(seed * 1_000_003 + user_id)
            if status != Enrollment.Status.COMPLETED and rng.random() > 0.25:
                continue
            ability = rng.gauss(0.3, 1.0)
            at = (started_at or now) + dt.timedelta(days=rng.randint(0, 10), minutes=rng.randint(0, 600))
            at = min(at, now)
            for number in range(1, MAX_ATTEMPTS + 1):
                snapshot = quiz_snapshot(
                    questions, draw_count=DRAW, shuffle_questions=True, shuffle_choices=True, rng=rng
                )
                chosen = {}
                for qid in snapshot.question_ids:
                    i = position[qid]
                    if rng.random() < 0.02:
                        continue  # left unanswered
                    p = _p_right(-ability if i == REVERSED else ability, difficulty[i])
                    choices = snapshot.questions[qid]["choices"]
                    wrong = [cid for cid, c in choices.items() if not c["is_correct"]]
                    if rng.random() < p:
                        chosen[qid] = [cid for cid, c in choices.items() if c["is_correct"]]
                    else:  # the first distractor draws most of the wrong answers
                        chosen[qid] = [wrong[0] if rng.random() < 0.6 else rng.choice(wrong)]
                correct = sum(
                    1
                    for qid, selected in chosen.items()
                    if rules.question_correct(
                        snapshot.questions[qid]["kind"],
                        [cid for cid, c in snapshot.questions[qid]["choices"].items() if c["is_correct"]],
                        selected,
                    )
                )
                score = rules.score_percent(correct, len(snapshot.question_ids))
                passed = rules.is_passed(score, final.pass_mark)
                submitted = min(at + dt.timedelta(minutes=12), now)
                at = min(at, submitted)
                attempt = QuizAttempt(
                    user_id=user_id,
                    quiz_page_id=final.pk,
                    enrollment_id=enrollment_id,
                    number=number,
                    question_ids=snapshot.question_ids,
                    choice_order=snapshot.choice_order,
                    questions=snapshot.questions,
                    pass_mark=final.pass_mark,
                    started_at=at,
                    submitted_at=submitted,
                    score=score,
                    correct_count=correct,
                    passed=passed,
                )
                attempts.append(attempt)
                answers.append((attempt, chosen, submitted))
                if passed:
                    break
                ability += 0.4
                at = submitted + dt.timedelta(days=1)
        with transaction.atomic():
            QuizAttempt.objects.bulk_create(attempts, batch_size=2000)
            rows = [
                AttemptAnswer(attempt_id=attempt.pk, question_id=qid, selected=selected, answered_at=submitted)
                for attempt, chosen, submitted in answers
                for qid, selected in chosen.items()
            ]
            AttemptAnswer.objects.bulk_create(rows, batch_size=5000)
        counts["attempts"] += len(attempts)
        counts["answers"] += len(rows)
    return counts
