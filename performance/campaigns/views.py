"""The campaign pages `/kampanye/`: leadership (campaigns covering their units) and HR (all). Thin: parse, call,
render. Staff pages (performance's views are, by default): MFA applies."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learning.selectors.summary import published_course, published_courses
from performance.models import OrgUnit
from portal import dates
from portal.models import BackgroundJob
from portal.roles import Role, role_required

from . import export, selectors, services
from .forms import CampaignForm

ROLES = (Role.PIMPINAN, Role.ADMIN_KEPEGAWAIAN)


def _int(value) -> int | None:
    try:
        return int(value) or None
    except (TypeError, ValueError):
        return None


@role_required(*ROLES)
def campaign_list(request):
    return render(request, "campaigns/list.html", {"items": selectors.campaign_list(request.user)})


def _unit_choices(tree: selectors.Tree) -> list[tuple[int, str]]:
    """The units the user may start a campaign in, indented by depth under their parents, in code order."""
    kids = tree.kids
    out: list[tuple[int, str]] = []

    def walk(pk: int, depth: int):
        if tree.allowed(pk):
            out.append((pk, "\u2003" * depth + tree.units[pk][2]))
        for child in kids.get(pk, []):
            walk(child, depth + 1 if tree.allowed(pk) else depth)

    for root in kids.get(None, []):
        walk(root, 0)
    return out


@role_required(*ROLES)
def campaign_create(request):
    tree = selectors.Tree.load(request.user)
    posted_unit = _int(request.POST.get("unit"))
    if posted_unit in tree.units and not tree.allowed(posted_unit):
        raise Http404  # a unit outside the leader's scope: someone else's, so not found
    units, courses, today = _unit_choices(tree), published_courses(), dates.today()
    form = CampaignForm(request.POST or None, units=units, courses=courses, today=today)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        course = published_course(data["course"])
        if course is None:
            form.add_error("course", _("Pilih kursus yang sudah terbit."))
        else:
            try:
                campaign, _job = services.campaign_create(
                    actor=request.user,
                    name=data["name"],
                    course=course,
                    unit=OrgUnit.objects.get(pk=data["unit"]),
                    due_date=data["due_date"],
                    message=data["message"],
                    jabatan_kind=data["jabatan_kind"],
                    include_subunits=data["include_subunits"],
                    form_token=data["token"],
                    today=today,
                )
            except PermissionDenied as exc:
                raise Http404 from exc
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Kampanye dibuat; pendaftaran peserta berjalan."))
                return redirect("campaigns:detail", pk=campaign.pk)
    return render(request, "campaigns/form.html", {"form": form, "has_courses": bool(courses)})


@role_required(*ROLES)
def campaign_detail(request, pk: int):
    campaign, tree = selectors.visible_campaign(request.user, pk)
    unit_id = _int(request.GET.get("unit"))
    data = selectors.campaign_drilldown(campaign, tree, unit_id=unit_id)
    job = selectors.latest_enrol_job(campaign)
    return render(
        request,
        "campaigns/detail.html",
        {
            "campaign": campaign,
            "data": data,
            "s": data["summary"],
            "job": job,
            "job_running": job is not None
            and job.status in (BackgroundJob.Status.PENDING, BackgroundJob.Status.RUNNING),
            "overdue_now": campaign.due_date < dates.today(),
        },
    )


@require_POST
@role_required(*ROLES)
def export_start(request, pk: int):
    campaign, _tree = selectors.visible_campaign(request.user, pk)
    job = export.export_job_create(owner=request.user, campaign=campaign, fmt=request.POST.get("format", "xlsx"))
    return redirect("campaigns:export_job", pk=job.pk)


@role_required(*ROLES)
def export_job(request, pk: int):
    job = get_object_or_404(BackgroundJob, pk=pk, kind=export.JOB_KIND, owner=request.user)
    return render(request, "campaigns/export_job.html", {"job": job})


@role_required(*ROLES)
def export_download(request, pk: int):
    job = get_object_or_404(BackgroundJob, pk=pk, kind=export.JOB_KIND, owner=request.user)
    if job.status != BackgroundJob.Status.DONE or not job.result_file:
        raise Http404
    return FileResponse(
        job.result_file.open("rb"), as_attachment=True, filename=job.result_file.name.rsplit("/", 1)[-1]
    )
