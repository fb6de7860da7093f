"""Quiz attempts: start, answer (autosave), submit, and the result with the feedback."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from wagtail.models import Page

from portal.dates import format_date

from .. import rules, services
from ..models import Enrollment, QuizAttempt
from ..selectors.records import attempt_for_user, attempt_questions
from ._common import error_text, page_url, viewable_or_404


@login_required
@require_POST
def attempt_start(request, page_id: int):
    page = viewable_or_404(request, Page.objects.live().filter(pk=page_id).first())
    try:
        attempt = services.attempt_start(user=request.user, quiz_page=page)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect(page_url(request, page))
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
        return JsonResponse({"ok": False, "message": error_text(exc)}, status=409)
    return JsonResponse({"ok": True, "message": _("Jawaban tersimpan.")})


@login_required
@require_POST
def attempt_submit(request, pk: int):
    try:
        result = services.attempt_submit(user=request.user, attempt_id=pk, answers=_answers_from_post(request.POST))
    except QuizAttempt.DoesNotExist:
        raise Http404 from None  # someone else's attempt, or none
    except ValidationError as exc:
        messages.error(request, error_text(exc))
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
        "quiz_url": page_url(request, page),
        "course": course,
        "course_completed": course_completed,
        "items": attempt_questions(attempt, reveal=True),
        "submitted_text": format_date(attempt.submitted_at, get_language()),
    }
    return render(request, "learning/records/attempt_result.html", context)
