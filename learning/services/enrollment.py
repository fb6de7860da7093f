"""Enrolling in a course: self-enrolment or an assignment (supervisor, plan, campaign)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..models import CoursePage, Enrollment


@transaction.atomic
def enrollment_create(
    *,
    user,
    course: CoursePage,
    source: str = Enrollment.Source.SELF,
    due_date: dt.date | None = None,
    assigned_by=None,
) -> Enrollment:
    """Enroll a learner (idempotent: an existing enrollment is returned; an assignment adds its due date)."""
    if not course.live:
        raise ValidationError(_("Kursus ini belum terbit."))
    if source not in Enrollment.Source.values:
        raise ValidationError(_("Sumber pendaftaran tidak dikenal."))
    try:
        with transaction.atomic():
            enrollment = Enrollment(user=user, course=course, source=source, due_date=due_date, assigned_by=assigned_by)
            enrollment.full_clean(validate_unique=False, validate_constraints=False)
            enrollment.save()
            return enrollment
    except IntegrityError:
        pass
    enrollment = Enrollment.objects.select_for_update().get(user=user, course=course)
    if due_date and enrollment.status != Enrollment.Status.COMPLETED:
        changed = False
        if enrollment.due_date is None or due_date < enrollment.due_date:
            enrollment.due_date, changed = due_date, True
        if source != Enrollment.Source.SELF and enrollment.source == Enrollment.Source.SELF:
            enrollment.source, enrollment.assigned_by, changed = source, assigned_by, True
        if changed:
            enrollment.full_clean(validate_unique=False, validate_constraints=False)
            enrollment.save(update_fields=["due_date", "source", "assigned_by"])
    return enrollment


def enrollment_mark_started(enrollment: Enrollment, now: dt.datetime) -> None:
    """The first module opened or attempt started moves an enrollment to "in progress" (once). Part of the
    caller's transaction."""
    if enrollment.started_at is None:
        Enrollment.objects.filter(pk=enrollment.pk, started_at__isnull=True).update(
            started_at=now, status=Enrollment.Status.IN_PROGRESS
        )
        enrollment.started_at, enrollment.status = now, Enrollment.Status.IN_PROGRESS
