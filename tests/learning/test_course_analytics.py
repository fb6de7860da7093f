"""The trainers' course analytics (issue 12, item 4): figures against a hand-made data set, withheld below five
attempts, page permissions (another trainer's course is a 404, an ASN gets the admin refusal), no names anywhere,
a query count that does not grow with the data, and an Indonesian chart without decimal commas."""

from __future__ import annotations

import datetime as dt
import json
import re
import statistics

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import GroupPagePermission

import pytest

from learning import rules, services
from learning.devdata.scale_pages import question_value, questions_stream
from learning.models import CoursePage, Enrollment, FinalAssessmentPage, ModulePage
from learning.quiz import quiz_questions
from learning.rules import QuestionKind
from learning.selectors.analytics import course_report, editable_courses
from portal import dates
from portal.demo import seed as seed_demo_accounts

from .factories import make_course, right_answers

FINAL_QUESTIONS = [
    question_value("Soal baik?", [("A", True), ("B", False), ("C", False)]),
    question_value("Soal dengan pengecoh?", [("X", True), ("Y", False), ("Z", False)]),
    question_value("Soal terbalik?", [("Benar", True), ("Salah", False)], kind=QuestionKind.TRUEFALSE),
    question_value("Soal mudah?", [("Ya", True), ("Tidak", False)]),
]
# Each attempt's answers by choice text, in question order: (learner, answers). Learner 3 tries twice.
ATTEMPTS = [
    (1, ["A", "X", "Salah", "Ya"]),  # 75: passes
    (2, ["A", "X", "Salah", "Ya"]),  # 75: passes
    (3, ["A", "Y", "Salah", "Ya"]),  # 50
    (4, ["B", "Z", "Benar", "Ya"]),  # 50
    (5, ["B", "Z", "Benar", "Ya"]),  # 50
    (6, ["C", "Z", "Benar", "Ya"]),  # 50
    (3, ["A", "X", "Salah", "Ya"]),  # learner 3's second attempt: 75, passes
]
NAMES = [("Yohana", "Kobak"), ("Nikolas", "Gombo"), ("Rahel", "Wandik"), ("Selpius", "Tabuni")] * 2
COMPLETED_DAYS = [1, 2, 3, 4, 10]  # learners 1-5 complete the course in this many days: median 3


def _modules(course):
    return list(ModulePage.objects.child_of(course).order_by("path"))


def _complete_module(user, module):
    if module.has_quiz:
        attempt = services.attempt_start(user=user, quiz_page=module)
        services.attempt_submit(user=user, attempt_id=attempt.pk, answers=right_answers(module))
    else:
        services.module_complete(user=user, module=module)


def _by_text(final) -> dict[tuple[int, str], str]:
    return {(i, c.text): c.id for i, q in enumerate(quiz_questions(final)) for c in q.choices}


def build_data_set(slug: str = "analitik", *, learners: int = 8, attempts=ATTEMPTS, email: str = "peserta"):
    """Eight learners: 1-5 complete (in 1, 2, 3, 4 and 10 days), 6 stops in module 2, 7 never opens a module,
    8 completes module 1 only; three enrolled two weeks ago, the rest this week; the final quiz as ATTEMPTS."""
    course = make_course(slug, modules=3, final={"questions": FINAL_QUESTIONS, "pass_mark": 70})
    modules = _modules(course)
    final = FinalAssessmentPage.objects.child_of(course).get()
    User = get_user_model()
    users = []
    for i in range(1, learners + 1):
        first, last = NAMES[(i - 1) % len(NAMES)]
        users.append(
            User.objects.create_user(f"{email}{i}.{slug}@walesi.test", "x", first_name=first, last_name=f"{last}{i}")
        )
    for i, user in enumerate(users, start=1):
        services.enrollment_create(user=user, course=course)
        if i <= 5:
            for module in modules:
                _complete_module(user, module)
        elif i == 6:
            _complete_module(user, modules[0])
            services.module_start(user=user, module=modules[1])
        elif i == 8:
            _complete_module(user, modules[0])
    choice = _by_text(final)
    for learner, texts in attempts:
        user = users[learner - 1]
        attempt = services.attempt_start(user=user, quiz_page=final)
        answers = {qid: [choice[(pos, texts[pos])]] for pos, qid in enumerate(attempt.question_ids)}
        services.attempt_submit(user=user, attempt_id=attempt.pk, answers=answers)
    now = timezone.now()
    for i, user in enumerate(users, start=1):
        enrolled = now - dt.timedelta(weeks=2) if i <= 3 else now - dt.timedelta(minutes=5)
        fields = {"enrolled_at": enrolled}
        if i <= 5:
            fields.update(started_at=now - dt.timedelta(days=COMPLETED_DAYS[i - 1]), completed_at=now)
        Enrollment.objects.filter(user=user, course=course).update(**fields)
    return course, users


