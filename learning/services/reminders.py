"""Reminders of assigned courses due soon or overdue: at most one mail per learner per day (WIT)."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import dates
from portal.links import absolute, absolute_reverse

from ..models import Enrollment, ReminderLog
from ..selectors.records import reminder_due_enrollments


def reminders_send(*, today: dt.date | None = None) -> int:
    """Mail each learner whose assigned courses are due within 7 days or overdue: at most one mail per learner
    per day (WIT), however often this runs. Returns the number of mails sent now."""
    today = today or dates.today()
    by_user: dict[int, list[Enrollment]] = {}
    for enrollment in reminder_due_enrollments(today):
        by_user.setdefault(enrollment.user_id, []).append(enrollment)
    sent = 0
    for items in by_user.values():
        if _reminder_send_one(user=items[0].user, enrollments=items, today=today):
            sent += 1
    return sent


@transaction.atomic
def _reminder_send_one(*, user, enrollments: list[Enrollment], today: dt.date) -> bool:
    from django.core.mail import send_mail  # looked up at call time (tests replace it)

    try:
        with transaction.atomic():
            log = ReminderLog.objects.create(user=user, date=today, course_count=len(enrollments))
    except IntegrityError:
        return False  # already reminded today
    items = [
        {
            "title": e.course.title,
            "due": dates.format_date_id(e.due_date),
            "overdue": e.due_date < today,
            "url": _course_url(e.course),
        }
        for e in enrollments
    ]
    context = {"user": user, "items": items, "dashboard_url": absolute_reverse("learning:dashboard")}
    send_mail(
        subject=_("Pengingat: %(count)s kursus mendekati atau melewati tenggat") % {"count": len(items)},
        message=render_to_string("learning/records/reminder_email.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
    # A failed send raises and rolls back the log row, so the next run tries again.
    log.sent_at = timezone.now()
    log.save(update_fields=["sent_at"])
    return True


def _course_url(course) -> str:
    url = course.get_url()
    return absolute(url) if url else ""
