"""The HR export of learning records: ask for one, watch its progress, download it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal import dates
from portal.identity import get_identity_provider
from portal.models import BackgroundJob
from portal.roles import Role, has_role, role_required, staff_page

from .. import services
from ._common import error_text


@role_required(Role.ADMIN_KEPEGAWAIAN)
def export_home(request):
    units = get_identity_provider().units()
    this_year = dates.today().year
    years = list(range(this_year, this_year - 6, -1))
    errors = []
    if request.method == "POST":
        year, fmt, unit = request.POST.get("year", ""), request.POST.get("format", ""), request.POST.get("unit", "")
        if unit and unit not in {u.code for u in units}:
            errors.append(_("Unit tidak dikenal."))
        if not year.isdigit():
            errors.append(_("Tahun tidak valid."))
        if not errors:
            try:
                job = services.export_job_create(owner=request.user, year=int(year), fmt=fmt, unit_code=unit)
            except ValidationError as exc:
                errors.append(error_text(exc))
            else:
                messages.success(request, _("Ekspor sedang disiapkan."))
                return redirect("learning:export_job", pk=job.pk)
    jobs = BackgroundJob.objects.filter(owner=request.user, kind=services.EXPORT_JOB_KIND).order_by("-created_at")[:10]
    return render(
        request,
        "learning/records/export.html",
        {"units": units, "years": years, "jobs": jobs, "errors": errors, "this_year": this_year},
        status=400 if errors else 200,
    )


def _own_job(request, pk: int):
    """Someone else's job is a 404 whatever the role: its existence is not theirs to learn."""
    job = BackgroundJob.objects.filter(pk=pk, owner=request.user, kind=services.EXPORT_JOB_KIND).first()
    if job is None:
        raise Http404
    if not has_role(request.user, Role.ADMIN_KEPEGAWAIAN):
        raise PermissionDenied
    return job


@never_cache
@login_required
@staff_page
@require_GET
def export_job(request, pk: int):
    job = _own_job(request, pk)
    download = reverse("learning:export_download", args=[job.pk]) if job.status == "done" else ""
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "status": job.status,
                "label": job.get_status_display(),
                "progress": job.progress,
                "message": job.message,
                "download": download,
            }
        )
    return render(request, "learning/records/export_job.html", {"job": job, "download": download})


@login_required
@staff_page
@require_GET
def export_download(request, pk: int):
    job = _own_job(request, pk)
    if job.status != "done" or not job.result_file:
        raise Http404
    return FileResponse(
        job.result_file.open("rb"), as_attachment=True, filename=job.result_file.name.rsplit("/", 1)[-1]
    )
