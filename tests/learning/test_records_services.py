import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from learning import services
from learning.models import (
    Certificate,
    CourseCompletion,
    Enrollment,
    JPLedgerEntry,
    ModulePage,
    ModuleProgress,
    QuizAttempt,
)

from .factories import make_course, right_answers, wrong_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(demo_users):
    return demo_users["pegawai@walesi.test"]


def _modules(course):
    return list(ModulePage.objects.child_of(course).order_by("path"))


def test_enrollment_is_unique_and_idempotent(learner):
    course = make_course()
    first = services.enrollment_create(user=learner, course=course)
    again = services.enrollment_create(user=learner, course=course)
    assert first.pk == again.pk
    assigned = services.enrollment_create(user=learner, course=course, source="assigned", due_date=dt.date(2026, 12, 1))
    assert assigned.pk == first.pk and assigned.due_date == dt.date(2026, 12, 1) and assigned.source == "assigned"
    assert Enrollment.objects.count() == 1


def test_module_start_and_complete_are_replay_safe(learner):
    course = make_course()
    services.enrollment_create(user=learner, course=course)
    m1 = _modules(course)[0]
    services.module_start(user=learner, module=m1)
    services.module_start(user=learner, module=m1)
    services.module_complete(user=learner, module=m1)
    services.module_complete(user=learner, module=m1)
    assert ModuleProgress.objects.filter(user=learner).count() == 1
    assert Enrollment.objects.get().status == Enrollment.Status.IN_PROGRESS


def test_quiz_module_needs_a_pass(learner):
    course = make_course()
    services.enrollment_create(user=learner, course=course)
    quiz_module = _modules(course)[-1]
    with pytest.raises(ValidationError):
        services.module_complete(user=learner, module=quiz_module)


def test_completion_exactly_once_under_replay(learner, django_capture_on_commit_callbacks):
    course = make_course(jp="3.5")
    services.enrollment_create(user=learner, course=course)
    modules = _modules(course)
    for m in modules[:-1]:
        services.module_complete(user=learner, module=m)
    attempt = services.attempt_start(user=learner, quiz_page=modules[-1])
    answers = right_answers(modules[-1])
    for _ in range(3):  # replayed submit
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            result = services.attempt_submit(user=learner, attempt_id=attempt.pk, answers=answers)
        assert result.passed
        assert len(callbacks) == (1 if _ == 0 else 0)  # the certificate task is enqueued once
    for m in modules:  # replayed "Tandai selesai" after completion
        if not m.has_quiz:
            services.module_complete(user=learner, module=m)
    enrollment = Enrollment.objects.get()
    services.course_check_completion(user=learner, enrollment=enrollment)
    assert CourseCompletion.objects.count() == 1
    assert JPLedgerEntry.objects.count() == 1
    assert Certificate.objects.count() == 1
    completion = CourseCompletion.objects.get()
    assert completion.jp == Decimal("3.50") and completion.score == Decimal("100.00")
    entry = JPLedgerEntry.objects.get()
    assert entry.year == timezone.localtime(completion.completed_at).year
    assert Certificate.objects.get().pdf  # rendered by the (eager) task after commit
    assert enrollment.status == Enrollment.Status.COMPLETED


def test_course_changed_after_completion_keeps_it(learner):
    course = make_course(modules=1, jp="2")
    services.enrollment_create(user=learner, course=course)
    m = _modules(course)[0]
    attempt = services.attempt_start(user=learner, quiz_page=m)
    services.attempt_submit(user=learner, attempt_id=attempt.pk, answers=right_answers(m))
    course.title, course.jp_credit = "Judul baru", Decimal("9")
    course.save()
    completion = CourseCompletion.objects.get()
    assert completion.course_title == "Kursus kursus-uji" and completion.jp == Decimal("2.00")


@pytest.mark.parametrize(
    "completed_at_utc, year",
    [
        (dt.datetime(2025, 12, 31, 20, 0, tzinfo=dt.UTC), 2026),  # 05:00 1 January WIT
        (dt.datetime(2025, 12, 31, 14, 0, tzinfo=dt.UTC), 2025),  # 23:00 31 December WIT
    ],
)
def test_jp_credited_for_wit_year(learner, completed_at_utc, year):
    course = make_course(modules=1)
    enrollment = services.enrollment_create(user=learner, course=course)
    m = _modules(course)[0]
    attempt = services.attempt_start(user=learner, quiz_page=m)
    services.attempt_submit(user=learner, attempt_id=attempt.pk, answers=right_answers(m), at=attempt.started_at)
    # Completion happened above at "now"; check the rule on a second course completed at the boundary.
    JPLedgerEntry.objects.all().delete()
    CourseCompletion.objects.all().delete()
    Enrollment.objects.filter(pk=enrollment.pk).update(status="in_progress", completed_at=None)
    services.course_check_completion(user=learner, enrollment=enrollment, now=completed_at_utc)
    assert JPLedgerEntry.objects.get().year == year


