import logging
import socket

from django.db import transaction
from django.utils import timezone

from celery import shared_task

logger = logging.getLogger(__name__)


def enqueue_on_commit(task, *args, **kwargs) -> None:
    """Send a task once the current transaction commits; a broker outage is logged, never raised.

    Every task is idempotent and the records it works from are already committed, so a periodic sweep (or a
    retry by hand) picks up whatever could not be sent.
    """

    def send():
        try:
            task.delay(*args, **kwargs)
        except Exception:  # kombu raises several kinds when the broker is unreachable
            logger.exception("Could not enqueue %s%r; it will be picked up by its sweep", task.name, args)

    transaction.on_commit(send)


@shared_task(acks_late=True)
def worker_selfcheck(job_id: int) -> str:
    """Marks a BackgroundJob done from a worker: proves broker, worker and database work together."""
    from .models import BackgroundJob

    updated = BackgroundJob.objects.filter(pk=job_id, status__in=["pending", "running"]).update(
        status=BackgroundJob.Status.DONE,
        progress=100,
        worker=socket.gethostname(),
        message="ok",
        finished_at=timezone.now(),
    )
    return "done" if updated else "already-done"
