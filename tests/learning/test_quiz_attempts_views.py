import datetime as dt
import json

from django.urls import reverse

import pytest

from learning import services
from learning.models import AttemptAnswer, Enrollment, ModulePage, ModuleProgress, QuizAttempt

from .factories import make_course, right_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(demo_users, login):
    course = make_course(modules=2)
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    return course, modules, demo_users


def test_enroll_button_and_progress_on_course_page(setup, login):
    course, modules, users = setup
    client = login("pegawai@walesi.test")
    page = client.get(course.url)
    assert reverse("learning:enroll", args=[course.pk]) in page.content.decode()
    response = client.post(reverse("learning:enroll", args=[course.pk]))
    assert response.status_code == 302
    client.post(reverse("learning:enroll", args=[course.pk]))  # double click
    assert Enrollment.objects.filter(user=users["pegawai@walesi.test"]).count() == 1
    # "lanjutkan" goes to the first unfinished module
    assert client.get(reverse("learning:resume", args=[course.pk])).url == modules[0].url
    html = client.get(course.url).content.decode()
    assert "<progress" in html and "0 dari 2 modul selesai" in html


def test_opening_module_starts_it_and_tandai_selesai_completes(setup, login):
    course, modules, users = setup
    client = login("pegawai@walesi.test")
    client.post(reverse("learning:enroll", args=[course.pk]))
    html = client.get(modules[0].url).content.decode()
    assert "Tandai selesai" in html
    assert ModuleProgress.objects.filter(module=modules[0], completed_at__isnull=True).count() == 1
    for _ in range(2):
        response = client.post(reverse("learning:module_done", args=[modules[0].pk]))
    assert response.status_code == 302
    assert ModuleProgress.objects.get(module=modules[0]).completed_at is not None
    assert client.get(reverse("learning:resume", args=[course.pk])).url == modules[1].url
    assert "Mulai kuis" in client.get(modules[1].url).content.decode()


def _start(client, course, module):
    client.post(reverse("learning:enroll", args=[course.pk]))
    response = client.post(reverse("learning:attempt_start", args=[module.pk]))
    return QuizAttempt.objects.get(pk=int(response.url.rstrip("/").split("/")[-1]))


def test_attempt_page_never_reveals_correct_answers(setup, login):
    course, modules, users = setup
    client = login("pegawai@walesi.test")
    attempt = _start(client, course, modules[1])
    html = client.get(reverse("learning:attempt", args=[attempt.pk])).content.decode()
    snapshot = attempt.questions
    for qid in attempt.question_ids:
        assert snapshot[qid]["prompt"] in html
        for choice in snapshot[qid]["choices"].values():
            assert choice["text"] in html
            if choice["feedback"]:
                assert choice["feedback"] not in html
    for marker in ("is_correct", "correct", "Tepat.", "Kurang tepat.", "feedback"):
        assert marker not in html.replace("Jawaban tersimpan", ""), marker
    # the autosave JSON says nothing about correctness either
    qid = attempt.question_ids[0]
    choice = attempt.choice_order[qid][0]
    response = client.post(reverse("learning:attempt_answer", args=[attempt.pk]), {"question": qid, "choice": choice})
    body = json.dumps(response.json())
    assert response.status_code == 200 and "correct" not in body and "benar" not in body.lower()


def test_answers_resume_after_new_request(setup, login):
    course, modules, users = setup
    client = login("pegawai@walesi.test")
    attempt = _start(client, course, modules[1])
    qid = attempt.question_ids[0]
    choice = attempt.choice_order[qid][1]
    client.post(reverse("learning:attempt_answer", args=[attempt.pk]), {"question": qid, "choice": choice})
    # a new request (e.g. after a dropped connection) starts nothing new and shows the saved answer
    again = client.post(reverse("learning:attempt_start", args=[modules[1].pk]))
    assert again.url == reverse("learning:attempt", args=[attempt.pk])
    html = client.get(reverse("learning:attempt", args=[attempt.pk])).content.decode()
    assert f'value="{choice}" checked' in html
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 1


def test_submit_review_and_double_submit(setup, login):
    course, modules, users = setup
    client = login("pegawai@walesi.test")
    client.post(reverse("learning:enroll", args=[course.pk]))
    client.post(reverse("learning:module_done", args=[modules[0].pk]))
    attempt = _start(client, course, modules[1])
    answers = right_answers(modules[1])
    data = {f"q-{qid}": ids for qid, ids in answers.items()}
    first = client.post(reverse("learning:attempt_submit", args=[attempt.pk]), data)
    second = client.post(reverse("learning:attempt_submit", args=[attempt.pk]), {})  # replay with nothing
    assert first.url == second.url == reverse("learning:attempt_result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.passed and attempt.score == 100
    html = client.get(first.url).content.decode()
    assert "Lulus" in html and "jawaban Anda" in html and "jawaban benar" in html and "Tepat." in html
    assert "Selamat! Kursus ini sudah selesai" in html


def test_late_submission_tells_the_learner(setup, login):
    course, modules, users = setup
    client = login("pegawai@walesi.test")
    attempt = _start(client, course, modules[1])
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=attempt.started_at - dt.timedelta(minutes=5), started_at=attempt.started_at - dt.timedelta(minutes=15)
    )
    data = {f"q-{qid}": ids for qid, ids in right_answers(modules[1]).items()}
    response = client.post(reverse("learning:attempt_submit", args=[attempt.pk]), data, follow=True)
    html = response.content.decode()
    assert "tidak dihitung" in html
    attempt.refresh_from_db()
    assert attempt.late and attempt.score == 0 and attempt.ignored_answers == 3


def test_another_users_attempt_is_404(setup, login):
    course, modules, users = setup
    owner = login("pegawai@walesi.test")
    attempt = _start(owner, course, modules[1])
    other = login("pegawai2@walesi.test")
    assert other.get(reverse("learning:attempt", args=[attempt.pk])).status_code == 404
    assert other.get(reverse("learning:attempt_result", args=[attempt.pk])).status_code == 404
    qid = attempt.question_ids[0]
    answer = other.post(
        reverse("learning:attempt_answer", args=[attempt.pk]), {"question": qid, "choice": attempt.choice_order[qid][0]}
    )
    assert answer.status_code == 404
    data = {f"q-{qid}": ids for qid, ids in right_answers(modules[1]).items()}
    assert other.post(reverse("learning:attempt_submit", args=[attempt.pk]), data).status_code == 404
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and not attempt.answers.exists()


def test_dashboard_sections(setup, login):
    course, modules, users = setup
    learner = users["pegawai@walesi.test"]
    other_course = make_course("kursus-tugas", modules=1)
    services.enrollment_create(user=learner, course=other_course, source="assigned", due_date=dt.date(2020, 1, 1))
    client = login("pegawai@walesi.test")
    client.post(reverse("learning:enroll", args=[course.pk]))
    client.post(reverse("learning:module_done", args=[modules[0].pk]))
    html = client.get(reverse("learning:dashboard")).content.decode()
    assert "Sedang dipelajari" in html and course.title in html and "1 dari 2 modul" in html
    assert "Ditugaskan kepada Anda" in html and other_course.title in html and "terlambat" in html
    assert "1 Januari 2020" in html
    assert "dari minimal 20 JP" in html
    assert 'style="' not in html
