"""In a real browser at 360 px: atasan@ opens the team, writes a plan for pegawai@ from the suggestion of her weak
standard, pegawai@ acknowledges it and finishes the suggested course, and the supervisor sees the goal's progress
move; then the supervisor records a dialogue and pegawai@ responds."""

import re

import pytest

from .signin import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COURSE = "Pelayanan Publik yang Ramah dan Informatif"


@pytest.fixture
def demo(transactional_db):
    from home.devdata import demo as home_demo
    from learning.devdata import demo as learning_demo
    from performance.devdata import demo as performance_demo
    from portal import demo as portal_demo
    from portal.permissions import sync_role_permissions

    sync_role_permissions()
    users = portal_demo.seed()
    home_demo.seed()
    learning_demo.seed()
    org = performance_demo.seed()
    return {"users": users, **org}


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def _pass_quiz(page, user):
    from learning.models import QuizAttempt

    page.get_by_role("button", name=re.compile("^(Mulai kuis|Coba lagi)$")).click()
    page.wait_for_url(re.compile(r"/belajar/percobaan/\d+/$"))
    attempt = QuizAttempt.objects.filter(user=user, submitted_at__isnull=True).get()
    for qid in attempt.question_ids:
        for cid, choice in attempt.questions[qid]["choices"].items():
            if choice["is_correct"]:
                page.locator(f"#c-{qid}-{cid}").check()
    page.get_by_role("button", name="Kirim jawaban").click()
    page.wait_for_url(re.compile(r"/belajar/percobaan/\d+/hasil/$"))


def _goal_percent(page) -> int:
    return int(page.locator(".dev-goal .dev-progress progress").first.get_attribute("value"))


def test_plan_from_weak_standard_to_progress_and_dialogue(page, demo):
    pegawai = demo["employees"]["pegawai"]
    user = demo["users"]["pegawai@walesi.test"]

    sign_in(page, "atasan@walesi.test")
    page.goto(page.base_url + "/tim/")
    _fits(page)
    page.locator("tr, li", has_text="Yosina Wenda").get_by_role("link", name="Rencana").first.click()
    page.wait_for_url(f"**/tim/{pegawai.nip}/rencana/")
    assert page.get_by_text("Kualitas Pelayanan Publik").first.is_visible()
    page.get_by_role("button", name="Buat rencana").click()
    page.wait_for_url(re.compile(r"/tim/rencana/\d+/$"))
    page.get_by_role("button", name="Jadikan sasaran").click()
    page.wait_for_selector("text=Saran diambil")
    assert page.locator(".dev-goal", has_text=COURSE).count() == 1
    _fits(page)
    page.get_by_role("button", name="Aktifkan dan kirim ke pegawai").click()
    page.wait_for_selector("text=Rencana diaktifkan")
    plan_url = page.url
    before = _goal_percent(page)

    sign_in(page, "pegawai@walesi.test")
    page.goto(page.base_url + "/pegawai/saya/rencana/")
    page.get_by_role("link", name=re.compile("Triwulan IV")).click()
    page.get_by_label("Komentar Anda (opsional)").fill("Saya akan menyelesaikannya bulan ini.")
    page.get_by_role("button", name="Saya sudah membaca rencana ini").click()
    page.wait_for_selector("text=rencana telah Anda konfirmasi")
    _fits(page)
    page.locator("li", has_text=COURSE).get_by_role("link", name="Buka kursus").click()
    page.wait_for_load_state()
    from learning.models import CoursePage

    course = CoursePage.objects.get(title=COURSE)
    for module in course.get_modules():
        page.goto(page.base_url + module.url)
        _pass_quiz(page, user)
    page.goto(page.base_url + course.url)
    assert page.get_by_text("Anda menyelesaikan kursus ini").is_visible()

    sign_in(page, "atasan@walesi.test")
    page.goto(plan_url)
    assert page.locator("li", has_text=COURSE).get_by_text("tuntas").is_visible()
    assert _goal_percent(page) > before

    # A dialogue, then pegawai's response.
    page.goto(page.base_url + f"/tim/{pegawai.nip}/dialog/")
    from portal import dates

    today = dates.today().isoformat()
    page.get_by_label("Tanggal dialog").fill(today)
    page.get_by_label("Topik yang dibahas").fill("Hasil kursus pelayanan dan penerapannya di loket.")
    page.get_by_label("Tindak lanjut 1").fill("Menerapkan salam dan penjelasan persyaratan")
    page.locator("#id_a1_owner").select_option("employee")
    page.locator("#id_a1_due").fill(demo["periods"][-1].end_date.isoformat())
    page.get_by_role("button", name="Simpan dialog").click()
    page.wait_for_selector("text=Dialog kinerja dicatat")
    _fits(page)

    sign_in(page, "pegawai@walesi.test")
    page.goto(page.base_url + "/pegawai/saya/dialog/")
    page.get_by_role("link", name=re.compile(r"\d{4}")).first.click()
    page.get_by_label("Tanggapan Anda").fill("Terima kasih, saya terapkan mulai besok.")
    page.get_by_role("button", name="Kirim tanggapan").click()
    page.wait_for_selector("text=Tanggapan Anda tersimpan")
    assert page.get_by_text("saya terapkan mulai besok").is_visible()
    _fits(page)
