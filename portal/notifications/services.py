"""Every write of notifications: create a notice, mail it once, mark notices read, set email preferences."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import Truncator

from portal.dates import format_date
from portal.links import absolute_reverse, base_url

from . import kinds, selectors
from .mail import recipient_language, send_mail_to
from .models import BODY_MAX, LINK_MAX, TITLE_MAX, Notification, NotificationPreference

logger = logging.getLogger(__name__)

NETWORK_ERRORS = (OSError, smtplib.SMTPException)

__all__ = [
    "notify",
    "notification_email_send",
    "notification_email_sweep",
    "notification_mark_read",
    "notifications_mark_all_read",
    "notification_preferences_set",
    "send_mail_to",
]


def _render(text, params: dict | None, language: str) -> str:
    """A (lazy) string in the active language with its `%(name)s` placeholders filled; dates written out."""
    text = str(text)
    if not params:
        return text
    values = {
        key: format_date(value, language) if isinstance(value, dt.date) else str(value) for key, value in params.items()
    }
    return text % values


def _clean_link(link) -> str:
    """A path inside the portal ("/penilaian/12/"), or an absolute URL on the portal's own origin."""
    link = str(link or "").strip()
    if not link:
        return ""
    if link.startswith(base_url() + "/"):
        link = link[len(base_url()) :]
    if not link.startswith("/") or link.startswith("//"):
        raise ValueError(f"notify(link=...) must be a path inside the portal, not {link!r}")
    if len(link) > LINK_MAX:
        raise ValueError("notify(link=...) is too long")
    return link


def notify(*, recipient, kind: str, event_key: str, title, body="", link="", params: dict | None = None):
    """Give `recipient` a notice about one event, once per `event_key`; the mail follows after commit.

    Call it inside the transaction of the write that caused the event. A second call with the same key (also a
    concurrent one) changes nothing and returns None, without breaking the caller's transaction.
    """
    from portal.tasks import enqueue_on_commit

    from .tasks import send_notification_email

    # Checked before touching the database: a wrong call raises without spoiling the caller's transaction.
    kinds.get_kind(kind)  # an unregistered kind raises UnknownKind
    if not event_key:
        raise ValueError("notify() needs an event_key")
    if recipient is None or recipient.pk is None:
        raise ValueError("notify() needs a saved recipient")
    language = recipient_language(recipient)
    with translation.override(language):
        title_text = Truncator(_render(title, params, language)).chars(TITLE_MAX)
        body_text = Truncator(_render(body, params, language)).chars(BODY_MAX)
    notification = Notification(
        recipient=recipient,
        kind=kind,
        event_key=str(event_key),
        title=title_text,
        body=body_text,
        link=_clean_link(link),
    )
    # The recipient exists and the unique key is the database's to decide (concurrency): no extra queries here.
    notification.full_clean(exclude=["recipient"], validate_unique=False, validate_constraints=False)
    with transaction.atomic(savepoint=False):  # joins the writer's transaction; only the insert gets a savepoint
        try:
            with transaction.atomic():  # a duplicate key rolls back this insert only
                notification.save(force_insert=True)
        except IntegrityError:
            if not Notification.objects.filter(event_key=notification.event_key).exists():
                raise  # not the duplicate key: a real error
            return None
        selectors.unread_count_forget(recipient)
        transaction.on_commit(lambda: selectors.unread_count_forget(recipient))
        enqueue_on_commit(send_notification_email, notification.pk)
    return notification


def _email_wanted(*, user, kind: str) -> bool:
    declared = kinds._registry.get(kind)
    if declared is None:
        return False  # a kind no app declares any more: keep the notice, send no mail
    choice = NotificationPreference.objects.filter(user=user, kind=kind).values_list("email", flat=True).first()
    return declared.email_default if choice is None else choice


def _notification_mail(notification: Notification) -> tuple[str, str]:
    user = notification.recipient
    context = {
        "user": user,
        "notification": notification,
        "url": absolute_reverse("notifications:open", notification.pk),
        "preferences_url": absolute_reverse("notifications:preferences"),
    }
    with translation.override(recipient_language(user)):
        body = render_to_string("notifications/email/notification.txt", context)
    return notification.title, body


def notification_email_send(*, notification_id: int) -> str:
    """Mail one notice unless it was mailed already or its recipient turned that kind's email off.

    The row is locked while the mail goes out and marked in the same transaction, so a second or concurrent run
    sees it done and sends nothing; a network error rolls back the mark and raises (the task retries).
    Returns "sent", "skipped", "done-before" or "missing".
    """
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None:
            return "missing"
        if notification.email_status != Notification.EmailStatus.PENDING:
            return "done-before"
        user = notification.recipient
        if not (user.is_active and user.email) or not _email_wanted(user=user, kind=notification.kind):
            notification.email_status = Notification.EmailStatus.SKIPPED
            notification.save(update_fields=["email_status"])
            return "skipped"
        subject, body = _notification_mail(notification)
        send_mail_to(user_or_address=user, subject=subject, body=body)
        notification.email_status = Notification.EmailStatus.SENT
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["email_status", "emailed_at"])
    return "sent"


SWEEP_AFTER = dt.timedelta(minutes=10)
SWEEP_WINDOW = dt.timedelta(days=2)


def notification_email_sweep(*, limit: int = 200) -> int:
    """Mail the notices whose task was lost (broker outage): pending for over 10 minutes, at most 2 days old.

    Older ones expire (a two-day-old notice by mail helps nobody; the inbox still has it). A network error stops
    the sweep: the next run tries again. Returns the number of mails sent.
    """
    now = timezone.now()
    Notification.objects.filter(
        email_status=Notification.EmailStatus.PENDING, created_at__lt=now - SWEEP_WINDOW
    ).update(email_status=Notification.EmailStatus.EXPIRED)
    due = (
        Notification.objects.filter(
            email_status=Notification.EmailStatus.PENDING,
            created_at__lt=now - SWEEP_AFTER,
            created_at__gte=now - SWEEP_WINDOW,
        )
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )
    sent = 0
    for pk in list(due):
        try:
            sent += notification_email_send(notification_id=pk) == "sent"
        except NETWORK_ERRORS:
            logger.warning("notification mail sweep stopped at %s: mail server unreachable", pk, exc_info=True)
            break
    return sent


@transaction.atomic
def notification_mark_read(*, notification: Notification) -> Notification:
    """Mark one notice read (nothing when it already is)."""
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=notification.read_at)
        selectors.unread_count_forget(notification.recipient)
        transaction.on_commit(lambda: selectors.unread_count_forget(notification.recipient))
    return notification


@transaction.atomic
def notifications_mark_all_read(*, user) -> int:
    """Mark every unread notice of `user` read; returns how many were unread."""
    count = Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
    selectors.unread_count_forget(user)
    transaction.on_commit(lambda: selectors.unread_count_forget(user))
    return count


@transaction.atomic
def notification_preferences_set(*, user, email_by_kind: dict[str, bool]) -> None:
    """Store the person's email choice for each registered kind given (unknown kinds are ignored)."""
    known = {k.code for k in kinds.registered_kinds()}
    existing = {p.kind: p for p in NotificationPreference.objects.filter(user=user, kind__in=known)}
    for kind, email in email_by_kind.items():
        if kind not in known:
            continue
        preference = existing.get(kind) or NotificationPreference(user=user, kind=kind)
        if preference.pk and preference.email == bool(email):
            continue
        preference.email = bool(email)
        preference.full_clean(exclude=["user"], validate_unique=False, validate_constraints=False)
        preference.save()
