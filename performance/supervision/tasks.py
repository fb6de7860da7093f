"""Celery tasks of supervision: safe to run twice (every notice has its event key)."""

from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True)
def dialogue_reminders_daily() -> int:
    """The day before a dialogue's next date: a notice to the employee and the supervisor."""
    from .services import dialogue_reminders

    return dialogue_reminders()
