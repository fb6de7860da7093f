"""The mail of a notice: after commit, once (also when the task runs twice or at the same time), only when
wanted, in the recipient's language, retried on network errors, and swept up when the broker dropped the task."""

import datetime as dt

from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

import pytest

from portal.notifications.models import Notification, NotificationPreference
from portal.notifications.services import notification_email_send, notify
from portal.notifications.tasks import email_sweep, send_notification_email

from .conftest import KIND, QUIET_KIND
from .factories import UserFactory

pytestmark = pytest.mark.django_db


def _notify(capture, recipient, key="uji:mail", kind=KIND, execute=True, **extra):
    extra.setdefault("title", "Penilaian kinerja Anda telah dikirim")
    extra.setdefault("body", "Silakan baca dan tanggapi.")
    extra.setdefault("link", "/pegawai/199001012020011001/")
    with capture(execute=execute):
        return notify(recipient=recipient, kind=kind, event_key=key, **extra)


def test_mail_goes_after_commit_with_the_link(person, django_capture_on_commit_callbacks):
    n = _notify(django_capture_on_commit_callbacks, person)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["yosina@walesi.test"]
    assert message.subject == "Penilaian kinerja Anda telah dikirim"
    assert "Yth. Yosina Wenda," in message.body and "Silakan baca dan tanggapi." in message.body
    assert f"http://testserver/notifikasi/{n.pk}/" in message.body
    assert "http://testserver/notifikasi/pengaturan/" in message.body
    n.refresh_from_db()
    assert n.email_status == "sent" and n.emailed_at is not None


def test_no_mail_before_commit(person, django_capture_on_commit_callbacks):
    _notify(django_capture_on_commit_callbacks, person, execute=False)
    assert mail.outbox == []


def test_task_running_twice_sends_one_mail(person, django_capture_on_commit_callbacks):
    n = _notify(django_capture_on_commit_callbacks, person)
    assert send_notification_email.delay(n.pk).get() == "done-before"
    assert send_notification_email.delay(n.pk).get() == "done-before"
    assert len(mail.outbox) == 1


def test_notify_twice_in_a_row_sends_one_mail(person, django_capture_on_commit_callbacks):
    _notify(django_capture_on_commit_callbacks, person, key="uji:dua")
    assert _notify(django_capture_on_commit_callbacks, person, key="uji:dua") is None
    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1


def test_email_turned_off_keeps_the_notice_but_sends_nothing(person, django_capture_on_commit_callbacks):
    NotificationPreference.objects.create(user=person, kind=KIND, email=False)
    n = _notify(django_capture_on_commit_callbacks, person)
    assert mail.outbox == []
    n.refresh_from_db()
    assert n.email_status == "skipped" and n.emailed_at is None
    assert Notification.objects.filter(recipient=person).count() == 1


def test_kind_default_off_until_turned_on(person, other, django_capture_on_commit_callbacks):
    NotificationPreference.objects.create(user=other, kind=QUIET_KIND, email=True)
    _notify(django_capture_on_commit_callbacks, person, key="uji:senyap-1", kind=QUIET_KIND)
    _notify(django_capture_on_commit_callbacks, other, key="uji:senyap-2", kind=QUIET_KIND)
    assert [m.to for m in mail.outbox] == [["markus@walesi.test"]]


def test_no_address_or_inactive_account_gets_no_mail(db, django_capture_on_commit_callbacks):
    gone = UserFactory(email="pergi@walesi.test", is_active=False)
    n = _notify(django_capture_on_commit_callbacks, gone)
    assert mail.outbox == [] and Notification.objects.get(pk=n.pk).email_status == "skipped"


def test_mail_in_the_recipients_language(db, django_capture_on_commit_callbacks):
    english = UserFactory(email="maria@walesi.test", first_name="Maria", last_name="Hisage", language="en")
    _notify(django_capture_on_commit_callbacks, english)
    body = mail.outbox[0].body
    assert "Dear Maria Hisage," in body and "Open in the portal:" in body
    assert "Yth." not in body


def test_network_error_leaves_it_pending_and_the_retry_sends_once(
    person, django_capture_on_commit_callbacks, monkeypatch
):
    _notify(django_capture_on_commit_callbacks, person, execute=False)
    n = Notification.objects.get()
    real_send = EmailMultiAlternatives.send
    calls = []

    def flaky(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("connection refused")
        return real_send(self, *args, **kwargs)

    monkeypatch.setattr(EmailMultiAlternatives, "send", flaky)
    with pytest.raises(OSError):
        notification_email_send(notification_id=n.pk)
    n.refresh_from_db()
    assert n.email_status == "pending" and n.emailed_at is None and mail.outbox == []
    assert notification_email_send(notification_id=n.pk) == "sent"
    assert notification_email_send(notification_id=n.pk) == "done-before"
    assert len(mail.outbox) == 1


def test_task_retries_network_errors_with_exponential_backoff():
    assert send_notification_email.autoretry_for == (OSError, __import__("smtplib").SMTPException)
    assert send_notification_email.retry_backoff == 30 and send_notification_email.retry_jitter
    assert send_notification_email.max_retries == 8 and send_notification_email.acks_late


def _age(notification, **delta):
    Notification.objects.filter(pk=notification.pk).update(created_at=timezone.now() - dt.timedelta(**delta))


def test_sweep_sends_what_the_broker_dropped(person, other, django_capture_on_commit_callbacks):
    dropped = _notify(django_capture_on_commit_callbacks, person, key="uji:hilang", execute=False)
    fresh = _notify(django_capture_on_commit_callbacks, person, key="uji:baru", execute=False)
    stale = _notify(django_capture_on_commit_callbacks, person, key="uji:basi", execute=False)
    unwanted = _notify(django_capture_on_commit_callbacks, other, key="uji:tidak-mau", execute=False)
    NotificationPreference.objects.create(user=other, kind=KIND, email=False)
    _age(dropped, minutes=11)
    _age(unwanted, minutes=11)
    _age(stale, days=3)
    _age(fresh, minutes=2)  # its task may still be in the queue
    assert email_sweep.delay().get() == 1
    assert [m.to for m in mail.outbox] == [["yosina@walesi.test"]]
    states = dict(Notification.objects.values_list("event_key", "email_status"))
    assert states == {"uji:hilang": "sent", "uji:baru": "pending", "uji:basi": "expired", "uji:tidak-mau": "skipped"}
    assert email_sweep.delay().get() == 0  # nothing twice
    assert len(mail.outbox) == 1


def test_sweep_stops_when_the_mail_server_is_down(person, django_capture_on_commit_callbacks, monkeypatch):
    for i in range(3):
        _age(_notify(django_capture_on_commit_callbacks, person, key=f"uji:down-{i}", execute=False), minutes=20)
    calls = []

    def down(self, *args, **kwargs):
        calls.append(1)
        raise OSError("unreachable")

    monkeypatch.setattr(EmailMultiAlternatives, "send", down)
    assert email_sweep.delay().get() == 0
    assert len(calls) == 1  # one try, not one timeout per notice
    assert Notification.objects.filter(email_status="pending").count() == 3


def test_sweep_is_in_the_beat_schedule(settings):
    entries = {e["task"]: e for e in settings.CELERY_BEAT_SCHEDULE.values()}
    assert entries["portal.notifications.tasks.email_sweep"]["schedule"] <= 10 * 60
