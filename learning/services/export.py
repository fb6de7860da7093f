"""The HR export of learning records as a background job with progress."""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal.models import BackgroundJob
from portal.services import JobFile, job_run
from portal.tasks import enqueue_on_commit

from ..export import FORMATS, write_export
from ..selectors.records import export_rows

EXPORT_JOB_KIND = "learning_records_export"


@transaction.atomic
def export_job_create(*, owner, year: int, fmt: str, unit_code: str = "") -> BackgroundJob:
    """Queue a learning-records export for HR; the job shows its progress and, when done, the file."""
    from ..tasks import export_records_job

    if fmt not in FORMATS:
        raise ValidationError(_("Format harus CSV atau XLSX."))
    if not 2000 <= int(year) <= 2100:
        raise ValidationError(_("Tahun tidak valid."))
    job = BackgroundJob(kind=EXPORT_JOB_KIND, owner=owner, params={"year": int(year), "format": fmt, "unit": unit_code})
    job.full_clean()
    job.save()
    enqueue_on_commit(export_records_job, job.pk)
    return job


def export_job_run(*, job_id: int) -> str:
    """Run an export job (idempotent: a finished job is left alone)."""

    def work(job, progress) -> JobFile:
        params = job.params
        rows = export_rows(year=params["year"], unit_code=params.get("unit", ""), progress=progress)
        buffer = io.BytesIO()
        count = write_export(rows, params["format"], buffer)
        progress(90)
        name = f"rekam-belajar-{params['year']}{'-' + params['unit'] if params.get('unit') else ''}.{params['format']}"
        return JobFile(name, buffer.getvalue(), _("%(count)s baris.") % {"count": count})

    return job_run(job_id=job_id, kind=EXPORT_JOB_KIND, work=work, progress=5)
