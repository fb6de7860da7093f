import datetime as dt
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


#: BackgroundJob kind -> the dotted name of the task that runs it (called with the job's id; idempotent).
JOB_TASKS: dict[str, str] = {}


def register_job_task(kind: str, task_name: str) -> None:
    """Declare which task runs BackgroundJobs of `kind`, so the sweep can resend what a broker outage dropped."""
    JOB_TASKS[kind] = task_name


@shared_task(acks_late=True)
def background_job_sweep(stale_seconds: int = 120, stuck_seconds: int = 60 * 60) -> int:
    """Resend the task of every BackgroundJob still waiting after `stale_seconds` (its task was never sent: a
    broker outage) and of every job "running" for longer than any task may run (its worker died). The job tasks
    lock the job row and skip finished ones, so a job sent twice still runs once."""
    from celery import current_app

    from .models import BackgroundJob

    now = timezone.now()
    BackgroundJob.objects.filter(
        kind__in=list(JOB_TASKS),
        status=BackgroundJob.Status.RUNNING,
        created_at__lt=now - dt.timedelta(seconds=stuck_seconds),
    ).update(status=BackgroundJob.Status.PENDING)
    pending = BackgroundJob.objects.filter(
        kind__in=list(JOB_TASKS),
        status=BackgroundJob.Status.PENDING,
        created_at__lt=now - dt.timedelta(seconds=stale_seconds),
    ).values_list("pk", "kind")
    sent = 0
    for pk, kind in pending.order_by("pk")[:500]:
        try:
            current_app.tasks[JOB_TASKS[kind]].delay(pk)
        except Exception:
            logger.exception("Sweep could not resend job %s (%s); next sweep tries again", pk, kind)
            break
        sent += 1
    return sent


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
