"""Signing a demo account in through the login form, as every browser test does it."""

from portal.demo import DEMO_PASSWORD


def sign_in(page, email: str) -> None:
    """A fresh sign-in (cookies of an earlier account cleared) through /akun/login/; returns once signed in."""
    page.context.clear_cookies()
    page.goto(page.base_url + "/akun/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", DEMO_PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(lambda url: "/akun/login/" not in url)
