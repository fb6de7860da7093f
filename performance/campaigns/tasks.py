"""Celery tasks of campaigns: take ids, idempotent, enqueued on commit; the sweep catches what was dropped."""

from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True)
def campaign_enrol_task(campaign_id: int, job_id: int | None = None) -> int:
    from .services import campaign_enrol

    return campaign_enrol(campaign_id=campaign_id, job_id=job_id)


@shared_task(acks_late=True)
def campaigns_enrol_employee_task(employee_id: int) -> int:
    from performance.models import Employee

    from .services import campaigns_enrol_employee

    employee = Employee.objects.select_related("user").filter(pk=employee_id).first()
    return campaigns_enrol_employee(employee=employee) if employee else 0


@shared_task(acks_late=True)
def campaigns_sweep_task() -> int:
    """Later joiners by roster import (bulk writes, no signals) and any enrolment a broker outage dropped."""
    from .services import campaigns_sweep

    return campaigns_sweep()


@shared_task(acks_late=True)
def campaign_reminders_daily() -> int:
    from .services import campaign_reminders_send

    return campaign_reminders_send()


@shared_task(acks_late=True)
def campaign_export_task(job_id: int) -> str:
    from .export import export_job_run

    return export_job_run(job_id=job_id)
