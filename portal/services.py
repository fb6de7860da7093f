"""Writes of the project's own records (the User, background jobs)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import BackgroundJob


@transaction.atomic
def user_language_set(*, user, language: str) -> None:
    """Remember the interface language a person chose: their mails and notices are written in it."""
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Bahasa tidak dikenal."))
    if user.language == language:
        return
    User = get_user_model()
    user.language = User._meta.get_field("language").clean(language, user)
    User.objects.filter(pk=user.pk).update(language=language)


def job_claim(*, job_id: int, kind: str | None = None, progress: int = 5) -> BackgroundJob | None:
    """Take a background job for running, once: None when there is no such job (of that kind) or it is already
    running or done (a task delivered twice, a sweep racing the worker). Every export runs through this."""
    with transaction.atomic():
        jobs = BackgroundJob.objects.select_for_update().filter(pk=job_id)
        if kind is not None:
            jobs = jobs.filter(kind=kind)
        job = jobs.first()
        if job is None or job.status in (BackgroundJob.Status.DONE, BackgroundJob.Status.RUNNING):
            return None
        job.status, job.progress = BackgroundJob.Status.RUNNING, progress
        job.save(update_fields=["status", "progress"])
    return job


def job_finish(job: BackgroundJob, *, filename: str, content: bytes, message: str) -> None:
    """Store the job's result file and mark it done."""
    job.result_file.save(filename, ContentFile(content), save=False)
    job.status, job.progress, job.finished_at, job.message = BackgroundJob.Status.DONE, 100, timezone.now(), message
    job.save(update_fields=["result_file", "status", "progress", "finished_at", "message"])


def job_fail(job_id: int, message: str) -> None:
    """Mark a job failed with a message the person watching it reads."""
    BackgroundJob.objects.filter(pk=job_id).update(
        status=BackgroundJob.Status.FAILED, message=str(message)[:500], finished_at=timezone.now()
    )


class JobRefused(Exception):
    """The job's owner may no longer do what it asks (their scope or right changed since they asked): the job
    fails with this message and nothing is written."""


@dataclass(frozen=True)
class JobFile:
    """What a job that makes a file hands back: the file and the message shown beside its download link."""

    filename: str
    content: bytes
    message: str


def job_run(*, job_id: int, kind: str | None, work: Callable, progress: int = 10) -> str:
    """Run a background job once, the same way for every kind.

    The job is claimed (`job_claim`: a finished or running job is left alone, "skipped"), then
    `work(job, set_progress)` does the work: it returns a `JobFile` (stored, the job done) or the done job's message.
    `JobRefused` or `Http404` (the owner lost the scope since: the work re-reads it through the same selectors the
    page uses) fails the job with a message, writes nothing and returns "refused". Any other error fails the job
    with the error's text and is raised again, for the worker's log."""
    job = job_claim(job_id=job_id, kind=kind, progress=progress)
    if job is None:
        return "skipped"

    def set_progress(percent: int) -> None:
        BackgroundJob.objects.filter(pk=job_id).update(progress=percent)

    try:
        result = work(job, set_progress)
        if isinstance(result, JobFile):
            job_finish(job, filename=result.filename, content=result.content, message=result.message)
        else:
            job.status, job.progress, job.finished_at = BackgroundJob.Status.DONE, 100, timezone.now()
            job.message = str(result or "")
            job.save(update_fields=["status", "progress", "finished_at", "message"])
    except JobRefused as exc:
        job_fail(job_id, str(exc))
        return "refused"
    except Http404:
        job_fail(job_id, _("Tidak berwenang."))
        return "refused"
    except Exception as exc:
        job_fail(job_id, str(exc))
        raise
    return "done"
