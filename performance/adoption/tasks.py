"""Celery tasks of the adoption dashboard."""

from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True)
def snapshots_nightly() -> int:
    """Today's unit snapshots (WIT); idempotent per day, so beat firing twice or a retry writes nothing new."""
    from .services import snapshots_take

    return snapshots_take()


@shared_task(acks_late=True)
def export_task(job_id: int) -> str:
    from .export import export_job_run

    return export_job_run(job_id=job_id)


@shared_task(acks_late=True)
def notify_task(job_id: int) -> str:
    from .services import notify_job_run

    return notify_job_run(job_id=job_id)
