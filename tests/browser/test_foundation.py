"""In Debian's Chromium at 360 px: open the portal, log in, see your name, log out; no horizontal scroll."""

import pytest

from portal.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_login_see_name_logout_at_360px(page, demo_users):
    page.goto(page.base_url + "/")
    assert page.locator("h1").first.is_visible()
    assert no_horizontal_scroll(page)

    page.get_by_role("link", name="Masuk", exact=True).click()
    page.get_by_label("Alamat email").fill("pegawai@walesi.test")
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    assert no_horizontal_scroll(page)
    page.get_by_role("button", name="Masuk").click()

    page.wait_for_url(page.base_url + "/")
    assert page.get_by_text("Yosina Wenda").first.is_visible()
    assert no_horizontal_scroll(page)

    page.get_by_role("button", name="Keluar").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Masuk", exact=True).is_visible()
    assert page.get_by_text("Yosina Wenda").count() == 0


def test_keyboard_user_can_skip_to_content(page, demo_site):
    page.goto(page.base_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Langsung ke isi"
