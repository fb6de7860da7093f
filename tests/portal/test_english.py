"""English interface: switching the language via /i18n/setlang/; Indonesian stays the default."""

from django.conf import settings

import pytest


def _switch_to_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


@pytest.mark.django_db
def test_home_in_english_after_switch(client, demo_site):
    _switch_to_english(client)
    html = client.get("/").content.decode()
    assert '<html lang="en"' in html
    for text in (
        "ASN Learning and Performance Portal",
        "Skip to content",
        "Sign in to the portal",
        "Performance standards",
        ">Language<",
        ">Change<",
    ):
        assert text in html, text
    assert "Masuk ke portal" not in html
    assert ">Bahasa<" not in html


@pytest.mark.django_db
def test_login_in_english_after_switch(client, demo_site):
    _switch_to_english(client)
    response = client.get("/akun/login/", follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Email address", "Password", "Forgot password?", "Remember me on this device", ">Language<"):
        assert text in html, text
    assert '<button type="submit">Sign in</button>' in html
    assert "Kata sandi" not in html


@pytest.mark.django_db
def test_catalogue_filters_in_english(client, demo_content):
    _switch_to_english(client)
    html = client.get("/katalog/", follow=True).content.decode()
    for text in ("All levels", "Mandatory and optional", ">Optional<", ">Show<"):
        assert text in html, text


@pytest.mark.django_db
def test_indonesian_is_the_default(client, demo_site):
    html = client.get("/").content.decode()
    assert '<html lang="id"' in html
    for text in ("Portal Pembelajaran dan Kinerja ASN", "Masuk ke portal", ">Bahasa<", ">Ganti<"):
        assert text in html, text
    assert "Sign in to the portal" not in html

    login = client.get("/akun/login/", follow=True).content.decode()
    assert '<button type="submit">Masuk</button>' in login
    assert "Kata sandi" in login
    assert "Lupa kata sandi?" in login
    assert "Forgot password?" not in login