def _pearson(xs, ys):
    return statistics.correlation([float(x) for x in xs], [float(y) for y in ys])


class CourseReportFiguresTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.course, cls.users = build_data_set()
        cls.report = course_report(cls.course)

    def test_enrollment_counts_and_completion(self):
        counts = self.report["counts"]
        assert (counts.enrolled, counts.started, counts.completed) == (8, 7, 5)
        assert counts.completion_percent == round(5 * 100 / 8)

    def test_weeks_count_every_enrollment_in_its_week(self):
        weeks = self.report["weeks"]
        assert len(weeks["bars"]) == 26 and weeks["total"] == 8
        this_week = dates.week_start(dates.today())
        per_week = {bar.start: bar.n for bar in weeks["bars"]}
        assert per_week[this_week] == 5 and per_week[this_week - dt.timedelta(weeks=2)] == 3
        tallest = max(weeks["bars"], key=lambda b: b.n)
        assert tallest.height == 90 and all(isinstance(b.y, int) and isinstance(b.height, int) for b in weeks["bars"])

    def test_module_funnel_and_where_people_stop(self):
        funnel = self.report["funnel"]
        assert [(m.started, m.completed, m.stopped_here) for m in funnel["rows"]] == [(7, 7, 1), (6, 5, 1), (5, 5, 0)]
        assert funnel["not_opened"] == 1

    def test_knowledge_check_pass_rates_per_module(self):
        checks = [m.check for m in self.report["funnel"]["rows"]]
        assert checks[:2] == [None, None]  # modules 1 and 2 have no knowledge check
        third = checks[2]
        assert (third.attempts, third.first_attempts, third.first_passed, third.first_percent) == (5, 5, 5, 100)

    def test_median_time_to_complete(self):
        assert self.report["median"] == dt.timedelta(days=3)

    def test_final_quiz_pass_rates(self):
        rates = self.report["final"].pass_rates
        assert (rates.attempts, rates.first_attempts, rates.first_passed) == (7, 6, 2)
        assert rates.first_percent == 33
        assert (rates.learners, rates.learners_passed, rates.any_percent) == (6, 3, 50)

    def test_facility_discrimination_and_most_chosen_wrong_answer(self):
        questions = self.report["final"].questions
        assert [q.presented for q in questions] == [7, 7, 7, 7]
        assert [q.facility_percent for q in questions] == [57, 43, 43, 100]
        scores = [75, 75, 50, 50, 50, 50, 75]
        right = {
            0: [1, 1, 1, 0, 0, 0, 1],
            1: [1, 1, 0, 0, 0, 0, 1],
            2: [0, 0, 0, 1, 1, 1, 0],
        }
        for position, xs in right.items():
            assert questions[position].discrimination == pytest.approx(round(_pearson(xs, scores), 2), abs=0.005)
        assert questions[0].discrimination > 0.3 and questions[0].discrimination_note == "good"
        assert questions[1].discrimination == 1.0
        assert questions[2].discrimination < 0 and questions[2].discrimination_note == "negative"
        assert questions[3].discrimination is None and questions[3].discrimination_note == "undefined"
        assert (questions[0].wrong_text, questions[0].wrong_count) == ("B", 2)
        assert (questions[1].wrong_text, questions[1].wrong_count, questions[1].wrong_percent) == ("Z", 3, 43)
        assert (questions[2].wrong_text, questions[2].wrong_count) == ("Salah", 4)
        assert questions[3].wrong_text == ""

    def test_wrong_answer_text_comes_from_the_attempts_snapshot(self):
        final = FinalAssessmentPage.objects.child_of(self.course).get()
        # The trainer rewrites the distractor after the attempts: the report still names what learners saw.
        stream = final.questions
        raw = stream.raw_data
        raw[1]["value"]["choices"][2]["value"]["text"] = "Z diubah"
        final.questions = raw
        final.save_revision().publish()
        report = course_report(self.course)
        assert report["final"].questions[1].wrong_text == "Z"

    def test_point_biserial_rule_matches_pearson(self):
        xs, ys = [1, 0, 1, 1, 0, 0, 1], [80, 40, 90, 60, 50, 30, 70]
        n, k = len(xs), sum(xs)
        value = rules.point_biserial(
            n=n,
            n_correct=k,
            score_sum=sum(ys),
            score_sq_sum=sum(y * y for y in ys),
            correct_score_sum=sum(y for x, y in zip(xs, ys, strict=True) if x),
        )
        assert value == pytest.approx(_pearson(xs, ys))
        assert rules.point_biserial(n=5, n_correct=5, score_sum=5, score_sq_sum=5, correct_score_sum=5) is None


