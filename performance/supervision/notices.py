"""Notices of supervision: a dialogue tomorrow, an appreciation, an objection to decide and its decision."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

KINDS = {
    "supervision.dialogue_tomorrow": _("Dialog kinerja besok"),
    "supervision.appreciation": _("Apresiasi untuk Anda"),
    "supervision.objection": _("Keberatan atas penilaian menunggu keputusan"),
    "supervision.objection_decided": _("Keberatan atas penilaian diputuskan"),
}


def _send(**kwargs):
    from portal.notifications.services import notify

    return notify(**kwargs)


def dialogue_tomorrow(dialogue, recipient, *, staff: bool):
    return _send(
        recipient=recipient,
        kind="supervision.dialogue_tomorrow",
        event_key=f"dialogue-tomorrow:{dialogue.pk}:{dialogue.next_date.isoformat()}:{recipient.pk}",
        title=_("Dialog kinerja besok (%(date)s)"),
        body=_("Tindak lanjut yang masih terbuka akan dibahas lagi."),
        link=reverse("supervision:dialogue" if staff else "supervision:my_dialogue", args=[dialogue.pk]),
        params={"date": dialogue.next_date.isoformat()},
    )


def appreciation(appreciation):
    user = appreciation.employee.user
    if user is None:
        return None
    return _send(
        recipient=user,
        kind="supervision.appreciation",
        event_key=f"appreciation:{appreciation.pk}",
        title=_("%(giver)s memberi Anda apresiasi: %(value)s"),
        body=appreciation.message,
        link=reverse("dashboard:my_profile") + "#apresiasi",
        params={"giver": appreciation.giver_name, "value": appreciation.value_name},
    )


def objection_to_decide(objection):
    user = objection.decider.user
    if user is None:
        return None
    return _send(
        recipient=user,
        kind="supervision.objection",
        event_key=f"objection:{objection.pk}",
        title=_("Keberatan atas penilaian %(name)s menunggu keputusan Anda"),
        body=objection.reason,
        link=reverse("supervision:objection", args=[objection.pk]),
        params={"name": objection.employee.full_name},
    )


def objection_decided(objection):
    sent = []
    employee_user, assessor = objection.employee.user, objection.assessment.assessor
    for user, link in (
        (employee_user, reverse("performance:assessment", args=[objection.assessment_id])),
        (assessor.user if assessor else None, reverse("performance:assessment", args=[objection.assessment_id])),
    ):
        if user is None:
            continue
        sent.append(
            _send(
                recipient=user,
                kind="supervision.objection_decided",
                event_key=f"objection-decided:{objection.pk}:{user.pk}",
                title=_("Keberatan %(name)s diputuskan: %(decision)s"),
                body=objection.decision_note,
                link=link,
                params={"name": objection.employee.full_name, "decision": str(objection.get_status_display())},
            )
        )
    return sent
