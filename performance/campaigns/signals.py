"""The one cross-app signal of campaigns (ARCHITECTURE: a last resort): an employee saved one by one."""

from __future__ import annotations

from django.db import transaction


def employee_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.active or instance.user_id is None:
        return
    from .models import Campaign

    if not Campaign.objects.filter(active=True).exists():
        return
    from portal.tasks import enqueue_on_commit

    from .tasks import campaigns_enrol_employee_task

    if transaction.get_connection().in_atomic_block:
        enqueue_on_commit(campaigns_enrol_employee_task, instance.pk)
    else:
        campaigns_enrol_employee_task.delay(instance.pk)
