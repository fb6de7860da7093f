"""Celery tasks of the performance app: take ids, idempotent, enqueued on commit."""

from __future__ import annotations

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=60, retry_backoff_max=3600, max_retries=5)
def send_invitations(user_ids: list[int]) -> int:
    """Email each new roster account a link to set its password; an account is invited once."""
    from .services.invitations import send_pending_invitations

    return send_pending_invitations(user_ids)


@shared_task(acks_late=True)
def invitation_sweep(min_age_seconds: int = 10 * 60, max_age_days: int = 14, limit: int = 500) -> int:
    """Invite every roster account whose invitation task a broker outage dropped: not yet invited, still without
    a password, created by the roster import (an unusable password, not the bare "!" of scale data) between
    `min_age_seconds` and `max_age_days` ago. Idempotent: `send_pending_invitations` marks each one it mails."""
    import datetime as dt

    from django.utils import timezone

    from .models import Employee
    from .services.invitations import send_pending_invitations

    now = timezone.now()
    user_ids = list(
        Employee.objects.filter(
            invited_at__isnull=True,
            user__is_active=True,
            user__password__startswith="!",
            user__date_joined__lt=now - dt.timedelta(seconds=min_age_seconds),
            user__date_joined__gt=now - dt.timedelta(days=max_age_days),
        )
        .exclude(user__password="!")
        .order_by("pk")
        .values_list("user_id", flat=True)[:limit]
    )
    return send_pending_invitations(user_ids) if user_ids else 0
