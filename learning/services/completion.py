"""Completing a course: the completion, its JP ledger entry and its certificate, written together once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from statistics import mean

from django.db import transaction
from django.utils import timezone

from portal.dates import wit_year
from portal.tasks import enqueue_on_commit

from .. import rules
from ..models import (
    Certificate,
    CompletionRule,
    CourseCompletion,
    CoursePage,
    Enrollment,
    FinalAssessmentPage,
    JPLedgerEntry,
    ModulePage,
    ModuleProgress,
    QuizAttempt,
)


def _course_score(user, course: CoursePage, module_ids: list[int], final_id: int | None) -> Decimal | None:
    quiz_ids = list(module_ids) + ([final_id] if final_id else [])
    scores: dict[int, list[Decimal]] = {}
    for page_id, score in (
        QuizAttempt.objects.filter(user=user, quiz_page_id__in=quiz_ids, submitted_at__isnull=False)
        .order_by("submitted_at", "number")
        .values_list("quiz_page_id", "score")
    ):
        scores.setdefault(page_id, []).append(score)
    if final_id and scores.get(final_id):
        return rules.kept_score(scores[final_id], course.score_policy)
    kept = [rules.kept_score(s, course.score_policy) for pid, s in scores.items() if pid != final_id]
    if not kept:
        return None
    return Decimal(str(mean(kept))).quantize(Decimal("0.01"))


@transaction.atomic(savepoint=False)
def course_check_completion(
    *, user, enrollment: Enrollment, now: dt.datetime | None = None, locked: bool = False
) -> CourseCompletion | None:
    """Complete the course when every required module is done (and the final assessment passed, if the course
    says so): the completion, its JP ledger entry and its certificate are written together, exactly once."""
    now = now or timezone.now()
    if not locked:  # the caller holds the row lock already when it says so
        enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if enrollment.status == Enrollment.Status.COMPLETED:
        return CourseCompletion.objects.filter(enrollment=enrollment).first()
    course = CoursePage.objects.defer_streamfields().get(pk=enrollment.course_id)
    modules = list(ModulePage.objects.child_of(course).live().values_list("id", "is_required"))
    required = {pk for pk, is_required in modules if is_required}
    done = set(
        ModuleProgress.objects.filter(user=user, module_id__in=required, completed_at__isnull=False).values_list(
            "module_id", flat=True
        )
    )
    if required - done:
        return None
    final = FinalAssessmentPage.objects.child_of(course).live().only("id").first()
    if course.completion_rule == CompletionRule.MODULES_AND_FINAL and final is not None:
        if not QuizAttempt.objects.filter(user=user, quiz_page_id=final.pk, passed=True).exists():
            return None
    if not required and final is None:
        return None  # an empty course completes nothing
    completion = CourseCompletion(
        user=user,
        course=course,
        enrollment=enrollment,
        course_title=course.title,
        completed_at=now,
        score=_course_score(user, course, [pk for pk, _r in modules], final.pk if final else None),
        jp=rules.jp(course.jp_credit),
    )
    completion.full_clean(validate_unique=False, validate_constraints=False)
    completion.save()
    entry = JPLedgerEntry(
        user=user,
        year=wit_year(now),
        jp=completion.jp,
        course=course,
        completion=completion,
        description=course.title[:255],
        created_at=now,
    )
    entry.full_clean(validate_unique=False, validate_constraints=False)
    entry.save()
    enrollment.status, enrollment.completed_at = Enrollment.Status.COMPLETED, now
    enrollment.started_at = enrollment.started_at or now
    enrollment.save(update_fields=["status", "completed_at", "started_at"])
    if course.issues_certificate:
        certificate = Certificate.objects.create(completion=completion, issued_at=now)
        from ..tasks import certificate_render

        enqueue_on_commit(certificate_render, certificate.pk)
    return completion
