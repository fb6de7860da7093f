import datetime as dt

from django.core import mail

import pytest

from learning import services
from learning.models import ReminderLog

from .factories import make_course

pytestmark = pytest.mark.django_db


def test_reminders_once_per_learner_per_day(demo_users):
    learner, other = demo_users["pegawai@walesi.test"], demo_users["pegawai2@walesi.test"]
    today = dt.date(2026, 11, 28)
    a, b, c = make_course("a", modules=1), make_course("b", modules=1), make_course("c", modules=1)
    services.enrollment_create(user=learner, course=a, source="assigned", due_date=today + dt.timedelta(days=3))
    services.enrollment_create(user=learner, course=b, source="assigned", due_date=today - dt.timedelta(days=2))
    services.enrollment_create(user=other, course=c, source="assigned", due_date=today + dt.timedelta(days=30))
    assert services.reminders_send(today=today) == 1
    assert services.reminders_send(today=today) == 0  # the task ran again the same day
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["pegawai@walesi.test"]
    assert "Pengingat" in message.subject
    assert "Kursus a" in message.body and "Kursus b" in message.body and "sudah lewat" in message.body
    assert "1 Desember 2026" in message.body
    assert ReminderLog.objects.get().course_count == 2
    assert services.reminders_send(today=today + dt.timedelta(days=1)) == 1  # a new day, a new mail
    assert len(mail.outbox) == 2


def test_failed_send_is_retried(demo_users, monkeypatch):
    learner = demo_users["pegawai@walesi.test"]
    today = dt.date(2026, 11, 28)
    services.enrollment_create(user=learner, course=make_course(modules=1), source="assigned", due_date=today)

    def boom(*args, **kwargs):
        raise OSError("smtp down")

    monkeypatch.setattr("django.core.mail.send_mail", boom)
    with pytest.raises(OSError):
        services.reminders_send(today=today)
    assert not ReminderLog.objects.exists()
    monkeypatch.undo()
    assert services.reminders_send(today=today) == 1
