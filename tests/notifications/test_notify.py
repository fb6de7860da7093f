"""notify(): one notice per event key, rendered in the recipient's language, refused for unknown kinds."""

import datetime as dt

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils.translation import gettext_lazy as _

import pytest

from portal.notifications import kinds
from portal.notifications.models import Notification
from portal.notifications.services import notify

from .conftest import KIND
from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_notify_stores_the_notice_with_its_params(person):
    n = notify(
        recipient=person,
        kind=KIND,
        event_key="uji:1",
        title="Kursus %(course)s menunggu Anda",
        body="Tenggat %(due)s.",
        link="/belajar/",
        params={"course": "Etika Pelayanan", "due": dt.date(2026, 12, 3)},
    )
    assert isinstance(n, Notification)
    n.refresh_from_db()
    assert (n.title, n.body, n.link) == (
        "Kursus Etika Pelayanan menunggu Anda",
        "Tenggat 3 Desember 2026.",
        "/belajar/",
    )
    assert n.read_at is None and n.email_status == "pending" and n.recipient == person


def test_same_event_key_twice_in_a_row_notifies_once(person):
    first = notify(recipient=person, kind=KIND, event_key="uji:sekali", title="Satu")
    second = notify(recipient=person, kind=KIND, event_key="uji:sekali", title="Dua")
    assert first is not None and second is None
    assert list(Notification.objects.values_list("title", flat=True)) == ["Satu"]


def test_a_duplicate_does_not_break_the_callers_transaction(person):
    notify(recipient=person, kind=KIND, event_key="uji:dup", title="Satu")
    with transaction.atomic():
        assert notify(recipient=person, kind=KIND, event_key="uji:dup", title="Dua") is None
        # the caller goes on writing in the same transaction
        after = notify(recipient=person, kind=KIND, event_key="uji:sesudah", title="Sesudah")
    assert after is not None
    assert Notification.objects.count() == 2


def test_a_rolled_back_writer_leaves_no_notice(person):
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(recipient=person, kind=KIND, event_key="uji:batal", title="Batal")
        raise RuntimeError("the writer failed")
    assert not Notification.objects.exists()
    assert notify(recipient=person, kind=KIND, event_key="uji:batal", title="Lagi") is not None


def test_unregistered_kind_raises(person):
    with pytest.raises(kinds.UnknownKind):
        notify(recipient=person, kind="tidak.terdaftar", event_key="uji:x", title="X")
    assert not Notification.objects.exists()


@pytest.mark.parametrize(
    ("link", "stored"),
    [
        ("/pegawai/123/", "/pegawai/123/"),
        ("http://testserver/belajar/?tab=2", "/belajar/?tab=2"),  # the portal's own origin becomes a path
        ("", ""),
    ],
)
def test_links_are_paths_inside_the_portal(person, link, stored):
    n = notify(recipient=person, kind=KIND, event_key=f"uji:{link}", title="T", link=link)
    assert n.link == stored


@pytest.mark.parametrize("link", ["https://example.com/", "//example.com/x", "belajar/", "javascript:alert(1)"])
def test_links_elsewhere_are_refused(person, link):
    with pytest.raises(ValueError):
        notify(recipient=person, kind=KIND, event_key="uji:luar", title="T", link=link)


def test_title_and_body_are_rendered_in_the_recipients_language(db):
    english = UserFactory(email="en@walesi.test", first_name="Maria", language="en")
    indonesian = UserFactory(email="id@walesi.test", first_name="Yakob", language="id")
    title = _("Yth. %(name)s,")
    body = _("Pemberitahuan")
    a = notify(recipient=english, kind=KIND, event_key="uji:en", title=title, body=body, params={"name": "Maria"})
    b = notify(recipient=indonesian, kind=KIND, event_key="uji:id", title=title, body=body, params={"name": "Yakob"})
    assert (a.title, a.body) == ("Dear Maria,", "Notifications")
    assert (b.title, b.body) == ("Yth. Yakob,", "Pemberitahuan")


def test_dates_in_params_follow_the_language(db):
    english = UserFactory(email="en2@walesi.test", language="en")
    n = notify(
        recipient=english, kind=KIND, event_key="uji:tgl", title="Due %(due)s", params={"due": dt.date(2026, 12, 3)}
    )
    assert n.title == "Due 3 December 2026"


def test_long_texts_are_cut_to_the_columns(person):
    n = notify(recipient=person, kind=KIND, event_key="uji:panjang", title="J" * 500, body="b" * 2000)
    assert len(n.title) == 200 and len(n.body) == 500 and n.title.endswith("…")


def test_notify_costs_three_queries_inside_the_writers_transaction(person, django_assert_num_queries):
    with transaction.atomic(), django_assert_num_queries(3):  # savepoint, insert, release
        notify(recipient=person, kind=KIND, event_key="uji:murah", title="Murah")


@pytest.mark.parametrize(
    "code", ["A.besar", "x", "with space", "ends$", "x" * 65, "1angka"], ids=lambda c: c[:10] or "empty"
)
def test_kind_codes_are_checked(code):
    with pytest.raises(ImproperlyConfigured):
        kinds.register_kind(code, label="X")


def test_registering_a_kind_again_differently_is_an_error():
    kinds.register_kind(KIND, label="Pesan uji", email_default=True)  # the same declaration again: fine
    with pytest.raises(ImproperlyConfigured):
        kinds.register_kind(KIND, label="Pesan lain", email_default=True)
    with pytest.raises(ImproperlyConfigured):
        kinds.register_kind(KIND, label="Pesan uji", email_default=False)
    assert kinds.get_kind(KIND).email_default is True