def _trainer_of(course, email: str):
    """A trainer (Pelatih) whose page permissions cover this one course only."""
    User = get_user_model()
    user = User.objects.create_user(email, "x", first_name="Pelatih", last_name="Satu")
    group, _ = Group.objects.get_or_create(name=f"Pelatih kursus {course.slug}")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=course, permission=Permission.objects.get(codename="change_page")
    )
    user.groups.add(group, Group.objects.get(name="Pelatih"))
    return user


@pytest.fixture
def two_courses(db):
    users = seed_demo_accounts()
    course, learners = build_data_set("kursus-a", email="a")
    other, _ = build_data_set("kursus-b", email="b", attempts=ATTEMPTS[:4], learners=4)
    return {"course": course, "other": other, "learners": learners, "demo": users}


def _report_url(course) -> str:
    return reverse("learning_course_analytics_report", args=[course.pk])


def test_a_trainer_of_another_course_gets_404_and_sees_only_their_course(client, two_courses):
    trainer = _trainer_of(two_courses["other"], "pelatih.b@walesi.test")
    client.force_login(trainer)
    assert client.get(_report_url(two_courses["course"])).status_code == 404
    assert client.get(_report_url(two_courses["other"])).status_code == 200
    listing = client.get(reverse("learning_course_analytics")).content.decode()
    assert two_courses["other"].title in listing and two_courses["course"].title not in listing
    assert list(editable_courses(trainer)) == [two_courses["other"]]


@pytest.mark.parametrize("email", ["pegawai@walesi.test", "atasan@walesi.test"])
def test_an_asn_gets_the_admin_refusal(client, two_courses, email):
    client.force_login(two_courses["demo"][email])
    for url in (reverse("learning_course_analytics"), _report_url(two_courses["course"])):
        response = client.get(url)
        assert response.status_code == 403
        assert "Akses ditolak" in response.content.decode()


def test_figures_below_five_attempts_are_hidden_with_a_note(client, two_courses):
    client.force_login(two_courses["demo"]["admin@walesi.test"])  # a superuser sees every course
    html = client.get(_report_url(two_courses["other"])).content.decode()
    assert html.count("Belum cukup data: kurang dari 5 percobaan") >= 4 + 2  # each question, both pass rates
    assert "Tingkat kemudahan</dt>" not in html and "Jawaban salah terbanyak</dt>" not in html
    assert "Belum cukup data: kurang dari 5 penyelesaian" in html  # the median
    listing = client.get(reverse("learning_course_analytics")).content.decode()
    assert "Belum cukup data: kurang dari 5 percobaan" in listing and "50%" in listing


def test_the_report_names_no_one(client, two_courses):
    client.force_login(two_courses["demo"]["admin@walesi.test"])
    pages = [
        client.get(_report_url(two_courses["course"])).content.decode(),
        client.get(reverse("learning_course_analytics")).content.decode(),
    ]
    assert "Tingkat kemudahan" in pages[0] and "“Z”" in pages[0]
    for learner in two_courses["learners"]:
        for html in pages:
            assert learner.email not in html
            assert learner.last_name not in html
            assert learner.get_full_name() not in html


def _check_url(course, module) -> str:
    return reverse("learning_course_analytics_check", args=[course.pk, module.pk])


def _fail_check(user, module):
    attempt = services.attempt_start(user=user, quiz_page=module)
    wrong = {q.id: [next(c.id for c in q.choices if not c.is_correct)] for q in quiz_questions(module)}
    services.attempt_submit(user=user, attempt_id=attempt.pk, answers=wrong)


