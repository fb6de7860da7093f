"""A campaign's progress as XLSX/CSV: a background job with progress, written through `portal.exports.write_table`
(formula-safe)."""

from __future__ import annotations

import io

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from portal.exports import write_table
from portal.models import BackgroundJob
from portal.services import JobFile, job_run
from portal.tasks import enqueue_on_commit

from . import selectors

JOB_KIND = "campaign-export"
COLUMNS = ["unit_code", "unit", "scope", "assigned", "started", "completed", "overdue", "completed_percent"]


@transaction.atomic
def export_job_create(*, owner, campaign, fmt: str) -> BackgroundJob:
    """The export of a campaign the owner sees (the view fetched it through `visible_campaign`)."""
    if fmt not in ("xlsx", "csv"):
        fmt = "xlsx"
    job = BackgroundJob.objects.create(
        kind=JOB_KIND, owner=owner, params={"campaign_id": campaign.pk, "format": fmt, "language": owner.language}
    )
    from .tasks import campaign_export_task

    enqueue_on_commit(campaign_export_task, job.pk)
    return job


def export_job_run(*, job_id: int) -> str:
    """Idempotent: a finished or running job is left alone. The owner's scope is checked again here (lost since:
    the job is refused, nothing written)."""

    def work(job, progress) -> JobFile:
        owner = get_user_model().objects.get(pk=job.owner_id)
        params = job.params
        with override(params.get("language") or "id"):
            campaign, tree = selectors.visible_campaign(owner, params["campaign_id"])
            rows = selectors.export_rows(campaign, tree)
            progress(60)
            buffer = io.BytesIO()
            count = write_table(
                rows, COLUMNS, params["format"], buffer, sheet_name=_("Kampanye"), text_columns=["unit_code"]
            )
            message = _("%(count)s baris.") % {"count": count}
        filename = f"kampanye-{campaign.pk}-{timezone.localdate():%Y%m%d}.{params['format']}"
        return JobFile(filename, buffer.getvalue(), message)

    return job_run(job_id=job_id, kind=JOB_KIND, work=work)
