"""The learner's own pages: the dashboard, enrolling, resuming a course, marking a module done."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import services
from ..models import CoursePage, Enrollment, ModulePage
from ..selectors.records import course_progress, learner_dashboard
from ._common import error_text, page_url, viewable_or_404


@login_required
@require_GET
def dashboard(request):
    context = learner_dashboard(request.user)
    return render(request, "learning/records/dashboard.html", context)


@login_required
@require_POST
def enroll(request, course_id: int):
    course = CoursePage.objects.live().public().defer_streamfields().filter(pk=course_id).first()
    if course is None:
        raise Http404
    try:
        services.enrollment_create(user=request.user, course=course)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect(page_url(request, course))
    messages.success(request, _("Anda terdaftar di kursus ini. Selamat belajar!"))
    return redirect("learning:resume", course_id=course.pk)


@login_required
@require_GET
def resume(request, course_id: int):
    """The first unfinished module of a course the learner is enrolled in (the course page when all are done)."""
    course = viewable_or_404(request, CoursePage.objects.live().defer_streamfields().filter(pk=course_id).first())
    progress = course_progress(request.user, course)
    target = progress.get("next_module")
    if target is None and progress.get("enrollment") is not None and not progress.get("completion"):
        final = course.get_final_assessment()
        target = final
    return redirect(page_url(request, target or course))


@login_required
@require_POST
def module_done(request, page_id: int):
    module = viewable_or_404(request, ModulePage.objects.live().filter(pk=page_id).first())
    try:
        services.module_complete(user=request.user, module=module)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect(page_url(request, module))
    enrollment = Enrollment.objects.filter(user=request.user, course_id=module.get_parent().pk).first()
    if enrollment and enrollment.status == Enrollment.Status.COMPLETED:
        messages.success(request, _("Selamat! Anda telah menyelesaikan kursus ini."))
    else:
        messages.success(request, _("Modul ditandai selesai."))
    return redirect("learning:resume", course_id=module.get_parent().pk)
