"""The footer's language switch is remembered on the account; notices and mails are written in it."""

from django.core import mail
from django.utils.translation import gettext_lazy as _

import pytest

from portal.notifications.mail import recipient_language
from portal.notifications.services import notify

from .conftest import KIND
from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_new_accounts_read_indonesian(db):
    assert UserFactory(email="baru@walesi.test").language == "id"


def test_switching_language_is_kept_on_the_account(client, person, django_capture_on_commit_callbacks):
    client.force_login(person)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/notifikasi/"})
    assert response.status_code == 302 and response["Location"] == "/notifikasi/"
    assert response.cookies["portal_language"].value == "en"
    person.refresh_from_db()
    assert person.language == "en"
    with django_capture_on_commit_callbacks(execute=True):
        n = notify(recipient=person, kind=KIND, event_key="uji:lang", title=_("Pemberitahuan"))
    assert n.title == "Notifications"
    assert mail.outbox[0].subject == "Notifications" and "Dear Yosina Wenda," in mail.outbox[0].body

    client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    person.refresh_from_db()
    assert person.language == "id"


def test_unknown_language_changes_nothing(client, person):
    client.force_login(person)
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    person.refresh_from_db()
    assert person.language == "id"


def test_visitors_can_still_switch(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302 and response.cookies["portal_language"].value == "en"


@pytest.mark.parametrize(("stored", "used"), [("id", "id"), ("en", "en"), ("", "id"), ("fr", "id")])
def test_recipient_language_falls_back_to_indonesian(stored, used):
    class Person:
        language = stored

    assert recipient_language(Person()) == used


def test_an_address_without_account_reads_indonesian():
    assert recipient_language("tamu@walesi.test") == "id"
