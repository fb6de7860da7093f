"""Invitations and the reminder. The recipients are the active employees with an account in the pulse's units;
the reminder leaves out everyone with a participation row (which says only that they answered)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef

from performance.models import Employee

from .models import Pulse, PulseParticipation, PulseUnit


def recipients(*, pulse: Pulse, only_missing: bool = False):
    """Users to notify for a pulse, in one query."""
    unit_ids = PulseUnit.objects.filter(pulse=pulse).values("unit_id")
    users = get_user_model().objects.filter(
        is_active=True,
        pk__in=Employee.objects.filter(active=True, unit_id__in=unit_ids, user__isnull=False).values("user_id"),
    )
    if only_missing:
        users = users.exclude(Exists(PulseParticipation.objects.filter(pulse=pulse, user=OuterRef("pk"))))
    return users


def invite(*, pulse: Pulse) -> int:
    """Notice + mail to everyone in scope, once per person and pulse (notifications land with branch notif)."""
    return 0


def remind(*, pulse: Pulse) -> int:
    """The reminder to those who have not answered (notifications land with branch notif)."""
    return 0
