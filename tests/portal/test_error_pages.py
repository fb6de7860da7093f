"""Every error page speaks Indonesian, in the portal's layout (issue 9, item 11)."""

from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

import pytest

from portal.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

ENGLISH = ["Bad Request", "Forbidden", "DEBUG", "Not Found", "Too Many Requests", "CSRF verification failed"]


def assert_portal_error(response, code: int, *phrases: str):
    assert response.status_code == code
    html = response.content.decode()
    assert 'class="site-header"' in html, "not in the portal's layout"
    assert f"Kode {code}" in html
    for phrase in phrases:
        assert phrase in html
    for english in ENGLISH:
        assert english not in html, english


def test_400_generic_is_indonesian(client, demo_site):
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        response = client.get("/", HTTP_HOST="penyerang.test")
    assert_portal_error(response, 400, "Permintaan tidak dapat diproses")


def test_too_large_form_says_so_in_words(client, demo_site):
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=2 * 1024 * 1024):
        response = client.post(
            reverse("account_login"), {"login": "x@walesi.test", "password": "a" * (3 * 1024 * 1024)}
        )
    assert_portal_error(response, 400, "Formulir terlalu besar", "melebihi batas 2 MB")


def test_too_many_fields_says_so_in_words(client, demo_site):
    with override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=10):
        response = client.post(reverse("account_login"), {f"f{i}": "x" for i in range(20)})
    assert_portal_error(response, 400, "Formulir terlalu besar", "terlalu banyak isian")


def test_403_for_a_role_without_access(client, login, demo_users):
    login("pegawai@walesi.test")
    assert_portal_error(client.get("/kepegawaian/"), 403, "Akses ditolak")


def test_404(client, demo_site):
    assert_portal_error(client.get("/tidak-ada-halaman-ini/"), 404, "Halaman tidak ditemukan")


def test_405_is_a_page_and_keeps_allow(client, login, demo_users):
    login("pegawai@walesi.test")
    response = client.get(reverse("learning:enroll", args=[1]))
    assert_portal_error(response, 405, "Cara membuka halaman ini tidak didukung")
    assert response["Allow"] == "POST"


def test_429_from_the_rate_limit(client, demo_users):
    cache.clear()
    try:
        responses = [client.post(reverse("account_reset_password"), {"email": "pegawai@walesi.test"}) for _ in range(7)]
        assert responses[-1].status_code == 429
        assert_portal_error(responses[-1], 429, "Terlalu banyak percobaan")
    finally:
        cache.clear()


def test_csrf_failure_is_indonesian_and_says_nothing_of_debug(demo_users):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("account_login"), {"login": "pegawai@walesi.test", "password": DEMO_PASSWORD})
    assert_portal_error(response, 403, "Formulir sudah kedaluwarsa", "muat ulang")
