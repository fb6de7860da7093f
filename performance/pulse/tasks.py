from celery import shared_task


@shared_task
def pulse_invitations(pulse_id: int) -> int:
    """Invitations of a pulse that has just opened (after commit); idempotent."""
    from .services import pulse_invite

    return pulse_invite(pulse_id=pulse_id)


@shared_task
def pulse_reminder_sweep() -> int:
    """Daily: invitations a broker outage dropped, then the one reminder of every pulse that closes soon.
    Idempotent: a sent invitation or reminder is never resent (dates on the pulse, event keys per person)."""
    from .services import pulse_invitations_due, pulse_invite, pulse_remind, pulse_reminders_due

    sent = sum(pulse_invite(pulse_id=pk) for pk in pulse_invitations_due())
    return sent + sum(pulse_remind(pulse_id=pk) for pk in pulse_reminders_due())
