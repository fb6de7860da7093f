"""Thin views: check access through `access`, read through `selectors`, write through `services`."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learning.selectors import learner_dashboard
from portal.roles import Role, has_role, may_see_performance_data, own_page, role_required, staff_page

from . import rules, selectors, services
from .access import can_assess, own_employee, visible_assessments, visible_employees
from .forms import AcknowledgeForm, AssessmentForm, PeriodForm, PeriodStatusForm, RosterApplyForm, RosterUploadForm
from .models import Assessment, Employee, PerformancePeriod, RosterUpload
from .roster import ALL_COLUMNS, REQUIRED_COLUMNS, file_digest, preview_file, sample_csv

PREVIEW_LIMIT = 200
ROSTER_HINTS = {
    "jabatan_kinds": [code for code, _label in rules.JABATAN_KINDS],
    "golongan_example": rules.pangkat("III/a"),
}


def _error_text(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return " ".join(str(m) for msgs in exc.message_dict.values() for m in msgs)
    return " ".join(str(m) for m in exc.messages)


# --- Profile --------------------------------------------------------------------------------------------


@login_required
@own_page
def my_profile(request):
    me = own_employee(request.user)
    if me is None:
        if not may_see_performance_data(request.user):
            raise PermissionDenied
        return render(request, "performance/no_employee.html")
    return _render_profile(request, me)


@login_required
def profile(request, nip: str):
    employee = selectors.profile_employee(visible_employees(request.user), nip)
    if employee is None:
        raise Http404
    return _render_profile(request, employee)


def _render_profile(request, employee: Employee):
    periods = selectors.profile_assessments(employee)
    pending = []
    if employee.user_id == request.user.pk:
        pending = [p["assessment"] for p in periods if p["assessment"].status == Assessment.Status.SUBMITTED]
    context = {
        "employee": employee,
        "periods": periods,
        "pending": pending,
        "is_self": employee.user_id == request.user.pk,
        "can_assess": can_assess(request.user, employee),
        "open_period": selectors.open_period() if can_assess(request.user, employee) else None,
        # What the person has learned, read through learning's selector (performance reads learning, never
        # the other way round). A record without an account has no learning history.
        "learning": learner_dashboard(employee.user_id) if employee.user_id else None,
    }
    return render(request, "performance/profile.html", context)


# --- Team and assessments ----------------------------------------------------------------------------------


@role_required(Role.ATASAN, Role.PIMPINAN)
def team(request):
    me = own_employee(request.user)
    period = selectors.open_period()
    members = selectors.team_members(me, period) if me else []
    return render(request, "performance/team.html", {"me": me, "period": period, "members": members})


@login_required
def assess(request, nip: str, period_id: int):
    employee = selectors.profile_employee(visible_employees(request.user), nip)
    if employee is None or not can_assess(request.user, employee):
        raise Http404
    period = get_object_or_404(PerformancePeriod, pk=period_id)
    current = (
        Assessment.objects.filter(employee=employee, period=period, is_current=True)
        .prefetch_related("standard_ratings", "competency_ratings")
        .first()
    )
    if current is not None and current.status != Assessment.Status.DRAFT:
        return redirect("performance:assessment", pk=current.pk)
    if not period.is_open:
        messages.error(request, _("Periode %(p)s sudah ditutup.") % {"p": period})
        return redirect("performance:team")
    standards = selectors.assessment_standards()
    if request.method == "POST":
        form = AssessmentForm(request.POST, standards=standards)
        submit = "submit" in request.POST
        if form.is_valid():
            try:
                assessment = services.assessment_save(
                    actor=request.user,
                    employee=employee,
                    period=period,
                    data=form.to_input(),
                    standards=standards,
                    submit=submit,
                )
            except ValidationError as exc:
                form.add_error(None, _error_text(exc))
            else:
                if submit:
                    messages.success(
                        request, _("Penilaian diserahkan. Predikat: %(p)s.") % {"p": assessment.get_predikat_display()}
                    )
                    return redirect("performance:assessment", pk=assessment.pk)
                messages.success(request, _("Draf disimpan."))
                return redirect("performance:assess", nip=employee.nip, period_id=period.pk)
    else:
        form = AssessmentForm(initial=AssessmentForm.initial_from(current), standards=standards)
    return render(
        request,
        "performance/assess.html",
        {"employee": employee, "period": period, "form": form, "current": current, "matrix": _matrix_rows()},
    )


def _matrix_rows():
    order = [rules.Rating.DI_ATAS, rules.Rating.SESUAI, rules.Rating.DI_BAWAH]
    cols = [rules.Rating.DI_BAWAH, rules.Rating.SESUAI, rules.Rating.DI_ATAS]
    return {
        "cols": [rules.RATING_LABELS[c] for c in cols],
        "rows": [
            {"label": rules.RATING_LABELS[h], "cells": [rules.PREDIKAT_LABELS[rules.predikat(h, p)] for p in cols]}
            for h in order
        ],
    }


@login_required
def assessment_detail(request, pk: int):
    assessment = selectors.assessment_detail(visible_assessments(request.user), pk)
    if assessment is None:
        raise Http404
    if assessment.status == Assessment.Status.DRAFT and not can_assess(request.user, assessment.employee):
        raise Http404  # a draft is the assessor's working copy until it is submitted
    is_employee = assessment.employee.user_id == request.user.pk
    context = {
        "a": assessment,
        "is_employee": is_employee,
        "can_acknowledge": is_employee and assessment.is_current and assessment.status == Assessment.Status.SUBMITTED,
        "can_correct": assessment.is_current
        and assessment.status != Assessment.Status.DRAFT
        and assessment.period.is_open
        and can_assess(request.user, assessment.employee),
        "can_edit": assessment.status == Assessment.Status.DRAFT and can_assess(request.user, assessment.employee),
        "ack_form": AcknowledgeForm(),
        "berakhlak": [name for code, name in rules.BERAKHLAK_VALUES if code in (assessment.berakhlak or [])],
        "audit": selectors.audit_rows(assessment),
    }
    return render(request, "performance/assessment.html", context)


@login_required
@require_POST
def assessment_acknowledge(request, pk: int):
    assessment = get_object_or_404(visible_assessments(request.user), pk=pk)
    if assessment.employee.user_id != request.user.pk:
        raise Http404
    form = AcknowledgeForm(request.POST)
    if form.is_valid():
        try:
            services.assessment_acknowledge(
                actor=request.user, assessment=assessment, response=form.cleaned_data["response"]
            )
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(request, _("Terima kasih: penilaian telah Anda terima."))
    else:
        messages.error(request, _("Tanggapan terlalu panjang."))
    return redirect("performance:assessment", pk=pk)


@login_required
@require_POST
def assessment_correct(request, pk: int):
    assessment = get_object_or_404(visible_assessments(request.user).select_related("employee", "period"), pk=pk)
    if not can_assess(request.user, assessment.employee):
        raise Http404
    try:
        new = services.assessment_correct(actor=request.user, assessment=assessment)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
        return redirect("performance:assessment", pk=pk)
    messages.info(
        request, _("Revisi %(n)s dibuka sebagai draf; revisi sebelumnya tetap tersimpan.") % {"n": new.revision}
    )
    return redirect("performance:assess", nip=new.employee.nip, period_id=new.period_id)


# --- Leadership ------------------------------------------------------------------------------------------


@role_required(Role.PIMPINAN)
def leadership(request):
    try:
        unit_id = int(request.GET.get("unit") or 0) or None
        period_id = int(request.GET.get("periode") or 0) or None
    except ValueError:
        unit_id = period_id = None
    periods = selectors.leadership_periods()
    period = next((p for p in periods if p.pk == period_id), None)
    if period is None:  # default: the latest closed period, else the latest one
        period = next((p for p in periods if not p.is_open), periods[0] if periods else None)
    employees, distribution, summary = selectors.leadership_overview(request.user, unit_id=unit_id, period=period)
    page = Paginator(employees, 50).get_page(request.GET.get("page"))
    for e in page.object_list:
        e.predikat_label = selectors._predikat_label(e.latest_predikat)
        e.predikat_tone = rules.PREDIKAT_TONE.get(e.latest_predikat, "")
    return render(
        request,
        "performance/leadership.html",
        {
            "page": page,
            "distribution": distribution,
            "summary": summary,
            "periods": periods,
            "period": period,
            "unit_id": unit_id,
        },
    )


# --- HR (Admin Kepegawaian) --------------------------------------------------------------------------------


@role_required(Role.ADMIN_KEPEGAWAIAN)
def hr_home(request):
    periods = list(PerformancePeriod.objects.all()[:12])
    return render(
        request,
        "performance/hr_home.html",
        {
            "counts": selectors.hr_counts(),
            "periods": periods,
            "upload_form": RosterUploadForm(),
            "period_form": PeriodForm(),
        },
    )


@role_required(Role.ADMIN_KEPEGAWAIAN)
def hr_employees(request):
    query = request.GET.get("q", "").strip()
    employees = Employee.objects.select_related("unit", "supervisor").order_by("full_name")
    if query:
        employees = employees.filter(full_name__icontains=query) | employees.filter(nip__startswith=query)
    page = Paginator(employees, 50).get_page(request.GET.get("page"))
    return render(request, "performance/hr_employees.html", {"page": page, "q": query})


@role_required(Role.ADMIN_KEPEGAWAIAN)
def roster_sample(request):
    response = HttpResponse(sample_csv().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="contoh-daftar-pegawai.csv"'
    return response


@role_required(Role.ADMIN_KEPEGAWAIAN)
def roster_upload(request):
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        token = secrets.token_urlsafe(24)
        upload = RosterUpload(
            token=token,
            uploaded_by=request.user,
            original_name=form.cleaned_data["file"].name[:255],
            sha256=file_digest(data),
            deactivate_missing=form.cleaned_data["deactivate_missing"],
        )
        upload.file.save(f"{token}.bin", ContentFile(data), save=False)
        upload.save()
        return redirect("performance:roster_preview", token=token)
    return render(
        request,
        "performance/roster_upload.html",
        {"form": form, "required": REQUIRED_COLUMNS, "columns": ALL_COLUMNS, **ROSTER_HINTS},
    )


def _read_upload(upload: RosterUpload) -> bytes:
    with upload.file.open("rb") as fh:
        return fh.read()


@login_required
@staff_page
def roster_preview(request, token: str):
    # Someone else's upload is a 404 whatever the role; the role is checked only for one's own.
    upload = get_object_or_404(RosterUpload, token=token, uploaded_by=request.user)
    if not has_role(request.user, Role.ADMIN_KEPEGAWAIAN):
        raise PermissionDenied
    if request.method == "POST":
        return _roster_apply(request, upload)
    data = _read_upload(upload)
    preview = preview_file(data, upload.original_name, deactivate_missing=upload.deactivate_missing)
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


def _roster_apply(request, upload: RosterUpload):
    form = RosterApplyForm(request.POST)
    if not form.is_valid() or form.cleaned_data["token"] != upload.token:
        raise Http404
    with transaction.atomic():
        upload = RosterUpload.objects.select_for_update().get(pk=upload.pk)
        if upload.applied_at:
            messages.info(request, _("Berkas ini sudah diterapkan sebelumnya; tidak ada yang diubah lagi."))
            return redirect("performance:hr_home")
        data = _read_upload(upload)
        if file_digest(data) != upload.sha256 or form.cleaned_data["sha256"] != upload.sha256:
            messages.error(
                request, _("Berkas telah berubah sejak pratinjau. Unggah ulang dan periksa pratinjaunya lagi.")
            )
            return redirect("performance:roster_upload")
        result = services.roster_import(
            data=data, filename=upload.original_name, deactivate_missing=upload.deactivate_missing
        )
        if not result.applied:
            messages.error(request, _("Berkas masih bermasalah; tidak ada yang diubah."))
            return redirect("performance:roster_preview", token=upload.token)
        upload.applied_at = timezone.now()
        upload.save(update_fields=["applied_at"])
    messages.success(
        request,
        _("Daftar pegawai diterapkan: %(c)s baru, %(u)s diperbarui, %(d)s dinonaktifkan.")
        % {"c": result.created, "u": result.updated, "d": result.deactivated},
    )
    return redirect("performance:hr_home")


@role_required(Role.ADMIN_KEPEGAWAIAN)
@require_POST
def period_create(request):
    form = PeriodForm(request.POST)
    if form.is_valid():
        try:
            services.period_create(**form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(request, _("Periode ditambahkan."))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect(reverse("performance:hr_home") + "#periode")


@role_required(Role.ADMIN_KEPEGAWAIAN)
@require_POST
def period_status(request, pk: int):
    period = get_object_or_404(PerformancePeriod, pk=pk)
    form = PeriodStatusForm(request.POST)
    if form.is_valid():
        services.period_set_status(period=period, status=form.cleaned_data["status"])
        messages.success(request, _("Status %(p)s diubah.") % {"p": period})
    else:
        messages.error(request, _("Status periode tidak dikenal: pilih Dibuka atau Ditutup. Tidak ada yang diubah."))
    return redirect(reverse("performance:hr_home") + "#periode")
