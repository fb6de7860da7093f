"""The supervisor's assessment form, the assessment page, the employee's acknowledgement and corrections."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.selectors import core_value_choices, core_value_names
from portal.roles import own_page, own_when

from .. import rules, selectors, services
from ..access import can_assess, visible_assessments, visible_employees
from ..forms import AcknowledgeForm, AssessmentForm
from ..models import Assessment, PerformancePeriod
from ..panels import assessment_panels
from ._common import error_text


@login_required
def assess(request, nip: str, period_id: int):
    employee = selectors.profile_employee(visible_employees(request.user), nip)
    if employee is None or not can_assess(request.user, employee):
        raise Http404
    period = get_object_or_404(PerformancePeriod, pk=period_id)
    current = selectors.current_assessment(employee, period)
    if current is not None and current.status != Assessment.Status.DRAFT:
        return redirect("performance:assessment", pk=current.pk)
    if not period.is_open:
        messages.error(request, _("Periode %(p)s sudah ditutup.") % {"p": period})
        return redirect("dashboard:team")
    standards = selectors.assessment_standards()
    core_values = core_value_choices()
    if request.method == "POST":
        form = AssessmentForm(request.POST, standards=standards, core_values=core_values)
        submit = "submit" in request.POST
        if form.is_valid():
            try:
                assessment = services.assessment_save(
                    actor=request.user,
                    employee=employee,
                    period=period,
                    data=form.to_input(),
                    standards=standards,
                    core_values=core_values,
                    submit=submit,
                )
            except ValidationError as exc:
                form.add_error(None, error_text(exc))
            else:
                if submit:
                    messages.success(
                        request, _("Penilaian diserahkan. Predikat: %(p)s.") % {"p": assessment.get_predikat_display()}
                    )
                    return redirect("performance:assessment", pk=assessment.pk)
                messages.success(request, _("Draf disimpan."))
                return redirect("performance:assess", nip=employee.nip, period_id=period.pk)
    else:
        form = AssessmentForm(
            initial=AssessmentForm.initial_from(current), standards=standards, core_values=core_values
        )
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


def _own_assessment(request, kwargs) -> bool:
    return Assessment.objects.filter(pk=kwargs.get("pk"), employee__user=request.user).exists()


@login_required
@own_when(_own_assessment)
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
        "berakhlak": core_value_names(assessment.berakhlak),
        "audit": selectors.audit_rows(assessment),
        # Sections the upper apps register (supervision's objection) without this view importing them.
        "panels": assessment_panels(request, assessment),
    }
    if any(p["context"].get("objection") for p in context["panels"] if p["template"].startswith("supervision/")):
        context["can_acknowledge"] = False  # an objection awaits its decision
    return render(request, "performance/assessment.html", context)


@login_required
@own_page
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
            messages.error(request, error_text(exc))
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
        messages.error(request, error_text(exc))
        return redirect("performance:assessment", pk=pk)
    messages.info(
        request, _("Revisi %(n)s dibuka sebagai draf; revisi sebelumnya tetap tersimpan.") % {"n": new.revision}
    )
    return redirect("performance:assess", nip=new.employee.nip, period_id=new.period_id)
