"""Writes of the project's own records (the User, background jobs)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
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
