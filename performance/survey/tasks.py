from celery import shared_task


@shared_task(name="survey.tasks.purge_spent_records")
def purge_spent_records() -> dict:
    """Daily: forget rate-limit counters and spent form tokens that can no longer matter (idempotent)."""
    from .services import purge_spent_records as purge

    return purge()
