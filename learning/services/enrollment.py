"""Enrolling in a course: self-enrolment or an assignment (supervisor, plan, campaign)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
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


@transaction.atomic
def enrollments_assign_many(
    *, user_ids: list[int], course: CoursePage, source: str, due_date: dt.date | None = None, assigned_by=None
) -> int:
    """Assign a course to many learners at once, with the same result as `enrollment_create` for each (new
    enrollments; a self-enrolment not completed takes the assignment's source and the earlier due date), in four
    queries per call however many learners: a campaign enrols a district of thousands in seconds. Returns how
    many learners it enrolled or whose self-enrolment became the assignment."""
    if not course.live:
        raise ValidationError(_("Kursus ini belum terbit."))
    if source == Enrollment.Source.SELF or source not in Enrollment.Source.values:
        raise ValidationError(_("Sumber pendaftaran tidak dikenal."))
    ids = sorted(set(user_ids))
    if not ids:
        return 0
    mine = Enrollment.objects.filter(course=course, user_id__in=ids)
    existing = set(mine.values_list("user_id", flat=True))
    assigned_by_id = getattr(assigned_by, "pk", assigned_by)
    made = Enrollment.objects.bulk_create(
        [
            Enrollment(user_id=uid, course=course, source=source, due_date=due_date, assigned_by_id=assigned_by_id)
            for uid in ids
            if uid not in existing
        ],
        batch_size=1000,
        ignore_conflicts=True,  # enrolled meanwhile by themselves: the update below treats them
    )
    upgrade = mine.filter(source=Enrollment.Source.SELF).exclude(status=Enrollment.Status.COMPLETED)
    if due_date is not None:
        upgrade.filter(Q(due_date__isnull=True) | Q(due_date__gt=due_date)).update(due_date=due_date)
    upgraded = upgrade.update(source=source, assigned_by_id=assigned_by_id)
    return len(made) + upgraded
