"""HR imports the roster: the sample file, the upload, its preview and applying it (writes are services)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from portal.roles import Role, has_role, role_required, staff_page

from .. import rules, services
from ..forms import RosterApplyForm, RosterUploadForm
from ..models import RosterUpload
from ..roster import ALL_COLUMNS, REQUIRED_COLUMNS, sample_csv

PREVIEW_LIMIT = 200
ROSTER_HINTS = {
    "jabatan_kinds": [code for code, _label in rules.JABATAN_KINDS],
    "golongan_example": rules.pangkat("III/a"),
}


@role_required(Role.ADMIN_KEPEGAWAIAN)
def roster_sample(request):
    response = HttpResponse(sample_csv().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="contoh-daftar-pegawai.csv"'
    return response


@role_required(Role.ADMIN_KEPEGAWAIAN)
def roster_upload(request):
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = services.roster_upload_create(
            actor=request.user,
            data=form.cleaned_data["file"].read(),
            filename=form.cleaned_data["file"].name,
            deactivate_missing=form.cleaned_data["deactivate_missing"],
        )
        return redirect("performance:roster_preview", token=upload.token)
    return render(
        request,
        "performance/roster_upload.html",
        {"form": form, "required": REQUIRED_COLUMNS, "columns": ALL_COLUMNS, **ROSTER_HINTS},
    )


@login_required
@staff_page
def roster_preview(request, token: str):
    # Someone else's upload is a 404 whatever the role; the role is checked only for one's own.
    upload = get_object_or_404(RosterUpload, token=token, uploaded_by=request.user)
    if not has_role(request.user, Role.ADMIN_KEPEGAWAIAN):
        raise PermissionDenied
    if request.method == "POST":
        return _apply(request, upload)
    preview = services.roster_upload_preview(upload=upload)
    return render(
        request,
        "performance/roster_preview.html",
        {
            "upload": upload,
            "preview": preview,
            "counts": preview.counts,
            "problems": preview.problems[:PREVIEW_LIMIT],
            "to_create": preview.to_create[:PREVIEW_LIMIT],
            "to_update": preview.to_update[:PREVIEW_LIMIT],
            "to_deactivate": preview.to_deactivate[:PREVIEW_LIMIT],
            "limit": PREVIEW_LIMIT,
            "apply_form": RosterApplyForm(initial={"token": upload.token, "sha256": upload.sha256}),
            "upload_form": RosterUploadForm(initial={"deactivate_missing": upload.deactivate_missing}),
            "columns": ALL_COLUMNS,
            "required": REQUIRED_COLUMNS,
            **ROSTER_HINTS,
        },
    )


def _apply(request, upload: RosterUpload):
    form = RosterApplyForm(request.POST)
    if not form.is_valid() or form.cleaned_data["token"] != upload.token:
        raise Http404
    applied = services.roster_upload_apply(upload=upload, sha256=form.cleaned_data["sha256"])
    if applied.outcome is services.ApplyOutcome.ALREADY_APPLIED:
        messages.info(request, _("Berkas ini sudah diterapkan sebelumnya; tidak ada yang diubah lagi."))
        return redirect("performance:hr_home")
    if applied.outcome is services.ApplyOutcome.FILE_CHANGED:
        messages.error(request, _("Berkas telah berubah sejak pratinjau. Unggah ulang dan periksa pratinjaunya lagi."))
        return redirect("performance:roster_upload")
    if applied.outcome is services.ApplyOutcome.HAS_PROBLEMS:
        messages.error(request, _("Berkas masih bermasalah; tidak ada yang diubah."))
        return redirect("performance:roster_preview", token=upload.token)
    result = applied.result
    messages.success(
        request,
        _("Daftar pegawai diterapkan: %(c)s baru, %(u)s diperbarui, %(d)s dinonaktifkan.")
        % {"c": result.created, "u": result.updated, "d": result.deactivated},
    )
    return redirect("performance:hr_home")