def test_a_modules_knowledge_check_has_its_own_question_statistics(client, two_courses):
    course, learners = two_courses["course"], two_courses["learners"]
    modules = _modules(course)
    check = modules[2]
    _fail_check(learners[5], check)  # learner 6 fails the check once: 6 attempts, 5 passed
    client.force_login(two_courses["demo"]["admin@walesi.test"])
    report = client.get(_report_url(course)).content.decode()
    assert _check_url(course, check) in report
    assert _check_url(course, modules[0]) not in report  # no check, no link
    assert "83%" in report and "5 dari 6" in report  # first attempts at module 3's check: 5 of 6 passed
    html = client.get(_check_url(course, check)).content.decode()
    assert "6 percobaan dikirim." in html
    assert html.count("Tingkat kemudahan</dt>") == 3
    assert "83%" in html  # every question: 5 of 6 right
    assert "Jawaban salah terbanyak</dt>" in html and "(1 kali, 17%)" in html
    for learner in learners:
        assert learner.email not in html and learner.last_name not in html
    # A module without a check, a module of another course, an unknown id: 404.
    other_module = _modules(two_courses["other"])[2]
    for url in (
        _check_url(course, modules[0]),
        reverse("learning_course_analytics_check", args=[course.pk, other_module.pk]),
        reverse("learning_course_analytics_check", args=[course.pk, 999999]),
    ):
        assert client.get(url).status_code == 404, url


def test_a_trainer_of_another_course_gets_404_on_its_checks(client, two_courses):
    trainer = _trainer_of(two_courses["other"], "pelatih.cek@walesi.test")
    client.force_login(trainer)
    course, other = two_courses["course"], two_courses["other"]
    assert client.get(_check_url(course, _modules(course)[2])).status_code == 404
    assert client.get(_check_url(other, _modules(other)[2])).status_code == 200


def test_a_check_below_five_attempts_is_withheld(client, two_courses):
    other = two_courses["other"]  # 4 learners, each passed module 3's check once
    client.force_login(two_courses["demo"]["admin@walesi.test"])
    html = client.get(_check_url(other, _modules(other)[2])).content.decode()
    assert "4 percobaan dikirim." in html and "Tingkat kemudahan</dt>" not in html
    assert html.count("Belum cukup data: kurang dari 5 percobaan") >= 2


