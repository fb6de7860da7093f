"""The adoption dashboard `/pimpinan/`: leadership (their units) and HR (all). Thin: parse, call, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from performance import rules as perf_rules
from portal.models import BackgroundJob
from portal.roles import Role, role_required

from . import export, selectors, services


def _int(value) -> int | None:
    try:
        return int(value) or None
    except (TypeError, ValueError):
        return None


def _filters(request, source):
    return selectors.dashboard_filters(
        request.user,
        unit_id=_int(source.get("unit")),
        period_id=_int(source.get("periode")),
        campaign_id=_int(source.get("kampanye")),
    )


@role_required(Role.PIMPINAN, Role.ADMIN_KEPEGAWAIAN, hidden=True)
def dashboard(request):
    filters = _filters(request, request.GET)
    data = selectors.adoption_overview(filters)
    people = selectors.people(filters, data["scope_ids"], limit=50)
    labels = {int(p): label for p, label in perf_rules.PREDIKAT_LABELS.items()}
    for e in people:
        e.get_pred_display = labels.get(getattr(e, "pred", None), "")
    return render(
        request,
        "adoption/dashboard.html",
        {
            "f": filters,
            "data": data,
            "s": data["summary"],
            "not_started": selectors.not_started(filters, data["scope_ids"], limit=50),
            "people": people,
        },
    )


@require_POST
@role_required(Role.PIMPINAN, Role.ADMIN_KEPEGAWAIAN, hidden=True)
def notify_not_started(request):
    filters = _filters(request, request.POST)
    job = services.notify_job_create(owner=request.user, filters=filters)
    job.refresh_from_db(fields=["status", "message"])  # done already when the worker was quick (or eager)
    if job.status == job.Status.DONE:
        messages.success(request, job.message)
    else:
        messages.success(request, _("Pemberitahuan kepada atasan sedang dikirim."))
    return redirect(request.POST.get("next") or "adoption:dashboard")


@require_POST
@role_required(Role.PIMPINAN, Role.ADMIN_KEPEGAWAIAN, hidden=True)
def export_start(request):
    filters = _filters(request, request.POST)
    job = export.export_job_create(owner=request.user, filters=filters, fmt=request.POST.get("format", "xlsx"))
    return redirect("adoption:export_job", pk=job.pk)


@role_required(Role.PIMPINAN, Role.ADMIN_KEPEGAWAIAN, hidden=True)
def export_job(request, pk: int):
    job = get_object_or_404(BackgroundJob, pk=pk, kind=export.JOB_KIND, owner=request.user)
    return render(request, "adoption/export_job.html", {"job": job})


@role_required(Role.PIMPINAN, Role.ADMIN_KEPEGAWAIAN, hidden=True)
def export_download(request, pk: int):
    job = get_object_or_404(BackgroundJob, pk=pk, kind=export.JOB_KIND, owner=request.user)
    if job.status != BackgroundJob.Status.DONE or not job.result_file:
        raise Http404
    return FileResponse(
        job.result_file.open("rb"), as_attachment=True, filename=job.result_file.name.rsplit("/", 1)[-1]
    )
