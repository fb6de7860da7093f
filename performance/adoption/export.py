"""The dashboard as XLSX/CSV: a background job with progress, written through `portal.exports.write_table`."""

from __future__ import annotations

import io

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.exports import write_table
from portal.models import BackgroundJob
from portal.services import JobFile, job_run
from portal.tasks import enqueue_on_commit

from . import rules, selectors

JOB_KIND = "adoption-export"
COLUMNS = [
    "unit",
    "headcount",
    "reached",
    "reached_pct",
    "enrolled",
    "enrolled_pct",
    "completed",
    "completed_pct",
    "score_avg",
    "jp_avg",
    "jp_met_pct",
    "assessed",
    "plans_active",
    "plans_completed",
    "in_plan",
    "improved",
    "dialogues",
    "meetings",
    "ikm",
    "ikm_band",
    "ikm_responses",
    "readiness",
    *[f"funnel_{key}{suffix}" for key, _label in rules.FUNNEL_STEPS for suffix in ("", "_pct")],
]


@transaction.atomic
def export_job_create(*, owner, filters: selectors.Filters, fmt: str) -> BackgroundJob:
    if fmt not in ("xlsx", "csv"):
        fmt = "xlsx"
    job = BackgroundJob.objects.create(
        kind=JOB_KIND,
        owner=owner,
        params={
            "unit_id": filters.unit.pk if filters.unit else None,
            "period_id": filters.period.pk if filters.period else None,
            "campaign_id": filters.campaign.pk if filters.campaign else None,
            "format": fmt,
        },
    )
    from .tasks import export_task

    enqueue_on_commit(export_task, job.pk)
    return job


def export_rows(data: dict) -> list[dict]:
    rows = []
    for r in [data["summary"], *data["rows"]]:
        rows.append(
            {
                "unit": r["name"] or _("Seluruh cakupan"),
                "headcount": r["headcount"],
                "reached": r["reached"],
                "reached_pct": r["reached_percent"],
                "enrolled": r["enrolled"],
                "enrolled_pct": r["enrolled_percent"],
                "completed": r["completed"],
                "completed_pct": r["completed_percent"],
                "score_avg": r["score_avg"] if r["score_avg"] is not None else "",
                "jp_avg": r["jp_avg"],
                "jp_met_pct": r["jp_met_percent"],
                "assessed": r["judgement"].assessed,
                "plans_active": r["plans_active"],
                "plans_completed": r["plans_completed"],
                "in_plan": r["in_plan"],
                "improved": r["improved"],
                "dialogues": r["dialogues"],
                "meetings": r["meetings"],
                # no survey answer: empty, never 0 (an IKM of 0 does not exist)
                "ikm": r["ikm"] if r["survey"] else "",
                "ikm_band": r["ikm_band"].letter if r["survey"] else "",
                "ikm_responses": r["survey"].responses if r["survey"] else 0,
                "readiness": round(r["readiness"]["index"], 2)
                if r["readiness"] and r["readiness"]["index"] is not None
                else "",
            }
        )
        # steps the filters leave out (no campaign, no previous period) stay empty
        for key, _label in rules.FUNNEL_STEPS:
            rows[-1][f"funnel_{key}"] = rows[-1][f"funnel_{key}_pct"] = ""
        for step in r["funnel"]:
            rows[-1][f"funnel_{step['key']}"] = step["n"]
            rows[-1][f"funnel_{step['key']}_pct"] = step["percent"]
    return rows


def export_job_run(*, job_id: int) -> str:
    """Idempotent: a finished or running job is left alone. Scope is the owner's, checked again here (lost since:
    the job is refused, nothing written)."""

    def work(job, progress) -> JobFile:
        owner = get_user_model().objects.get(pk=job.owner_id)
        p = job.params
        filters = selectors.dashboard_filters(
            owner, unit_id=p.get("unit_id"), period_id=p.get("period_id"), campaign_id=p.get("campaign_id")
        )
        data = selectors.adoption_overview(filters)
        progress(60)
        buffer = io.BytesIO()
        count = write_table(export_rows(data), COLUMNS, p["format"], buffer, sheet_name="Adopsi")
        return JobFile(
            f"adopsi-{timezone.localdate():%Y%m%d}.{p['format']}",
            buffer.getvalue(),
            _("%(count)s baris.") % {"count": count},
        )

    return job_run(job_id=job_id, kind=JOB_KIND, work=work)