def test_indonesian_chart_has_no_decimal_commas(client, two_courses):
    client.force_login(two_courses["demo"]["admin@walesi.test"])
    with translation.override("id"):
        html = client.get(_report_url(two_courses["course"]), HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert 'lang="id"' in html
    svg = html[html.index('<svg class="ca-chart"') : html.index("</svg>", html.index('<svg class="ca-chart"'))]
    assert not re.search(r'="[^"]*\d,\d[^"]*"', svg), svg
    heights = [int(h) for h in re.findall(r'<rect x="\d+" y="\d+" width="8" height="(\d+)"', svg)]
    assert len(heights) == 26 and max(heights) == 90
    # Outside the chart the figures are written the Indonesian way.
    first = course_report(two_courses["course"])["final"].questions[0].discrimination
    assert f"{first:.2f}".replace(".", ",") in html


def _report_queries(client, course) -> tuple[int, int]:
    """All the page's queries, and those of the report itself (the ones reading learning's tables; the rest are
    Wagtail admin's own: session, user, profile, locale, the menu's pages)."""
    url = _report_url(course)
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    own = [q for q in queries.captured_queries if "learning_" in q["sql"]]
    return len(queries), len(own)


def test_query_count_does_not_grow_with_learners_attempts_or_questions(client, two_courses):
    client.force_login(two_courses["demo"]["admin@walesi.test"])
    course = two_courses["course"]
    small = _report_queries(client, course)
    small_list = _report_queries_list(client)
    # Grow it: twelve more learners who take the final twice, and two more questions in the bank.
    final = FinalAssessmentPage.objects.child_of(course).get()
    User = get_user_model()
    for i in range(12):
        user = User.objects.create_user(f"tambah{i}@walesi.test", "x")
        services.enrollment_create(user=user, course=course)
        for module in _modules(course)[: 1 + i % 3]:
            _complete_module(user, module)
        for _ in range(2):
            attempt = services.attempt_start(user=user, quiz_page=final)
            services.attempt_submit(user=user, attempt_id=attempt.pk, answers=right_answers(final))
    extra = questions_stream([question_value(f"Soal baru {n}?", [("Ya", True), ("Tidak", False)]) for n in range(2)])
    final.questions = list(final.questions.raw_data) + json.loads(extra)
    final.save_revision().publish()
    large = _report_queries(client, course)
    assert small == large, (small, large)
    assert large[1] <= 15, large
    assert _report_queries_list(client) == small_list


def _report_queries_list(client) -> int:
    url = reverse("learning_course_analytics")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_report_lists_a_course_with_no_final_and_no_modules(client, two_courses):
    bare = make_course("tanpa-ujian", modules=1)
    client.force_login(two_courses["demo"]["admin@walesi.test"])
    html = client.get(_report_url(bare)).content.decode()
    assert "Kursus ini tidak memiliki ujian akhir." in html
    listing = client.get(reverse("learning_course_analytics")).content.decode()
    assert "tanpa ujian akhir" in listing
    assert client.get(reverse("learning_course_analytics_report", args=[999999])).status_code == 404


def test_english_interface(client, two_courses):
    admin = two_courses["demo"]["admin@walesi.test"]
    admin.language = "en"
    admin.save(update_fields=["language"])
    client.force_login(admin)
    client.cookies["portal_language"] = "en"
    with translation.override("id"):  # the request activates English; later tests must not inherit it
        html = client.get(_report_url(two_courses["other"])).content.decode()
    assert "Not enough data: fewer than 5 attempts" in html
    assert "Belum cukup data" not in html


def test_demo_pelatih_sees_the_onboarding_question_statistics(client, demo_content, demo_org):
    from learning.devdata.demo_records import ONBOARDING, seed_records
    from performance.models import Employee

    seed_records()  # idempotent: the cohort is not added twice
    course = CoursePage.objects.get(slug=ONBOARDING)
    assert Enrollment.objects.filter(course=course, user__email__endswith=".orientasi@walesi.test").count() == 12
    client.force_login(demo_content["pelatih@walesi.test"])
    listing = client.get(reverse("learning_course_analytics")).content.decode()
    assert _report_url(course) in listing
    html = client.get(_report_url(course)).content.decode()
    report = course_report(course)
    final = report["final"]
    assert final.pass_rates.attempts >= 5 and all(q.shown for q in final.questions), [
        q.presented for q in final.questions
    ]
    assert len({q.facility_percent for q in final.questions}) > 2  # varied answers
    assert any(q.wrong_text for q in final.questions) and any(
        q.discrimination_note == "negative" for q in final.questions
    )
    assert report["median"] is not None
    assert "Tingkat kemudahan" in html and "Belum cukup data: kurang dari 5 percobaan" not in html
    # No names, NIPs or emails of anyone who learns.
    for employee in Employee.objects.filter(user__enrollments__course=course):
        assert employee.nip not in html and employee.full_name not in html
    for user in get_user_model().objects.filter(enrollments__course=course):
        assert user.email not in html and user.get_full_name() not in html


# --- the course report as a workbook ---------------------------------------------------------------------------
def _workbook(body: bytes):
    import io

    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(body))


