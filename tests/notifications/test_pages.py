"""The bell, the inbox /notifikasi/, opening a notice, mark all read, the email preferences page."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from portal.notifications.models import Notification, NotificationPreference
from portal.notifications.services import notify

from .conftest import KIND, QUIET_KIND
from .factories import NotificationFactory

pytestmark = pytest.mark.django_db

INBOX = "/notifikasi/"
PREFS = "/notifikasi/pengaturan/"
MARK_ALL = "/notifikasi/tandai-semua-dibaca/"


def _bell(html: str) -> str:
    match = re.search(r'<a class="bell[^"]*" href="/notifikasi/">.*?</a>', html, re.S)
    assert match, "no bell in the header"
    return match.group(0)


def test_urls_are_where_the_brief_says():
    assert reverse("notifications:inbox") == INBOX
    assert reverse("notifications:preferences") == PREFS
    assert reverse("notifications:open", args=[7]) == "/notifikasi/7/"


def test_bell_shows_the_unread_count_accessibly(client, person, other):
    client.force_login(person)
    assert "belum dibaca" not in _bell(client.get(INBOX).content.decode())
    for i in range(3):
        notify(recipient=person, kind=KIND, event_key=f"uji:bell-{i}", title=f"Ke-{i}")
    notify(recipient=other, kind=KIND, event_key="uji:bell-other", title="Bukan untuk Anda")
    bell = _bell(client.get(INBOX).content.decode())
    assert "3 pemberitahuan belum dibaca" in bell
    assert '<span class="bell-count" aria-hidden="true">3</span>' in bell


def test_bell_in_english(client, person):
    person.language = "en"
    person.save()
    client.cookies["portal_language"] = "en"
    client.force_login(person)
    notify(recipient=person, kind=KIND, event_key="uji:en-1", title="One")
    assert "1 unread notification<" in _bell(client.get(INBOX).content.decode())
    notify(recipient=person, kind=KIND, event_key="uji:en-2", title="Two")
    assert "2 unread notifications" in _bell(client.get(INBOX).content.decode())


def test_bell_caps_at_99_plus(client, person):
    NotificationFactory.create_batch(100, recipient=person)
    client.force_login(person)
    assert "99+ pemberitahuan belum dibaca" in _bell(client.get("/notifikasi/").content.decode())


def test_no_bell_for_visitors(client, demo_site):
    assert 'class="bell' not in client.get("/").content.decode()


def test_bell_count_is_cached_and_refreshed_on_notify_and_read(client, person):
    client.force_login(person)
    client.get(INBOX)
    with CaptureQueriesContext(connection) as ctx:
        client.get(PREFS)
    assert not any("COUNT" in q["sql"] and "notifications_notification" in q["sql"] for q in ctx.captured_queries)
    n = notify(recipient=person, kind=KIND, event_key="uji:cache", title="Baru")
    assert "1 pemberitahuan belum dibaca" in _bell(client.get(PREFS).content.decode())
    client.get(f"/notifikasi/{n.pk}/")
    assert "belum dibaca" not in _bell(client.get(PREFS).content.decode())


def test_bell_adds_no_query_to_a_page_once_warm(client, person, demo_site):
    """The existing pages' budgets hold: with the count cached, a page asks nothing more than without the bell."""
    NotificationFactory.create_batch(3, recipient=person)
    client.force_login(person)
    client.get("/")
    with CaptureQueriesContext(connection) as ctx:
        html = client.get("/").content.decode()
    assert "3 pemberitahuan belum dibaca" in html
    assert not [q for q in ctx.captured_queries if "notifications_" in q["sql"]]


def test_inbox_lists_only_ones_own_notices_newest_first_and_paged(client, person, other):
    for i in range(25):
        NotificationFactory(recipient=person, title=f"Milik Yosina {i:02d}", event_key=f"uji:p{i}")
    NotificationFactory(recipient=other, title="Milik Markus")
    client.force_login(person)
    html = client.get(INBOX).content.decode()
    assert "Milik Markus" not in html
    assert "Milik Yosina 24" in html and "Milik Yosina 05" in html and "Milik Yosina 04" not in html
    assert "Halaman 1 dari 2" in html
    second = client.get(INBOX + "?page=2").content.decode()
    assert "Milik Yosina 04" in second and "Milik Yosina 05" not in second


def test_inbox_query_count_does_not_grow(client, person):
    client.force_login(person)
    NotificationFactory.create_batch(2, recipient=person)
    client.get(INBOX)
    with CaptureQueriesContext(connection) as small:
        client.get(INBOX)
    NotificationFactory.create_batch(30, recipient=person)
    client.get(INBOX)
    with CaptureQueriesContext(connection) as large:
        client.get(INBOX)
    assert len(small) == len(large) <= 15, [q["sql"][:100] for q in large.captured_queries]


