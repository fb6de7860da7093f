"""Invitations once per person in scope; one reminder, only to those who have not answered; nothing after.

`notify` is replaced by a recorder that keeps its once-per-event-key promise, so these tests state what the pulse
asks of notifications whether or not the notifications app is installed."""

import datetime as dt

import pytest

from performance.pulse import notices, services
from performance.pulse.models import Pulse
from performance.pulse.tasks import pulse_reminder_sweep
from portal import dates

from .conftest import answer


@pytest.fixture
def sent(monkeypatch):
    log = {}

    def fake_notify(*, recipient, kind, event_key, title, body="", link="", params=None):
        if event_key in log:
            return None
        log[event_key] = (kind, recipient.email, link)
        return object()

    monkeypatch.setattr(notices, "notify", fake_notify)
    return log


def _to(log, kind):
    return {email for k, email, _link in log.values() if k == kind}


def test_invitation_to_everyone_in_scope_once(org, sent, django_capture_on_commit_callbacks):
    today = dates.today()
    with django_capture_on_commit_callbacks(execute=True):
        pulse = services.pulse_open(
            opened_by=None, title="Undangan", opens_on=today, closes_on=today + dt.timedelta(days=9),
            units=[org["units"]["WLS"]],
        )  # fmt: skip
    invited = _to(sent, notices.KIND_INVITATION)
    assert {"pegawai@walesi.test", "pegawai2@walesi.test", "rekan3@walesi.test"} <= invited
    assert "luar@walesi.test" not in invited  # outside the distrik
    assert all(link == f"/kesiapan/{pulse.pk}/" for _k, _e, link in sent.values())
    pulse.refresh_from_db()
    assert pulse.invited_on == today
    assert services.pulse_invite(pulse_id=pulse.pk) == 0  # the pulse remembers it invited
    Pulse.objects.filter(pk=pulse.pk).update(invited_on=None)  # as if the task had been lost: the sweep resends
    assert pulse_reminder_sweep() == 0  # ... but event keys keep it to one notice per person
    assert len(sent) == len(invited)


def test_reminder_only_to_those_who_have_not_answered(open_pulse, org, sent):
    answer(open_pulse, org["pegawai"])
    answer(open_pulse, org["colleagues"][0])
    pulse_reminder_sweep()  # invitations (the fixture did not run the after-commit task); no reminder yet
    assert not _to(sent, notices.KIND_REMINDER)  # closes in ten days: not due
    Pulse.objects.filter(pk=open_pulse.pk).update(closes_on=dates.today() + dt.timedelta(days=1))
    assert pulse_reminder_sweep() > 0
    reminded = _to(sent, notices.KIND_REMINDER)
    assert "pegawai@walesi.test" not in reminded and "rekan0@walesi.test" not in reminded
    assert {"rekan1@walesi.test", "pegawai2@walesi.test"} <= reminded and "luar@walesi.test" not in reminded
    answer(open_pulse, org["colleagues"][1])
    assert pulse_reminder_sweep() == 0  # one reminder only, and nothing after answering
    assert _to(sent, notices.KIND_REMINDER) == reminded


def test_no_invitation_for_a_pulse_that_is_already_closed(org, sent):
    today = dates.today()
    pulse = services.pulse_open(
        opened_by=None, title="Lama", opens_on=today - dt.timedelta(days=20), closes_on=today - dt.timedelta(days=5),
        units=[org["units"]["WLS"]], invite=False,
    )  # fmt: skip
    assert services.pulse_invite(pulse_id=pulse.pk) == 0 and not sent


def test_with_the_real_notifications_app(org, django_capture_on_commit_callbacks):
    from portal.notifications.models import Notification

    today = dates.today()
    with django_capture_on_commit_callbacks(execute=True):
        pulse = services.pulse_open(
            opened_by=None, title="Nyata", opens_on=today, closes_on=today + dt.timedelta(days=1),
            units=[org["units"]["WLS.PEL"]],
        )  # fmt: skip
    answer(pulse, org["pegawai"])
    with django_capture_on_commit_callbacks(execute=True):
        pulse_reminder_sweep()
    invited = set(Notification.objects.filter(kind=notices.KIND_INVITATION).values_list("recipient__email", flat=True))
    reminded = set(Notification.objects.filter(kind=notices.KIND_REMINDER).values_list("recipient__email", flat=True))
    assert "pegawai@walesi.test" in invited and "rekan0@walesi.test" in invited
    assert "pegawai@walesi.test" not in reminded and "rekan0@walesi.test" in reminded
    assert Notification.objects.filter(kind=notices.KIND_REMINDER, recipient=org["pegawai"]).count() == 0
