"""Quiz attempts: started with a server-side snapshot, answered as the learner goes, scored on the server."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import rules
from ..models import AttemptAnswer, Enrollment, FinalAssessmentPage, ModulePage, QuizAttempt
from ..quiz import page_quiz_snapshot
from .completion import course_check_completion
from .enrollment import enrollment_mark_started
from .modules import module_complete


def grace_seconds() -> int:
    return int(getattr(settings, "PORTAL_QUIZ_GRACE_SECONDS", rules.DEFAULT_GRACE_SECONDS))


@transaction.atomic
def attempt_start(*, user, quiz_page, rng: random.Random | None = None) -> QuizAttempt:
    """Start (or resume) an attempt: the questions and their order are fixed here, on the server.

    The enrollment row is locked so two simultaneous starts cannot both pass the attempt limit; the unique
    (user, quiz, number) and "one open attempt" constraints hold even without the lock.
    """
    page = quiz_page.specific
    if not isinstance(page, ModulePage | FinalAssessmentPage) or not page.has_quiz:
        raise ValidationError(_("Halaman ini tidak memiliki kuis."))
    if not page.live:
        raise ValidationError(_("Kuis ini belum terbit."))
    enrollment = Enrollment.objects.select_for_update().filter(user=user, course_id=page.get_parent().pk).first()
    if enrollment is None:
        raise ValidationError(_("Daftar ke kursus ini terlebih dahulu."))
    attempts = QuizAttempt.objects.filter(user=user, quiz_page_id=page.pk)
    open_attempt = attempts.filter(submitted_at__isnull=True).first()
    if open_attempt is not None:
        return open_attempt
    used = attempts.count()
    if not rules.may_start_attempt(page.max_attempts, used):
        raise ValidationError(_("Batas %(max)s percobaan untuk kuis ini sudah tercapai.") % {"max": page.max_attempts})
    snapshot = page_quiz_snapshot(page, rng=rng)
    now = timezone.now()
    number = (attempts.aggregate(n=Max("number"))["n"] or 0) + 1
    attempt = QuizAttempt(
        user=user,
        quiz_page_id=page.pk,
        enrollment=enrollment,
        number=number,
        question_ids=snapshot.question_ids,
        choice_order=snapshot.choice_order,
        questions=snapshot.questions,
        pass_mark=page.pass_mark,
        started_at=now,
        deadline=rules.attempt_deadline(now, page.time_limit_minutes),
    )
    attempt.full_clean(validate_unique=False, validate_constraints=False)
    attempt.save()
    enrollment_mark_started(enrollment, now)
    return attempt


def _clean_selection(attempt: QuizAttempt, question_id: str, selected: Iterable[str]) -> list[str]:
    if question_id not in attempt.choice_order:
        raise ValidationError(_("Soal ini bukan bagian dari percobaan Anda."))
    allowed = attempt.choice_order[question_id]
    chosen = [c for c in dict.fromkeys(str(s) for s in selected)]
    if any(c not in allowed for c in chosen):
        raise ValidationError(_("Pilihan jawaban tidak dikenal."))
    kind = attempt.questions[question_id]["kind"]
    if kind in rules.ONE_ANSWER_KINDS and len(chosen) > 1:
        raise ValidationError(_("Soal ini hanya boleh dijawab dengan satu pilihan."))
    return [c for c in allowed if c in chosen]  # in the order shown


@transaction.atomic
def attempt_save_answer(
    *, attempt: QuizAttempt, question_id: str, selected: Iterable[str], at: dt.datetime | None = None
) -> AttemptAnswer:
    """Save one answer as the learner goes (autosave); refused once the attempt is submitted or time is up."""
    at = at or timezone.now()
    if attempt.submitted_at is not None:
        raise ValidationError(_("Percobaan ini sudah dikirim; jawaban tidak dapat diubah."))
    if rules.is_late(at, attempt.deadline, grace_seconds()):
        raise ValidationError(_("Waktu kuis sudah habis; jawaban ini tidak disimpan."))
    chosen = _clean_selection(attempt, question_id, selected)
    answer, _created = AttemptAnswer.objects.update_or_create(
        attempt=attempt, question_id=question_id, defaults={"selected": chosen, "answered_at": at}
    )
    return answer


def score_attempt(attempt: QuizAttempt, answers: Mapping[str, list[str]]) -> tuple[int, Decimal, bool]:
    correct = 0
    for qid in attempt.question_ids:
        question = attempt.questions[qid]
        right = [cid for cid, c in question["choices"].items() if c["is_correct"]]
        if rules.question_correct(question["kind"], right, answers.get(qid, [])):
            correct += 1
    percent = rules.score_percent(correct, len(attempt.question_ids))
    return correct, percent, rules.is_passed(percent, attempt.pass_mark)


@transaction.atomic
def attempt_submit(
    *, user, attempt_id: int, answers: Mapping[str, Iterable[str]] | None = None, at: dt.datetime | None = None
) -> QuizAttempt:
    """Score an attempt on the server. Answers arriving after the deadline plus grace are not counted.

    Submitting twice returns the first result unchanged. Passing a module's quiz completes the module; passing a
    final assessment may complete the course, in this same transaction.
    """
    at = at or timezone.now()
    attempt = (
        QuizAttempt.objects.select_for_update(of=("self",))
        .select_related("enrollment")
        .filter(pk=attempt_id, user=user)
        .first()
    )
    if attempt is None:
        raise QuizAttempt.DoesNotExist
    if attempt.submitted_at is not None:
        return attempt
    late = rules.is_late(at, attempt.deadline, grace_seconds())
    saved = {a.question_id: a for a in AttemptAnswer.objects.filter(attempt=attempt)}
    limit = attempt.deadline + dt.timedelta(seconds=grace_seconds()) if attempt.deadline else None
    ignored = 0
    to_write = []
    for qid, selected in (answers or {}).items():
        chosen = _clean_selection(attempt, qid, selected)
        current = saved.get(qid)
        if current is not None and current.selected == chosen:
            continue
        if late:
            ignored += 1
            continue
        to_write.append(AttemptAnswer(attempt=attempt, question_id=qid, selected=chosen, answered_at=at))
    if to_write:
        AttemptAnswer.objects.bulk_create(
            to_write,
            update_conflicts=True,
            unique_fields=["attempt", "question_id"],
            update_fields=["selected", "answered_at"],
        )
        for a in to_write:
            saved[a.question_id] = a
    counted = {qid: a.selected for qid, a in saved.items() if limit is None or a.answered_at <= limit}
    ignored += len(saved) - len(counted)
    correct, percent, passed = score_attempt(attempt, counted)
    attempt.submitted_at, attempt.score, attempt.correct_count = at, percent, correct
    attempt.passed, attempt.late, attempt.ignored_answers = passed, late, ignored
    attempt.save(update_fields=["submitted_at", "score", "correct_count", "passed", "late", "ignored_answers"])
    if passed and attempt.enrollment_id:
        module = ModulePage.objects.filter(pk=attempt.quiz_page_id).only("id").first()
        if module is not None:
            module_complete(user=user, module=module, via_quiz=True, course_id=attempt.enrollment.course_id)
        else:
            course_check_completion(user=user, enrollment=attempt.enrollment, now=at)
    return attempt
