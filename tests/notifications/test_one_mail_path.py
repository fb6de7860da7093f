"""The portal sends mail one way: through portal.notifications (notices, and send_mail_to for the rest)."""

import re
from pathlib import Path

import pytest

from portal.notifications.mail import send_mail_to

ROOT = Path(__file__).resolve().parents[2]
APPS = ["portal", "home", "learning", "performance"]
SENDERS = re.compile(r"\b(EmailMessage|EmailMultiAlternatives|send_mail|send_mass_mail|mail_admins)\b")


def test_no_app_builds_or_sends_mail_itself():
    offenders = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            rel = path.relative_to(ROOT).as_posix()
            if rel.startswith("portal/notifications/") or "/migrations/" in rel:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if SENDERS.search(line) and not line.lstrip().startswith("#"):
                    offenders.append(f"{rel}:{number}: {line.strip()}")
    # (allauth's own mails, password reset and address confirmation, are sent by allauth's adapter.)
    assert offenders == [], "send mail through portal.notifications:\n" + "\n".join(offenders)


def test_send_mail_to_a_user_or_an_address(db):
    from django.core import mail

    from .factories import UserFactory

    user = UserFactory(email="penerima@walesi.test")
    assert send_mail_to(user_or_address=user, subject="Satu\nbaris", body="Isi") == 1
    assert send_mail_to(user_or_address="tamu@walesi.test", subject="Dua", body="Isi", html_body="<p>Isi</p>") == 1
    assert send_mail_to(user_or_address="", subject="Tiga", body="Isi") == 0
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["penerima@walesi.test"], "Satu baris"),
        (["tamu@walesi.test"], "Dua"),
    ]
    assert mail.outbox[1].alternatives[0][1] == "text/html"


@pytest.mark.parametrize("error", [OSError("refused"), __import__("smtplib").SMTPServerDisconnected("gone")])
def test_send_mail_to_raises_network_errors_for_the_caller_to_retry(db, monkeypatch, error):
    from django.core.mail import EmailMultiAlternatives

    def fail(self, *a, **k):
        raise error

    monkeypatch.setattr(EmailMultiAlternatives, "send", fail)
    with pytest.raises(type(error)):
        send_mail_to(user_or_address="x@walesi.test", subject="S", body="B")