def test_the_course_report_exports_as_a_workbook_without_names(
    client, two_courses, django_capture_on_commit_callbacks, settings, tmp_path
):
    from portal.models import BackgroundJob

    settings.MEDIA_ROOT = tmp_path
    course, learners = two_courses["course"], two_courses["learners"]
    check = _modules(course)[2]
    check.title = "=SUM(1,2)"  # a title a spreadsheet would run as a formula
    check.save_revision().publish()
    client.force_login(two_courses["demo"]["admin@walesi.test"])
    assert "Ekspor laporan (XLSX)" in client.get(_report_url(course)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("learning_course_analytics_export", args=[course.pk]))
    job = BackgroundJob.objects.get(kind="course_report_export")
    assert r.status_code == 302 and r["Location"] == reverse("learning_course_analytics_export_job", args=[job.pk])
    page = client.get(r["Location"]).content.decode()
    assert job.status == "done" and "Unduh XLSX" in page and 'http-equiv="refresh"' not in page
    response = client.get(reverse("learning_course_analytics_export_download", args=[job.pk]))
    assert response["Content-Disposition"].startswith('attachment; filename="analitik-kursus-a-')
    book = _workbook(b"".join(response.streaming_content))
    assert book.sheetnames == ["Ringkasan", "Per minggu", "Per modul", "Soal"]
    summary = {row[0]: row[1] for row in book["Ringkasan"].iter_rows(min_row=2, values_only=True)}
    assert summary["Terdaftar"] == 8 and summary["Selesai"] == 5 and summary["Median waktu sampai selesai (hari)"] == 3
    assert summary["Lulus ujian akhir pada percobaan pertama (%)"] == 33
    assert sum(row[2] for row in book["Per minggu"].iter_rows(min_row=2, values_only=True)) == 8
    modules = list(book["Per modul"].iter_rows(min_row=2, values_only=True))
    assert [row[2:6] for row in modules] == [(7, 7, 88, 1), (6, 5, 62, 1), (5, 5, 62, 0)]
    assert modules[2][6:] == (5, 100) and modules[0][6:] == (None, None)
    questions = list(book["Soal"].iter_rows(min_row=2, values_only=True))
    final_rows = [q for q in questions if q[0] != "=SUM(1,2)"]
    check_rows = [q for q in questions if q[0] == "=SUM(1,2)"]
    assert [q[4] for q in final_rows] == [57, 43, 43, 100] and len(check_rows) == 3
    assert final_rows[1][6:8] == ("Z", 3)
    formula_cells = [c for row in book["Soal"].iter_rows() for c in row if c.value == "=SUM(1,2)"]
    assert formula_cells and all(c.data_type == "s" for c in formula_cells)
    cells = " ".join(str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row if c)
    for learner in learners:
        assert learner.email not in cells and learner.last_name not in cells


def test_the_export_is_its_owners_and_a_double_click_queues_one_job(client, two_courses, settings, tmp_path):
    from learning.services.course_report_export import course_report_job_run
    from portal.models import BackgroundJob

    settings.MEDIA_ROOT = tmp_path
    course, other = two_courses["course"], two_courses["other"]
    client.force_login(two_courses["demo"]["admin@walesi.test"])
    url = reverse("learning_course_analytics_export", args=[course.pk])
    first, second = client.post(url), client.post(url)  # the task is not run: the job is still waiting
    assert first["Location"] == second["Location"]
    job = BackgroundJob.objects.get(kind="course_report_export")
    assert 'http-equiv="refresh"' in client.get(first["Location"]).content.decode()
    download = reverse("learning_course_analytics_export_download", args=[job.pk])
    assert client.get(download).status_code == 404  # not ready yet
    assert client.get(url).status_code == 405  # a GET queues nothing
    # Another course's trainer: no export of this course, and not this job.
    trainer = _trainer_of(other, "pelatih.ekspor@walesi.test")
    client.force_login(trainer)
    assert client.post(url).status_code == 404
    assert client.get(first["Location"]).status_code == 404
    assert course_report_job_run(job_id=job.pk) == "done"
    assert client.get(download).status_code == 404
    assert BackgroundJob.objects.filter(kind="course_report_export").count() == 1


def test_the_export_is_refused_when_the_owner_lost_the_course(two_courses, settings, tmp_path):
    from learning.services.course_report_export import course_report_job_create, course_report_job_run

    settings.MEDIA_ROOT = tmp_path
    trainer = _trainer_of(two_courses["other"], "pelatih.hilang@walesi.test")
    job = course_report_job_create(owner=trainer, course=two_courses["other"])
    trainer.groups.clear()
    assert course_report_job_run(job_id=job.pk) == "refused"
    job.refresh_from_db()
    assert job.status == "failed" and not job.result_file


def test_the_course_list_exports_as_csv_formula_safe(client, two_courses):
    course = two_courses["course"]
    course.title = "=HYPERLINK(1)"
    course.save_revision().publish()
    trainer = _trainer_of(course, "pelatih.daftar@walesi.test")
    client.force_login(trainer)
    listing = client.get(reverse("learning_course_analytics")).content.decode()
    assert "?export=xlsx" in listing and "?export=csv" in listing
    response = client.get(reverse("learning_course_analytics") + "?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Kursus,Terdaftar,Sudah mulai,Selesai,Selesai (%)")
    assert lines[1] == "'=HYPERLINK(1),8,7,5,62,33,50"
    assert len(lines) == 2  # only the courses this trainer may edit
    xlsx = client.get(reverse("learning_course_analytics") + "?export=xlsx")
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
