import datetime as dt

from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

import pytest

from learning import services
from learning.models import ReminderLog
from portal.notifications.models import Notification, NotificationPreference
from portal.notifications.tasks import email_sweep, send_notification_email

from .factories import make_course

pytestmark = pytest.mark.django_db


def test_reminders_once_per_learner_per_day(demo_users, django_capture_on_commit_callbacks):
    learner, other = demo_users["pegawai@walesi.test"], demo_users["pegawai2@walesi.test"]
    today = dt.date(2026, 11, 28)
    a, b, c = make_course("a", modules=1), make_course("b", modules=1), make_course("c", modules=1)
    services.enrollment_create(user=learner, course=a, source="assigned", due_date=today + dt.timedelta(days=3))
    services.enrollment_create(user=learner, course=b, source="assigned", due_date=today - dt.timedelta(days=2))
    services.enrollment_create(user=other, course=c, source="assigned", due_date=today + dt.timedelta(days=30))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(today=today) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(today=today) == 0  # the task ran again the same day
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["pegawai@walesi.test"]
    assert "Pengingat" in message.subject
    assert "Kursus a" in message.body and "Kursus b" in message.body and "sudah lewat" in message.body
    assert "1 Desember 2026" in message.body
    assert ReminderLog.objects.get().course_count == 2
    notice = Notification.objects.get(recipient=learner)
    assert notice.kind == "learning.reminder" and notice.link == "/belajar/"
    assert notice.title == "Pengingat: 2 kursus mendekati atau melewati tenggat"
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(today=today + dt.timedelta(days=1)) == 1  # a new day, a new mail
    assert len(mail.outbox) == 2
    send_notification_email.delay(notice.pk)  # the mail task running again sends nothing more
    assert len(mail.outbox) == 2


def test_failed_send_is_retried(demo_users, monkeypatch, django_capture_on_commit_callbacks):
    """The reminder is kept when the mail server is down; the mail goes once it is back, and only once."""
    learner = demo_users["pegawai@walesi.test"]
    today = dt.date(2026, 11, 28)
    services.enrollment_create(user=learner, course=make_course(modules=1), source="assigned", due_date=today)

    def boom(*args, **kwargs):
        raise OSError("smtp down")

    monkeypatch.setattr(EmailMultiAlternatives, "send", boom)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(today=today) == 1
    assert mail.outbox == []
    notice = Notification.objects.get(recipient=learner)
    assert notice.email_status == "pending"  # the task's retries (and the sweep) will send it
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(today=today) == 0  # not a second reminder today
    Notification.objects.filter(pk=notice.pk).update(created_at=timezone.now() - dt.timedelta(minutes=15))
    assert email_sweep.delay().get() == 1
    assert email_sweep.delay().get() == 0
    assert len(mail.outbox) == 1 and "Pengingat" in mail.outbox[0].subject


def test_reminder_in_english_and_without_mail_when_turned_off(demo_users, django_capture_on_commit_callbacks):
    learner, other = demo_users["pegawai@walesi.test"], demo_users["pegawai2@walesi.test"]
    learner.language = "en"
    learner.save(update_fields=["language"])
    NotificationPreference.objects.create(user=other, kind="learning.reminder", email=False)
    today = dt.date(2026, 11, 28)
    services.enrollment_create(user=learner, course=make_course("x", modules=1), source="assigned", due_date=today)
    services.enrollment_create(user=other, course=make_course("y", modules=1), source="assigned", due_date=today)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(today=today + dt.timedelta(days=1)) == 2
    assert [m.to for m in mail.outbox] == [["pegawai@walesi.test"]]
    assert "Reminder" in mail.outbox[0].subject and "29 November 2026" not in mail.outbox[0].body
    assert "28 November 2026 (overdue)" in mail.outbox[0].body
    assert Notification.objects.filter(recipient=other, email_status="skipped").count() == 1
