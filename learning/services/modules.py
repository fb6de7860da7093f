"""Reading a course: a module opened, a module completed."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Enrollment, ModulePage, ModuleProgress, QuizAttempt
from .completion import course_check_completion
from .enrollment import enrollment_mark_started


@transaction.atomic
def module_start(
    *, user, module: ModulePage, course_id: int | None = None, enrollment: Enrollment | None = None
) -> ModuleProgress | None:
    """Record that a learner opened a module (once); nothing for a learner not enrolled in its course."""
    if enrollment is None:
        course_id = course_id or module.get_parent().pk
        enrollment = (
            Enrollment.objects.filter(user=user, course_id=course_id).only("id", "started_at", "status").first()
        )
    if enrollment is None:
        return None
    now = timezone.now()
    progress, _created = ModuleProgress.objects.get_or_create(
        user=user, module_id=module.pk, defaults={"enrollment": enrollment, "started_at": now}
    )
    enrollment_mark_started(enrollment, now)
    return progress


@transaction.atomic(savepoint=False)  # part of the caller's unit of work (a quiz submit) when nested
def module_complete(
    *, user, module: ModulePage, via_quiz: bool = False, course_id: int | None = None
) -> ModuleProgress:
    """Complete a module ("Tandai selesai", or by passing its knowledge check) and check the course."""
    course_id = course_id or module.get_parent().pk
    enrollment = Enrollment.objects.select_for_update().filter(user=user, course_id=course_id).first()
    if enrollment is None:
        raise ValidationError(_("Daftar ke kursus ini terlebih dahulu."))
    if not via_quiz and module.has_quiz:
        passed = QuizAttempt.objects.filter(user=user, quiz_page_id=module.pk, passed=True).exists()
        if not passed:
            raise ValidationError(_("Modul ini selesai setelah Anda lulus kuisnya."))
    now = timezone.now()
    progress, _created = ModuleProgress.objects.get_or_create(
        user=user, module_id=module.pk, defaults={"enrollment": enrollment, "started_at": now, "completed_at": now}
    )
    if progress.completed_at is None:
        ModuleProgress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(completed_at=now)
        progress.completed_at = now
    enrollment_mark_started(enrollment, now)
    course_check_completion(user=user, enrollment=enrollment, now=now, locked=True)
    return progress
