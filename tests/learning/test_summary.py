"""learning.selectors.summary: many learners at once, in a constant number of queries, and its include template."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import connection
from django.template.loader import render_to_string
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from learning import services
from learning.models import CoursePage, Enrollment, JPLedgerEntry, ModulePage
from learning.selectors import learning_summaries
from learning.selectors.summary import RECENT_ATTEMPTS, OnboardingStatus, learning_summary
from portal import dates

from .factories import make_course, right_answers, wrong_answers

SUMMARY_QUERIES = 3  # onboarding course, one row per user, the latest attempts


def _modules(course):
    return list(ModulePage.objects.child_of(course).order_by("path"))


def _finish(user, course):
    services.enrollment_create(user=user, course=course)
    *plain, quiz = _modules(course)
    for module in plain:
        services.module_complete(user=user, module=module)
    attempt = services.attempt_start(user=user, quiz_page=quiz)
    services.attempt_submit(user=user, attempt_id=attempt.pk, answers=right_answers(quiz))


class LearningSummariesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        User = get_user_model()
        cls.users = [User.objects.create_user(f"ringkas{i:02d}@walesi.test", "x") for i in range(30)]
        cls.done, cls.reading, cls.idle = cls.users[:3]
        cls.onboarding = make_course("orientasi", modules=2, jp="4")
        CoursePage.objects.filter(pk=cls.onboarding.pk).update(is_onboarding=True)
        cls.short = make_course("singkat", modules=1, jp="1.5")
        cls.assigned = make_course("tugas", modules=1)
        cls.today = dates.today()

        # done: completed the onboarding course and a short course; an overdue assignment and one due later.
        _finish(cls.done, cls.onboarding)
        _finish(cls.done, cls.short)
        services.enrollment_create(
            user=cls.done, course=cls.assigned, source="assigned", due_date=cls.today - dt.timedelta(days=1)
        )
        # reading: started the onboarding course, failed its quiz once, then six more attempts at the short
        # course: only the latest RECENT_ATTEMPTS count in the average.
        services.enrollment_create(user=cls.reading, course=cls.onboarding)
        services.module_start(user=cls.reading, module=_modules(cls.onboarding)[0])
        quiz = _modules(cls.onboarding)[-1]
        attempt = services.attempt_start(user=cls.reading, quiz_page=quiz)
        services.attempt_submit(user=cls.reading, attempt_id=attempt.pk, answers=wrong_answers(quiz))
        services.enrollment_create(
            user=cls.reading, course=cls.assigned, source="assigned", due_date=cls.today + dt.timedelta(days=3)
        )
        short_quiz = _modules(cls.short)[0]
        services.enrollment_create(user=cls.reading, course=cls.short)
        for right in [False, True, True, True, True, True]:
            answers = right_answers(short_quiz) if right else wrong_answers(short_quiz)
            attempt = services.attempt_start(user=cls.reading, quiz_page=short_quiz)
            services.attempt_submit(user=cls.reading, attempt_id=attempt.pk, answers=answers)
        # the other 27: one enrolment each, some with an attempt, so the 30 have more rows than the 3.
        for n, user in enumerate(cls.users[3:]):
            services.enrollment_create(user=user, course=cls.short if n % 2 else cls.assigned)
            if n % 3 == 0:
                course = cls.short if n % 2 else cls.assigned
                module = _modules(course)[0]
                attempt = services.attempt_start(user=user, quiz_page=module)
                services.attempt_submit(user=user, attempt_id=attempt.pk, answers=wrong_answers(module))

    def test_counts_jp_onboarding_and_activity_per_user(self):
        summaries = learning_summaries(user_ids=[u.pk for u in self.users[:3]], year=self.today.year)
        done, reading, idle = (summaries[u.pk] for u in (self.done, self.reading, self.idle))

        assert (done.enrolled, done.in_progress, done.completed) == (1, 0, 2)
        assert (done.assigned, done.overdue) == (1, 1)
        assert done.jp_year == Decimal("5.50") and done.jp_minimum == 20
        assert done.jp_percent == 28 and done.jp_missing == Decimal("14.50")
        assert done.onboarding_status == OnboardingStatus.COMPLETED and done.onboarding_done
        assert done.onboarding_course.title == self.onboarding.title
        assert done.recent_quiz_average == Decimal("100.00") and done.recent_quiz_count == 2
        assert done.last_activity is not None

        # reading: onboarding in progress, the assignment not due yet, the short course completed by its quiz.
        assert (reading.enrolled, reading.in_progress, reading.completed) == (1, 1, 1)
        assert (reading.assigned, reading.overdue) == (1, 0)
        assert reading.onboarding_status == OnboardingStatus.IN_PROGRESS
        assert reading.recent_quiz_count == RECENT_ATTEMPTS
        assert reading.recent_quiz_average == Decimal("100.00")  # the first two failures are older than the five
        assert reading.jp_year == Decimal("1.50")

        assert idle.total == 0 and idle.assigned == 0 and idle.jp_year == Decimal("0.00")
        assert idle.onboarding_status == OnboardingStatus.NOT_ENROLLED
        assert idle.last_activity is None and idle.recent_quiz_average is None

    def test_jp_of_another_year_do_not_count(self):
        JPLedgerEntry.objects.filter(user=self.done).update(year=self.today.year - 1)
        assert learning_summary(user_id=self.done.pk, year=self.today.year).jp_year == Decimal("0.00")
        assert learning_summary(user_id=self.done.pk, year=self.today.year - 1).jp_year == Decimal("5.50")

    def test_overdue_is_judged_on_the_wit_day(self):
        before = learning_summaries(user_ids=[self.done.pk], today=self.today - dt.timedelta(days=2))[self.done.pk]
        assert (before.assigned, before.overdue) == (1, 0)

    def test_without_an_onboarding_course_there_is_no_status(self):
        CoursePage.objects.filter(pk=self.onboarding.pk).update(is_onboarding=False)
        summary = learning_summary(user_id=self.done.pk)
        assert summary.onboarding_status == OnboardingStatus.NONE and summary.onboarding_course is None

    def test_same_queries_for_3_and_30_users(self):
        learning_summaries(user_ids=[u.pk for u in self.users])  # warm the site root paths cache
        counts = {}
        for n in (3, 30):
            with CaptureQueriesContext(connection) as queries:
                result = learning_summaries(user_ids=[u.pk for u in self.users[:n]])
            assert len(result) == n
            counts[n] = len(queries)
        assert counts == {3: SUMMARY_QUERIES, 30: SUMMARY_QUERIES}, counts
        with CaptureQueriesContext(connection) as queries:
            assert learning_summaries(user_ids=[]) == {}
        assert len(queries) == 0

    def test_per_user_lookups_are_not_grouped_per_enrollment(self):
        """The JP and latest-activity lookups come after the grouping (once per learner): grouped by them, the
        database ran each once per joined enrollment row (a 141-person team at 5,000 learners: 243 ms -> 16 ms)."""
        with CaptureQueriesContext(connection) as queries:
            learning_summaries(user_ids=[u.pk for u in self.users])
        grouped = next(q["sql"] for q in queries.captured_queries if "GROUP BY" in q["sql"] and "jp" in q["sql"])
        group_by = grouped.rsplit("GROUP BY", 1)[1]  # the outer query's (the JP lookup has its own)
        assert "," not in group_by and "SELECT" not in group_by.upper(), group_by  # one key: the learner

    def test_include_template_shows_one_summary(self):
        summaries = learning_summaries(user_ids=[self.done.pk, self.idle.pk])
        html = render_to_string("learning/includes/learning_summary.html", {"summary": summaries[self.done.pk]})
        assert f"JP {self.today.year}: 5,50 dari minimal 20" in html and "28%" in html
        assert "1 terlambat" in html and "2 selesai" in html
        assert self.onboarding.title in html and "Selesai" in html
        assert "Rata-rata 2 kuis terakhir: 100%" in html
        assert "Aktivitas terakhir" in html
        html = render_to_string("learning/includes/learning_summary.html", {"summary": summaries[self.idle.pk]})
        assert "Belum terdaftar" in html and "Belum ada aktivitas belajar." in html
        assert "Belum ada kuis yang dikerjakan." in html


class SummaryRecordsTests(TestCase):
    """What the one-row-per-user read must keep: JP of a course deleted since, and the owner's latest attempts."""

    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_user("arsip@walesi.test", "x")
        cls.kept = make_course("dihapus", modules=1, jp="2")
        cls.other = make_course("lain", modules=1, jp="1")
        _finish(cls.user, cls.kept)
        quiz = _modules(cls.other)[0]
        services.enrollment_create(user=cls.user, course=cls.other)
        for _ in range(2):
            attempt = services.attempt_start(user=cls.user, quiz_page=quiz)
            services.attempt_submit(user=cls.user, attempt_id=attempt.pk, answers=wrong_answers(quiz))

    def test_jp_of_a_deleted_course_still_counts(self):
        Enrollment.objects.filter(user=self.user, course=self.kept).delete()  # as when a course page is deleted
        summary = learning_summary(user_id=self.user.pk)
        assert summary.jp_year == Decimal("2.00")
        assert summary.completed == 0 and summary.in_progress + summary.enrolled == 1

    def test_recent_attempts_newest_first_with_their_quiz(self):
        attempts = learning_summary(user_id=self.user.pk).recent_attempts
        assert [a.number for a in attempts][:2] == [2, 1]
        assert attempts[0].quiz_title == _modules(self.other)[0].title and attempts[0].passed is False
        assert len(attempts) == 3  # two at "lain" and the final quiz of "dihapus"
