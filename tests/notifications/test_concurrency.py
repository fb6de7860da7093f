"""Racing calls (threads, real transactions): one notice per event key, one mail per notice.

On SQLite the shared in-memory test database cannot wait for a lock, so the threads take turns there; on
PostgreSQL they really race and the unique constraint and the row lock decide.
"""

import threading

from django.core import mail
from django.db import close_old_connections, connection, transaction

import pytest

from portal.notifications.models import Notification
from portal.notifications.services import notification_email_send, notify

from .conftest import KIND
from .factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _race(fn, n=2):
    barrier = threading.Barrier(n)
    serial = threading.Lock() if connection.vendor == "sqlite" else None
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            if serial is None:
                results.append(fn())
            else:
                with serial:
                    results.append(fn())
        except Exception as exc:  # collected and asserted on by the test
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results, errors


def test_two_writers_notifying_the_same_event_make_one_notice():
    person = UserFactory(email="balap@walesi.test")

    def writer():
        with transaction.atomic():
            n = notify(recipient=person, kind=KIND, event_key="uji:balap", title="Sekali")
            # the writer's own work goes on after notify, in the same transaction
            UserFactory(email=f"lain-{threading.get_ident()}@walesi.test")
        return n

    results, errors = _race(writer)
    assert not errors, errors
    assert sorted(r is None for r in results) == [False, True]
    assert Notification.objects.filter(event_key="uji:balap").count() == 1
    assert len(mail.outbox) == 1  # after commit, from the one that inserted
    assert UserFactory._meta.model.objects.filter(email__startswith="lain-").count() == 2


def test_two_mail_tasks_at_the_same_time_send_once():
    person = UserFactory(email="dua-tugas@walesi.test")
    with transaction.atomic():
        n = notify(recipient=person, kind=KIND, event_key="uji:dua-tugas", title="Sekali saja")
    mail.outbox.clear()
    Notification.objects.filter(pk=n.pk).update(email_status="pending", emailed_at=None)
    results, errors = _race(lambda: notification_email_send(notification_id=n.pk))
    assert not errors, errors
    assert sorted(results) == ["done-before", "sent"]
    assert len(mail.outbox) == 1
