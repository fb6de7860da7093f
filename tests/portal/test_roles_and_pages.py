"""Roles exist from the migration; each role reaches its pages and not others'; friendly error pages."""

import gzip
import re

from django.contrib.auth.models import Group
from django.contrib.staticfiles import finders

import pytest

from portal.roles import Role, has_role, is_staff_role, may_see_performance_data

from .factories import UserFactory

pytestmark = pytest.mark.django_db

ROLE_OF = {
    "pegawai@walesi.test": Role.PEGAWAI,
    "pegawai2@walesi.test": Role.PEGAWAI,
    "atasan@walesi.test": Role.ATASAN,
    "pelatih@walesi.test": Role.PELATIH,
    "pimpinan@walesi.test": Role.PIMPINAN,
    "admin@walesi.test": Role.ADMIN_KEPEGAWAIAN,
}


def test_role_groups_exist_with_wagtail_permissions(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {r.value for r in Role} | {"Penelaah Materi"} <= names
    pelatih = Group.objects.get(name=Role.PELATIH)
    perms = {f"{p.content_type.app_label}.{p.codename}" for p in pelatih.permissions.select_related("content_type")}
    assert {"wagtailadmin.access_admin", "wagtailimages.add_image", "wagtaildocs.add_document"} <= perms
    assert not Group.objects.get(name=Role.PEGAWAI).permissions.filter(codename="access_admin").exists()


@pytest.mark.parametrize("email,role", ROLE_OF.items())
def test_each_demo_account_holds_its_role(demo_users, email, role):
    assert has_role(demo_users[email], role)


def test_role_predicates(db):
    pegawai = UserFactory(roles=[Role.PEGAWAI])
    pelatih = UserFactory(roles=[Role.PELATIH])
    admin = UserFactory(roles=[Role.ADMIN_KEPEGAWAIAN], is_superuser=True, is_staff=True)
    atasan = UserFactory(roles=[Role.PEGAWAI, Role.ATASAN])
    assert not is_staff_role(pegawai)
    assert is_staff_role(pelatih)
    assert is_staff_role(admin)
    assert not may_see_performance_data(pelatih)
    assert may_see_performance_data(atasan)


# (page, {email: expected status}); anything not listed must not be 200.
PAGE_MATRIX = [
    ("/", dict.fromkeys(ROLE_OF, 200) | {None: 200}),
    ("/admin/", {"pelatih@walesi.test": 200, "admin@walesi.test": 200}),
    ("/django-admin/", {"admin@walesi.test": 200}),
    ("/akun/password/change/", dict.fromkeys(ROLE_OF, 200)),
    ("/akun/2fa/", dict.fromkeys(ROLE_OF, 200)),
    # Pages of the later issues: learning is for every signed-in person (trainers learn too), performance by role.
    ("/belajar/", dict.fromkeys(ROLE_OF, 200)),
    ("/belajar/ekspor/", {"admin@walesi.test": 200}),
    (
        "/pegawai/saya/",
        {e: 200 for e in ROLE_OF if e != "pelatih@walesi.test"},  # trainers never see performance data
    ),
    ("/tim/", {"atasan@walesi.test": 200, "pimpinan@walesi.test": 200, "admin@walesi.test": 200}),
    ("/pimpinan/", {"pimpinan@walesi.test": 200, "admin@walesi.test": 200}),
    ("/kepegawaian/", {"admin@walesi.test": 200}),
    ("/kepegawaian/impor/", {"admin@walesi.test": 200}),
    ("/kepegawaian/pegawai/", {"admin@walesi.test": 200}),
    ("/kesiapan/", dict.fromkeys(ROLE_OF, 200)),  # lists only the pulses of one's own unit
    ("/hasil-kesiapan/", {"pimpinan@walesi.test": 200, "admin@walesi.test": 200}),
    ("/kepegawaian/kesiapan/", {"admin@walesi.test": 200}),
    ("/cari/?q=inovasi", dict.fromkeys(ROLE_OF, 200) | {None: 200}),
]


@pytest.mark.parametrize("path,allowed", PAGE_MATRIX, ids=[p for p, _ in PAGE_MATRIX])
@pytest.mark.parametrize("email", [None, *ROLE_OF])
def test_role_page_matrix(client, login, demo_org, path, allowed, email):
    if email:
        login(email)
    response = client.get(path)
    if email in allowed:
        assert response.status_code == allowed[email]
    else:
        assert response.status_code in (302, 403, 404), f"{email} must not reach {path}"
        if response.status_code == 302:
            assert "/login/" in response["Location"] or response["Location"] == "/"


def test_navigation_follows_the_role(client, login, demo_users):
    html = login("pelatih@walesi.test").get("/").content.decode()
    assert 'href="/admin/"' in html
    html = login("pegawai@walesi.test").get("/").content.decode()
    assert 'href="/admin/"' not in html


def test_unknown_page_is_a_friendly_404_in_indonesian(client, demo_site):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Halaman tidak ditemukan" in html
    assert 'href="/"' in html


def test_english_when_chosen(client, demo_site):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/tidak-ada/").content.decode()
    assert 'lang="en"' in html


def test_indonesian_even_if_the_browser_asks_for_english(client, demo_site):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="id"' in html


def test_security_headers_on_public_pages(client, demo_site):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_page_assets_are_light(client, demo_site):
    """All CSS and JS a page loads: at most 60 KB gzipped together, all served by the portal."""
    html = client.get("/").content.decode()
    assets = re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    assert assets, "the page loads the portal stylesheet"
    assert not re.search(r'(?:href|src)="https?://', html), "no CDN or third-party asset"
    total = 0
    for url in assets:
        path = finders.find(url.removeprefix("/static/"))
        with open(path, "rb") as fh:
            total += len(gzip.compress(fh.read()))
    assert total <= 60 * 1024


def test_server_error_page_is_friendly(client, demo_site, settings):
    from django.urls import path

    def boom(request):
        raise RuntimeError("boom")

    urlconf = type("urls", (), {"urlpatterns": [path("boom/", boom)], "handler500": "portal.errors.server_error"})
    settings.ROOT_URLCONF = urlconf
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "Terjadi gangguan" in response.content.decode()


def test_the_one_mail_helper_delivers(db):
    """portal.tasks.send_email (which nothing called) gave way to notifications' helper, the one mail path."""
    from django.core import mail

    from portal.notifications.mail import send_mail_to

    assert send_mail_to(user_or_address="pegawai@walesi.test", subject="Uji", body="Isi pesan") == 1
    assert mail.outbox[-1].subject == "Uji" and mail.outbox[-1].to == ["pegawai@walesi.test"]


def test_favicon_is_served_by_the_portal(client, demo_site):
    html = client.get("/").content.decode()
    assert 'rel="icon"' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")


def test_organisation_name_is_cached_and_refreshed_when_edited(client, demo_site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home.models import OrganisationSettings

    client.get("/")
    with CaptureQueriesContext(connection) as ctx:
        client.get("/")
    assert not any("home_organisationsettings" in q["sql"] for q in ctx.captured_queries)

    settings_obj = OrganisationSettings.objects.get()
    settings_obj.organisation_name = "Pemerintah Distrik Uji"
    settings_obj.save()
    assert "Pemerintah Distrik Uji" in client.get("/").content.decode()
