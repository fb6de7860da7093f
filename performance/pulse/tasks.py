from celery import shared_task


@shared_task
def pulse_reminder(pulse_id: int) -> int:
    from .services import pulse_remind

    return pulse_remind(pulse_id=pulse_id)


@shared_task
def pulse_reminder_sweep() -> int:
    """Daily: the one reminder for every pulse that closes soon (idempotent: a sent reminder is never resent)."""
    from .services import pulse_remind, pulse_reminders_due

    return sum(pulse_remind(pulse_id=pk) for pk in pulse_reminders_due())
