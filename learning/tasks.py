"""Celery tasks of learning records: take ids, call a service, safe to run twice."""

from __future__ import annotations

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def certificate_render(certificate_id: int) -> bool:
    """Render one certificate's PDF (nothing when it already has one)."""
    from .services import certificate_render_pdf

    return certificate_render_pdf(certificate_id=certificate_id)


@shared_task(acks_late=True)
def certificate_sweep(limit: int = 200) -> int:
    """Render every certificate still lacking a PDF (a lost task, a broker outage)."""
    from .models import Certificate
    from .services import certificate_render_pdf

    done = 0
    for pk in Certificate.objects.filter(pdf="").order_by("issued_at").values_list("pk", flat=True)[:limit]:
        try:
            done += certificate_render_pdf(certificate_id=pk)
        except Exception:  # one broken certificate must not stop the others
            logger.exception("certificate %s could not be rendered", pk)
    return done


@shared_task(acks_late=True)
def reminders_daily() -> int:
    """Mail learners with assigned courses due within 7 days or overdue; once per learner per day."""
    from .services import reminders_send

    return reminders_send()


@shared_task(acks_late=True)
def export_records_job(job_id: int) -> str:
    """Build a learning-records export for a BackgroundJob, reporting progress on it."""
    from .services import export_job_run

    return export_job_run(job_id=job_id)


@shared_task(acks_late=True)
def course_report_export_job(job_id: int) -> str:
    """Build a course analytics workbook for a BackgroundJob, reporting progress on it."""
    from .services.course_report_export import course_report_job_run

    return course_report_job_run(job_id=job_id)
