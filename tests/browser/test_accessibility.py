"""axe-core (bundled by axe-playwright-python, nothing downloaded) over the demo's pages at 360 px in Indonesian,
for each role: the public pages, the learner's, the supervisor's, the leader's, HR's and the trainer's course
analytics in the Wagtail admin. Any violation fails the test, with its rule, impact and first element."""

from __future__ import annotations

import io
import re

from django.core.management import call_command

import pytest

from .signin import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    None: [
        "/",
        "/materi-sosialisasi/",
        "/materi-sosialisasi/panduan-memulai-inovasi-kecil-di-unit-kerja/",
        "/kursus/standar-kinerja-asn-walesi/tiga-standar-kinerja-dan-contohnya/",  # example and reflection blocks
        "/survei/distrik-walesi/",
        "/survei/distrik-walesi/hasil/",
        "/akun/login/",
    ],
    "pegawai@walesi.test": [
        "/belajar/",
        "/kursus/standar-kinerja-asn-walesi/",
        "/pegawai/saya/",
        "/kesiapan/",
    ],
    "atasan@walesi.test": ["/tim/"],
    "pimpinan@walesi.test": ["/pimpinan/", "/kampanye/", "/tim/?lingkup=unit", "/hasil-kesiapan/"],
    "admin@walesi.test": ["/skm/", "/skm/distrik-walesi/", "/kepegawaian/", "/kepegawaian/pegawai/"],
    "pelatih@walesi.test": ["/admin/laporan/analitik-kursus/"],
}


def _violations(page, axe) -> list[str]:
    found = []
    for v in axe.run(page).response["violations"]:
        node = v["nodes"][0]
        found.append(f"{page.url}: {v['impact']} {v['id']} ({len(v['nodes'])}×, e.g. {node['target']}): {v['help']}")
    return found


def test_demo_pages_have_no_axe_violations(page, browser):
    from axe_playwright_python.sync_playwright import Axe

    call_command("seed_demo", stdout=io.StringIO())
    axe = Axe()
    found, visited = [], 0
    for email, paths in PAGES.items():
        context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
        tab = context.new_page()
        tab.base_url = page.base_url
        if email:
            sign_in(tab, email)
        context.add_cookies([{"name": "django_language", "value": "id", "url": page.base_url}])
        for path in paths:
            response = tab.goto(tab.base_url + path)
            assert response.status == 200, (email, path, response.status)
            found += _violations(tab, axe)
            visited += 1
        if email == "pimpinan@walesi.test":  # a campaign's progress page, reached as a leader would
            tab.goto(tab.base_url + "/kampanye/")
            tab.locator("main h2 a[href^='/kampanye/']").first.click()
            tab.wait_for_load_state()
            assert re.search(r"/kampanye/\d+/$", tab.url), tab.url
            found += _violations(tab, axe)
            visited += 1
        if email == "pelatih@walesi.test":  # a course's report and its first knowledge check's statistics
            tab.locator("a[href^='/admin/laporan/analitik-kursus/'][href$='/']").filter(
                has_text=re.compile("Standar Kinerja")
            ).first.click()
            tab.wait_for_load_state()
            found += _violations(tab, axe)
            tab.locator("a", has_text="Statistik soal").first.click()
            tab.wait_for_load_state()
            assert "/kuis/" in tab.url
            found += _violations(tab, axe)
            visited += 2
        context.close()
    assert visited == sum(len(p) for p in PAGES.values()) + 3
    assert found == [], "\n".join(found)
