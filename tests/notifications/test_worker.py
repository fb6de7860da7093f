"""With a real broker: a worker mails the notice; with the broker down the writer still commits and the sweep
mails the notice later."""

import datetime as dt
import time

from django.core import mail
from django.db import transaction
from django.utils import timezone

import pytest

from portal import celery_app
from portal.notifications.models import Notification
from portal.notifications.services import notify
from portal.notifications.tasks import email_sweep

from .conftest import KIND
from .factories import UserFactory


def _broker(url: str) -> dict:
    previous = {k: celery_app.conf[k] for k in ("broker_url", "task_always_eager")}
    celery_app.conf.update(broker_url=url, task_always_eager=False, result_backend=None)
    return previous


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_mails_the_notice_once(redis_url):
    from celery.contrib.testing.worker import start_worker

    person = UserFactory(email="pekerja@walesi.test")
    previous = _broker(redis_url)
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            with transaction.atomic():
                n = notify(recipient=person, kind=KIND, event_key="uji:pekerja", title="Lewat Redis")
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and not mail.outbox:
                time.sleep(0.2)
    finally:
        celery_app.conf.update(**previous)
    assert [m.subject for m in mail.outbox] == ["Lewat Redis"]
    n.refresh_from_db()
    assert n.email_status == "sent"


@pytest.mark.django_db(transaction=True)
def test_broker_down_the_writer_commits_and_the_sweep_mails_later():
    person = UserFactory(email="broker-mati@walesi.test")
    previous = _broker("redis://127.0.0.1:1/0")  # nothing listens there
    try:
        with transaction.atomic():
            n = notify(recipient=person, kind=KIND, event_key="uji:broker-mati", title="Tertunda")
            UserFactory(email="ditulis-juga@walesi.test")  # the writer's own work
    finally:
        celery_app.conf.update(**previous)
    assert Notification.objects.filter(pk=n.pk, email_status="pending").exists()
    assert UserFactory._meta.model.objects.filter(email="ditulis-juga@walesi.test").exists()
    assert mail.outbox == []
    Notification.objects.filter(pk=n.pk).update(created_at=timezone.now() - dt.timedelta(minutes=11))
    assert email_sweep.delay().get() == 1
    assert [m.subject for m in mail.outbox] == ["Tertunda"]
