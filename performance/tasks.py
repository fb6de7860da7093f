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