def test_scoring_fail_then_pass_and_score_policy(learner):
    course = make_course(modules=1)
    services.enrollment_create(user=learner, course=course)
    m = _modules(course)[0]
    a1 = services.attempt_start(user=learner, quiz_page=m)
    r1 = services.attempt_submit(user=learner, attempt_id=a1.pk, answers=wrong_answers(m))
    assert r1.score == Decimal("0.00") and r1.passed is False
    assert not CourseCompletion.objects.exists()
    a2 = services.attempt_start(user=learner, quiz_page=m)
    assert a2.number == 2
    r2 = services.attempt_submit(user=learner, attempt_id=a2.pk, answers=right_answers(m))
    assert r2.passed and CourseCompletion.objects.get().score == Decimal("100.00")


def test_attempt_limit_and_resume(learner):
    course = make_course(modules=1, quiz_options={"max_attempts": 1})
    services.enrollment_create(user=learner, course=course)
    m = _modules(course)[0]
    a = services.attempt_start(user=learner, quiz_page=m)
    assert services.attempt_start(user=learner, quiz_page=m).pk == a.pk  # resumes the open attempt
    services.attempt_submit(user=learner, attempt_id=a.pk, answers=wrong_answers(m))
    with pytest.raises(ValidationError, match="Batas 1 percobaan"):
        services.attempt_start(user=learner, quiz_page=m)
    assert QuizAttempt.objects.count() == 1


def test_attempt_draws_and_freezes_questions(learner):
    course = make_course(modules=1, quiz_options={"draw_count": 2, "shuffle_questions": True, "shuffle_choices": True})
    services.enrollment_create(user=learner, course=course)
    m = _modules(course)[0]
    a = services.attempt_start(user=learner, quiz_page=m)
    assert len(a.question_ids) == 2
    assert set(a.choice_order) == set(a.question_ids)
    a.refresh_from_db()
    assert len(a.question_ids) == 2


def test_time_limit_late_answers_not_counted(learner):
    course = make_course(modules=1, quiz_options={"time_limit_minutes": 5})
    services.enrollment_create(user=learner, course=course)
    m = _modules(course)[0]
    a = services.attempt_start(user=learner, quiz_page=m)
    right = right_answers(m)
    qids = list(right)
    in_time = a.started_at + dt.timedelta(minutes=4)
    services.attempt_save_answer(attempt=a, question_id=qids[0], selected=right[qids[0]], at=in_time)
    late = a.deadline + dt.timedelta(seconds=services.grace_seconds() + 1)
    with pytest.raises(ValidationError, match="Waktu kuis sudah habis"):
        services.attempt_save_answer(attempt=a, question_id=qids[1], selected=right[qids[1]], at=late)
    result = services.attempt_submit(user=learner, attempt_id=a.pk, answers=right, at=late)
    assert result.late and result.correct_count == 1 and result.ignored_answers == 2
    assert result.score == Decimal("33.33") and not result.passed


def test_submit_within_grace_counts(learner):
    course = make_course(modules=1, quiz_options={"time_limit_minutes": 5})
    services.enrollment_create(user=learner, course=course)
    m = _modules(course)[0]
    a = services.attempt_start(user=learner, quiz_page=m)
    at = a.deadline + dt.timedelta(seconds=services.grace_seconds() - 1)
    result = services.attempt_submit(user=learner, attempt_id=a.pk, answers=right_answers(m), at=at)
    assert not result.late and result.passed


def test_bad_answers_are_refused(learner):
    course = make_course(modules=1)
    services.enrollment_create(user=learner, course=course)
    m = _modules(course)[0]
    a = services.attempt_start(user=learner, quiz_page=m)
    qid = a.question_ids[0]
    with pytest.raises(ValidationError):
        services.attempt_save_answer(attempt=a, question_id="nope", selected=[])
    with pytest.raises(ValidationError):
        services.attempt_save_answer(attempt=a, question_id=qid, selected=["not-a-choice"])
    with pytest.raises(ValidationError):
        services.attempt_save_answer(attempt=a, question_id=qid, selected=a.choice_order[qid][:2])  # single
    assert not a.answers.exists()


def test_final_assessment_rule(learner):
    from .factories import three_questions

    course = make_course(
        modules=1, final={"questions": three_questions(), "pass_mark": 60}, completion_rule="modules_and_final"
    )
    services.enrollment_create(user=learner, course=course)
    m = _modules(course)[0]
    a = services.attempt_start(user=learner, quiz_page=m)
    services.attempt_submit(user=learner, attempt_id=a.pk, answers=right_answers(m))
    assert not CourseCompletion.objects.exists()
    final = course.get_final_assessment()
    f = services.attempt_start(user=learner, quiz_page=final)
    services.attempt_submit(user=learner, attempt_id=f.pk, answers=right_answers(final))
    assert CourseCompletion.objects.get().score == Decimal("100.00")
