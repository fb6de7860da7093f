"""Views of learning records: thin — check who asks, call a service or a selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from wagtail.models import Page

from portal.roles import Role, role_required

from . import rules, services
from .models import Certificate, CoursePage, Enrollment, ModulePage, QuizAttempt
from .record_selectors import attempt_for_user, attempt_questions, course_progress, learner_dashboard


def _error_text(exc: ValidationError) -> str:
    return " ".join(str(m) for m in exc.messages)


def _page_url(request, page) -> str:
    return page.get_url(request) or "/"


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
        messages.error(request, _error_text(exc))
        return redirect(_page_url(request, course))
    messages.success(request, _("Anda terdaftar di kursus ini. Selamat belajar!"))
    return redirect("learning:resume", course_id=course.pk)


@login_required
@require_GET
def resume(request, course_id: int):
    """The first unfinished module of a course the learner is enrolled in (the course page when all are done)."""
    course = CoursePage.objects.live().defer_streamfields().filter(pk=course_id).first()
    if course is None:
        raise Http404
    progress = course_progress(request.user, course)
    target = progress.get("next_module")
    if target is None and progress.get("enrollment") is not None and not progress.get("completion"):
        final = course.get_final_assessment()
        target = final
    return redirect(_page_url(request, target or course))


@login_required
@require_POST
def module_done(request, page_id: int):
    module = ModulePage.objects.live().filter(pk=page_id).first()
    if module is None:
        raise Http404
    try:
        services.module_complete(user=request.user, module=module)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
        return redirect(_page_url(request, module))
    enrollment = Enrollment.objects.filter(user=request.user, course_id=module.get_parent().pk).first()
    if enrollment and enrollment.status == Enrollment.Status.COMPLETED:
        messages.success(request, _("Selamat! Anda telah menyelesaikan kursus ini."))
    else:
        messages.success(request, _("Modul ditandai selesai."))
    return redirect("learning:resume", course_id=module.get_parent().pk)


@login_required
@require_POST
def attempt_start(request, page_id: int):
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404
    try:
        attempt = services.attempt_start(user=request.user, quiz_page=page)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
        return redirect(_page_url(request, page))
    return redirect("learning:attempt", pk=attempt.pk)


def _own_attempt(request, pk: int) -> QuizAttempt:
    attempt = attempt_for_user(request.user, pk)
    if attempt is None:
        raise Http404
    return attempt


@never_cache
@login_required
@require_GET
def attempt_page(request, pk: int):
    attempt = _own_attempt(request, pk)
    if attempt.submitted_at is not None:
        return redirect("learning:attempt_result", pk=attempt.pk)
    now = timezone.now()
    remaining = None
    if attempt.deadline:
        remaining = max(0, int((attempt.deadline - now).total_seconds()))
    context = {
        "attempt": attempt,
        "quiz_title": attempt.quiz_page.title,
        "items": attempt_questions(attempt, reveal=False),
        "remaining_seconds": remaining,
        "deadline_text": timezone.localtime(attempt.deadline).strftime("%H:%M") if attempt.deadline else "",
        "time_up": rules.is_late(now, attempt.deadline, services.grace_seconds()),
    }
    return render(request, "learning/records/attempt.html", context)


def _answers_from_post(data) -> dict[str, list[str]]:
    """The answers of the submitted form: fields q-<question id>; the service checks they belong to the attempt."""
    return {key[2:]: data.getlist(key) for key in data if key.startswith("q-") and data.getlist(key)}


@login_required
@require_POST
def attempt_answer(request, pk: int):
    """Autosave of one answer (fetch from quiz.js); answers in JSON, errors with an Indonesian message."""
    attempt = _own_attempt(request, pk)
    question_id = request.POST.get("question", "")
    try:
        services.attempt_save_answer(attempt=attempt, question_id=question_id, selected=request.POST.getlist("choice"))
    except ValidationError as exc:
        return JsonResponse({"ok": False, "message": _error_text(exc)}, status=409)
    return JsonResponse({"ok": True, "message": _("Jawaban tersimpan.")})


@login_required
@require_POST
def attempt_submit(request, pk: int):
    try:
        result = services.attempt_submit(user=request.user, attempt_id=pk, answers=_answers_from_post(request.POST))
    except QuizAttempt.DoesNotExist:
        raise Http404 from None  # someone else's attempt, or none
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
        return redirect("learning:attempt", pk=pk)
    if result.late:
        messages.warning(
            request,
            _("Waktu kuis sudah habis saat jawaban dikirim: jawaban yang datang setelah batas waktu tidak dihitung."),
        )
    return redirect("learning:attempt_result", pk=pk)


@never_cache
@login_required
@require_GET
def attempt_result(request, pk: int):
    attempt = _own_attempt(request, pk)
    if attempt.submitted_at is None:
        return redirect("learning:attempt", pk=attempt.pk)
    page = attempt.quiz_page
    course = attempt.enrollment.course if attempt.enrollment_id else None
    course_completed = bool(attempt.enrollment_id) and attempt.enrollment.status == Enrollment.Status.COMPLETED
    context = {
        "attempt": attempt,
        "quiz_title": page.title,
        "quiz_url": _page_url(request, page),
        "course": course,
        "course_completed": course_completed,
        "items": attempt_questions(attempt, reveal=True),
        "submitted_text": rules.format_date(attempt.submitted_at, get_language()),
    }
    return render(request, "learning/records/attempt_result.html", context)


@login_required
@require_GET
def certificate_download(request, code: str):
    certificate = (
        Certificate.objects.filter(code=code, completion__user=request.user).select_related("completion").first()
    )
    if certificate is None:
        raise Http404
    if not certificate.pdf:
        # The task has not run yet (or the broker is down): render it now; the service is idempotent.
        services.certificate_render_pdf(certificate_id=certificate.pk)
        certificate.refresh_from_db()
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"sertifikat-{certificate.code}.pdf",
        content_type="application/pdf",
    )


@require_GET
def certificate_verify(request, code: str):
    """Public check of a certificate: name, course and date only."""
    certificate = Certificate.objects.filter(code=code).select_related("completion__user").first()
    if certificate is None:
        return render(request, "learning/records/certificate_unknown.html", {"code": code}, status=404)
    completion = certificate.completion
    from portal.identity import identity_for

    context = {
        "name": identity_for(completion.user).name or completion.user.display_name,
        "course_title": completion.course_title,
        "date_text": rules.format_date(completion.completed_at, get_language()),
        "code": certificate.code,
    }
    return render(request, "learning/records/certificate_verify.html", context)


# --- HR export -------------------------------------------------------------------------------------------


@role_required(Role.ADMIN_KEPEGAWAIAN)
def export_home(request):
    from portal.identity import get_identity_provider
    from portal.models import BackgroundJob

    units = get_identity_provider().units()
    this_year = rules.wit_date(timezone.now()).year
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
                errors.append(_error_text(exc))
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
    from portal.models import BackgroundJob

    job = BackgroundJob.objects.filter(pk=pk, owner=request.user, kind=services.EXPORT_JOB_KIND).first()
    if job is None:
        raise Http404
    return job


@never_cache
@role_required(Role.ADMIN_KEPEGAWAIAN)
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


@role_required(Role.ADMIN_KEPEGAWAIAN)
@require_GET
def export_download(request, pk: int):
    job = _own_job(request, pk)
    if job.status != "done" or not job.result_file:
        raise Http404
    return FileResponse(
        job.result_file.open("rb"), as_attachment=True, filename=job.result_file.name.rsplit("/", 1)[-1]
    )
