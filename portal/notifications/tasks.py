"""Celery tasks of notifications: take ids, call a service, safe to run twice or at the same time."""

from __future__ import annotations

import smtplib

from celery import shared_task


@shared_task(
    acks_late=True,  # safe: the service sends only while the notice is still pending, under a row lock
    autoretry_for=(OSError, smtplib.SMTPException),
    retry_backoff=30,
    retry_backoff_max=60 * 60,  # shorter than the broker's visibility timeout
    retry_jitter=True,
    max_retries=8,
)
def send_notification_email(notification_id: int) -> str:
    """Mail one notice (once; not when the recipient turned that kind's email off)."""
    from .services import notification_email_send

    return notification_email_send(notification_id=notification_id)


@shared_task(acks_late=True)
def email_sweep(limit: int = 200) -> int:
    """Mail the notices whose task the broker dropped (pending for over 10 minutes)."""
    from .services import notification_email_sweep

    return notification_email_sweep(limit=limit)
