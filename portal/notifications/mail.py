"""The portal's one way to send mail: notices (`send_notification_email`) and mails that are not notices
(`send_mail_to`, e.g. the roster invitation to someone who has never signed in) both end here."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives


def recipient_language(user) -> str:
    """The language a person reads mails and notices in: their choice from the footer switch, else Indonesian."""
    supported = {code for code, _name in settings.LANGUAGES}
    language = getattr(user, "language", "") or ""
    return language if language in supported else settings.LANGUAGE_CODE


def send_mail_to(*, user_or_address, subject, body, html_body: str = "", connection=None) -> int:
    """Send one mail now to a user (their address) or to an address; returns how many were sent (0 or 1).

    Network failures raise (OSError, smtplib.SMTPException): callers run in tasks that retry with backoff, or
    record what was sent so that a retry does not mail anyone twice.
    """
    address = getattr(user_or_address, "email", user_or_address)
    address = (address or "").strip()
    if not address:
        return 0
    message = EmailMultiAlternatives(
        subject=" ".join(str(subject).split()),  # a header: no line breaks
        body=str(body),
        to=[address],
        connection=connection,
    )
    if html_body:
        message.attach_alternative(str(html_body), "text/html")
    return message.send()
