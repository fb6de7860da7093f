"""Bench cases of supervision (see `performance/bench.py` for the case format): a dialogue page."""

from __future__ import annotations

import datetime as dt


def supervisor_and_member(context) -> None:
    """A supervisor of the scale organisation (or the demo one) with the Atasan role, and one of their reports."""
    from django.contrib.auth.models import Group

    from performance.models import Employee
    from portal.roles import Role

    if context.get("dev_supervisor"):
        return
    base = Employee.objects.filter(direct_reports__user__isnull=False, user__isnull=False).distinct().order_by("pk")
    sup = base.filter(unit__code__startswith="SKL.").first() or base.first()
    sup.user.groups.add(Group.objects.get(name=Role.ATASAN))
    context["dev_supervisor"] = sup
    context["dev_member"] = sup.direct_reports.filter(user__isnull=False).order_by("pk").first()


def _dialogue(context):
    from performance.supervision import services
    from performance.supervision.models import Dialogue
    from portal import dates

    supervisor_and_member(context)
    member = context["dev_member"]
    today = dates.today()
    dialogue = Dialogue.objects.filter(employee=member).first()
    if dialogue is None:
        for days in (30, 2):
            dialogue = services.dialogue_record(
                actor=context["dev_supervisor"].user,
                employee=member,
                data=services.DialogueInput(
                    held_on=today - dt.timedelta(days=days),
                    topics=f"Dialog {days}",
                    actions=[services.FollowUp(f"Tindak lanjut {days}", today + dt.timedelta(days=5), "employee")],
                ),
            )
    context["sup_dialogue"] = dialogue


def dialogue_url(context) -> str:
    from django.urls import reverse

    return reverse("supervision:member_dialogues", args=[context["dev_member"].nip])


BENCH_CASES = [
    {
        "name": "supervision.dialogues",
        "kind": "page",
        "setup": _dialogue,
        "user": lambda context: context["dev_supervisor"].user,
        "url": dialogue_url,
    },
]