def test_opening_a_notice_marks_it_read_and_goes_to_its_link(client, person):
    n = NotificationFactory(recipient=person, link="/belajar/")
    client.force_login(person)
    response = client.get(f"/notifikasi/{n.pk}/")
    assert response.status_code == 302 and response["Location"] == "/belajar/"
    n.refresh_from_db()
    assert n.read_at is not None
    first_read = n.read_at
    client.get(f"/notifikasi/{n.pk}/")
    n.refresh_from_db()
    assert n.read_at == first_read  # opened again: still the first reading


def test_a_notice_without_link_opens_the_inbox(client, person):
    n = NotificationFactory(recipient=person, link="")
    client.force_login(person)
    assert client.get(f"/notifikasi/{n.pk}/")["Location"] == INBOX


def test_someone_elses_notice_is_a_404_and_stays_unread(client, person, other):
    theirs = NotificationFactory(recipient=other)
    client.force_login(person)
    assert client.get(f"/notifikasi/{theirs.pk}/").status_code == 404
    assert client.get("/notifikasi/999999/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_read_is_a_post_and_touches_only_ones_own(client, person, other):
    NotificationFactory.create_batch(3, recipient=person)
    NotificationFactory(recipient=other)
    client.force_login(person)
    assert client.get(MARK_ALL).status_code == 405
    response = client.post(MARK_ALL, follow=True)
    assert "Semua pemberitahuan sudah ditandai dibaca." in response.content.decode()
    assert not Notification.objects.filter(recipient=person, read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=other, read_at__isnull=True).count() == 1
    assert "belum dibaca" not in _bell(response.content.decode())


def test_preferences_show_a_labelled_checkbox_per_kind_with_its_default(client, person):
    client.force_login(person)
    html = client.get(PREFS).content.decode()
    assert f'<input type="checkbox" id="email-{KIND}" name="email-{KIND}" checked>' in html
    assert f'<input type="checkbox" id="email-{QUIET_KIND}" name="email-{QUIET_KIND}">' in html
    assert f'<label for="email-{KIND}">Pesan uji</label>' in html


def test_saving_preferences_turns_email_off_and_on(client, person, django_capture_on_commit_callbacks):
    from django.core import mail

    client.force_login(person)
    response = client.post(PREFS, {f"email-{QUIET_KIND}": "on"}, follow=True)
    assert "Pengaturan email pemberitahuan disimpan." in response.content.decode()
    assert dict(
        NotificationPreference.objects.filter(user=person, kind__startswith="uji.").values_list("kind", "email")
    ) == {
        KIND: False,
        QUIET_KIND: True,
    }
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=person, kind=KIND, event_key="uji:off", title="Tanpa email")
        notify(recipient=person, kind=QUIET_KIND, event_key="uji:on", title="Dengan email")
    assert [m.subject for m in mail.outbox] == ["Dengan email"]
    html = client.get(PREFS).content.decode()
    assert f'name="email-{KIND}">' in html and f'name="email-{QUIET_KIND}" checked>' in html


@pytest.mark.parametrize("url", [INBOX, PREFS, "/notifikasi/1/"])
def test_pages_need_a_sign_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/akun/login/")


def test_mark_all_needs_a_sign_in(client, db):
    response = client.post(MARK_ALL)
    assert response.status_code == 302 and response["Location"].startswith("/akun/login/")


DEMO = ["pegawai", "pegawai2", "atasan", "pelatih", "pimpinan", "admin"]


@pytest.mark.parametrize("who", DEMO)
def test_role_matrix_own_inbox_yes_anyone_elses_notice_404(demo_users, login, who):
    """Every role, HR and the superuser included, reads only their own notices."""
    users = {name: demo_users[f"{name}@walesi.test"] for name in DEMO}
    notices = {name: NotificationFactory(recipient=u, title=f"Untuk {name}") for name, u in users.items()}
    client = login(f"{who}@walesi.test")
    html = client.get(INBOX).content.decode()
    assert f"Untuk {who}<" in html
    assert client.get(PREFS).status_code == 200
    for name, notice in notices.items():
        if name == who:
            assert client.get(f"/notifikasi/{notice.pk}/").status_code == 302
        else:
            assert f"Untuk {name}<" not in html
            assert client.get(f"/notifikasi/{notice.pk}/").status_code == 404


def test_support_can_read_notices_in_the_django_admin(client, demo_users, person):
    NotificationFactory(recipient=person, title="Untuk dukungan")
    client.force_login(demo_users["admin@walesi.test"])
    html = client.get("/django-admin/notifications/notification/").content.decode()
    assert "Untuk dukungan" in html
    assert client.get("/django-admin/notifications/notification/add/").status_code == 403
