"""pegawai@ enrolls in the demo onboarding course, completes every module and quiz (one failed first, then
passed) and the final assessment, sees 100%, the JP credited and the certificate; the public page confirms it.
Runs in Debian's Chromium at 360 px."""

import re

import pytest

from portal.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COURSE_TITLE = "Standar Kinerja ASN Walesi"


@pytest.fixture
def demo(transactional_db):
    from tests.home.factories import ensure_tree_roots

    ensure_tree_roots()
    from home.devdata import demo as home_demo
    from learning.devdata import demo as learning_demo
    from learning.models import Enrollment
    from portal import demo as portal_demo

    users = portal_demo.seed()
    home_demo.seed()
    learning_demo.seed()
    # The demo gives pegawai@ a half-finished onboarding course; this journey starts from nothing.
    Enrollment.objects.filter(user=users["pegawai@walesi.test"]).delete()
    return users


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _open_attempt(user):
    from learning.models import QuizAttempt

    return QuizAttempt.objects.filter(user=user, submitted_at__isnull=True).get()


def _answer(page, attempt, *, right: bool):
    for qid in attempt.question_ids:
        question = attempt.questions[qid]
        correct = [cid for cid, c in question["choices"].items() if c["is_correct"]]
        wrong = [cid for cid in attempt.choice_order[qid] if cid not in correct]
        for cid in correct if right else wrong[:1]:
            page.locator(f"#c-{qid}-{cid}").check()


def _take_quiz(page, user, *, right: bool):
    start = page.get_by_role("button", name=re.compile("^(Mulai kuis|Coba lagi)$"))
    start.click()
    page.wait_for_url(re.compile(r"/belajar/percobaan/\d+/$"))
    assert no_horizontal_scroll(page)
    _answer(page, _open_attempt(user), right=right)
    page.get_by_role("button", name="Kirim jawaban").click()
    page.wait_for_url(re.compile(r"/belajar/percobaan/\d+/hasil/$"))
    assert no_horizontal_scroll(page)


def test_onboarding_journey(page, demo, live_server):
    user = demo["pegawai@walesi.test"]
    page.goto(page.base_url + "/akun/login/")
    page.get_by_label("Alamat email").fill("pegawai@walesi.test")
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_load_state()

    page.goto(page.base_url + "/katalog/")
    page.get_by_role("link", name=COURSE_TITLE).first.click()
    page.get_by_role("button", name="Daftar kursus ini").click()
    page.wait_for_load_state()
    assert page.get_by_text("Anda terdaftar di kursus ini").is_visible()

    from learning.models import CoursePage

    course = CoursePage.objects.get(title=COURSE_TITLE)
    modules = list(course.get_modules())
    assert len(modules) == 4
    for i, module in enumerate(modules):
        assert page.locator("h1").inner_text() == module.title
        if i == 0:
            _take_quiz(page, user, right=False)
            assert page.get_by_text("Belum lulus").first.is_visible()
            assert page.get_by_text("Salah").first.is_visible()
            page.get_by_role("link", name="Coba lagi").click()
            page.wait_for_load_state()
        _take_quiz(page, user, right=True)
        assert page.get_by_text("100%").first.is_visible()
        assert page.get_by_text("Lulus", exact=True).first.is_visible()
        page.get_by_role("link", name="Lanjutkan kursus").click()
        page.wait_for_load_state()

    # every module done: "lanjutkan" leads to the final assessment
    final = course.get_final_assessment()
    assert page.locator("h1").inner_text() == final.title
    _take_quiz(page, user, right=True)
    assert page.get_by_text("Selamat! Kursus ini sudah selesai").is_visible()

    page.goto(page.base_url + course.url)
    assert page.get_by_text("Anda menyelesaikan kursus ini").is_visible()
    assert page.locator(".record-box progress").get_attribute("value") == "100"
    assert page.get_by_role("link", name="Unduh sertifikat (PDF)").is_visible()

    page.get_by_role("link", name="Belajar", exact=True).click()
    page.wait_for_url(page.base_url + "/belajar/")
    assert page.get_by_text("4 dari minimal 20 JP").is_visible()
    completed = page.locator("section", has=page.get_by_role("heading", name="Selesai"))
    assert completed.get_by_role("link", name=COURSE_TITLE).is_visible()
    assert completed.get_by_role("link", name="Unduh sertifikat").is_visible()
    assert no_horizontal_scroll(page)

    with page.expect_download() as download:
        completed.get_by_role("link", name="Unduh sertifikat").click()
    assert download.value.suggested_filename.endswith(".pdf")

    from learning.models import Certificate

    certificate = Certificate.objects.get(completion__user=user)
    page.goto(page.base_url + f"/sertifikat/{certificate.code}/")
    assert page.get_by_text("Sertifikat sah").is_visible()
    assert page.locator("#main").get_by_text("Yosina Wenda").is_visible()
    assert page.get_by_text(COURSE_TITLE).first.is_visible()
    assert no_horizontal_scroll(page)
