"""Invitations and the reminder. The recipients are the active employees with an account in the pulse's units;
the reminder leaves out everyone with a participation row (which says only that they answered)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from performance.models import Employee
from portal.notifications.kinds import register_kind
from portal.notifications.services import notify

from .models import Pulse, PulseParticipation, PulseUnit

KIND_INVITATION = "pulse.invitation"
KIND_REMINDER = "pulse.reminder"


def register_kinds() -> None:

    register_kind(KIND_INVITATION, label=_("Pulse kesiapan dibuka"), email_default=True)
    register_kind(KIND_REMINDER, label=_("Pengingat pulse kesiapan"), email_default=True)


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
    """Notice + mail to everyone in scope, once per person and pulse (the event key)."""
    link = reverse("pulse:answer", args=[pulse.pk])
    sent = 0
    for user in recipients(pulse=pulse).order_by("pk").iterator():
        sent += (
            notify(
                recipient=user,
                kind=KIND_INVITATION,
                event_key=f"pulse-invitation:{pulse.pk}:{user.pk}",
                title=_("Pulse kesiapan dibuka: %(title)s"),
                body=_(
                    "Lima pernyataan singkat tentang standar kinerja yang baru, kurang dari satu menit. Tanpa nama: "
                    "hanya angka gabungan unit yang dilaporkan. Dibuka sampai %(closes)s."
                ),
                link=link,
                params={"title": pulse.title, "closes": pulse.closes_on},
            )
            is not None
        )
    return sent


def remind(*, pulse: Pulse) -> int:
    """The one reminder, only to those who have not answered."""
    link = reverse("pulse:answer", args=[pulse.pk])
    sent = 0
    for user in recipients(pulse=pulse, only_missing=True).order_by("pk").iterator():
        sent += (
            notify(
                recipient=user,
                kind=KIND_REMINDER,
                event_key=f"pulse-reminder:{pulse.pk}:{user.pk}",
                title=_("Pengingat: pulse kesiapan ditutup %(closes)s"),
                body=_("Anda belum menjawab “%(title)s”. Kurang dari satu menit, tanpa nama."),
                link=link,
                params={"title": pulse.title, "closes": pulse.closes_on},
            )
            is not None
        )
    return sent
