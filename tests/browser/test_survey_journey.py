"""In a real browser at 360 px: a citizen opens a unit's poster URL (from the QR code), answers the nine questions
and sees the thank-you page; pimpinan@ sees the response counted and the unit's IKM move."""

import re

import pytest

from .signin import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _seed():
    from performance.devdata import demo as performance_demo
    from performance.survey.devdata import demo as survey_demo
    from portal import demo as portal_demo
    from portal.permissions import sync_role_permissions

    sync_role_permissions()
    portal_demo.seed()
    performance_demo.seed()
    return survey_demo.seed()


def _report(page):
    page.goto(page.base_url + "/skm/distrik-walesi/")
    count = int(page.get_attribute("[data-responses]", "data-responses"))
    ikm = page.get_attribute("[data-ikm]", "data-ikm")
    return count, ikm


def test_citizen_answers_from_the_poster_and_leadership_sees_it(page):
    _seed()
    sign_in(page, "pimpinan@walesi.test")
    before_count, before_ikm = _report(page)

    # The poster's QR code encodes the public address (the officer's poster adds ?petugas=).
    page.goto(page.base_url + "/skm/distrik-walesi/poster/PEL-01/")
    url = page.inner_text(".poster .url").strip()
    assert re.search(r"/survei/distrik-walesi/\?petugas=PEL-01$", url)
    path = url[url.index("/survei/") :]

    page.context.clear_cookies()  # the citizen has no account
    page.goto(page.base_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator("#id_officer").input_value() == "PEL-01"
    # Large touch targets: every answer is at least 44 px high.
    box = page.locator(".skm-answers label").first.bounding_box()
    assert box["height"] >= 44
    page.get_by_label("Surat keterangan (domisili, tidak mampu, usaha)").check()
    page.get_by_role("button", name="Kirim penilaian").click()
    # Missing answers: a clear message, nothing lost.
    page.wait_for_selector(".skm-problem")
    assert "Pilih satu jawaban untuk unsur 1" in page.inner_text(".skm-problem")
    for n in range(1, 10):
        page.locator(f'input[name="u{n}"][value="1"]').check()
    page.get_by_role("button", name="Kirim penilaian").click()
    page.wait_for_url(re.compile(r"/terima-kasih/$"))
    assert "sudah kami terima" in page.inner_text("h1")

    sign_in(page, "pimpinan@walesi.test")
    after_count, after_ikm = _report(page)
    assert after_count == before_count + 1
    assert float(after_ikm) < float(before_ikm)  # an all-"1" response pulls the IKM down
