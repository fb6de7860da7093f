"""Reminders of assigned courses due soon or overdue: at most one notice (and its mail) per learner per day (WIT).

The notice goes through `portal.notifications` (kind `learning.reminder`): the mail follows after commit, is
retried on network errors and swept up if its task is lost; the learner can turn the mail off.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal import dates
from portal.notifications.mail import recipient_language
from portal.notifications.services import notify

from ..models import Enrollment, ReminderLog
from ..selectors.records import reminder_due_enrollments

REMINDER_KIND = "learning.reminder"


def reminders_send(*, today: dt.date | None = None) -> int:
    """Remind each learner whose assigned courses are due within 7 days or overdue: at most one notice and mail
    per learner per day (WIT), however often this runs. Returns the number of learners reminded now."""
    today = today or dates.today()
    by_user: dict[int, list[Enrollment]] = {}
    for enrollment in reminder_due_enrollments(today):
        by_user.setdefault(enrollment.user_id, []).append(enrollment)
    sent = 0
    for items in by_user.values():
        if _reminder_send_one(user=items[0].user, enrollments=items, today=today):
            sent += 1
    return sent


def _reminder_text(*, enrollments: list[Enrollment], today: dt.date, language: str) -> tuple[str, str]:
    """Title and short text of the reminder, in the learner's language."""
    with translation.override(language):
        title = _("Pengingat: %(count)s kursus mendekati atau melewati tenggat") % {"count": len(enrollments)}
        lines = []
        for e in enrollments:
            values = {"course": e.course.title, "due": dates.format_date(e.due_date, language)}
            if e.due_date < today:
                lines.append(_("%(course)s — tenggat %(due)s (sudah lewat)") % values)
            else:
                lines.append(_("%(course)s — tenggat %(due)s") % values)
    return title, "; ".join(lines)


@transaction.atomic
def _reminder_send_one(*, user, enrollments: list[Enrollment], today: dt.date) -> bool:
    try:
        with transaction.atomic():
            log = ReminderLog.objects.create(user=user, date=today, course_count=len(enrollments))
    except IntegrityError:
        return False  # already reminded today
    title, body = _reminder_text(enrollments=enrollments, today=today, language=recipient_language(user))
    # Rendered here (course titles may hold a "%"), so no params: notify stores the texts as given.
    notice = notify(
        recipient=user,
        kind=REMINDER_KIND,
        event_key=f"learning-reminder:{user.pk}:{today.isoformat()}",
        title=title,
        body=body,
        link=reverse("learning:dashboard"),
    )
    log.sent_at = timezone.now()
    log.save(update_fields=["sent_at"])
    return notice is not None
