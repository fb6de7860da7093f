"""Celery tasks of development plans: safe to run twice (every notice has its event key)."""

from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True)
def due_notices_daily() -> int:
    """Due-soon and overdue notices for plan actions and assigned courses."""
    from .services import due_notices_send

    return due_notices_send()
