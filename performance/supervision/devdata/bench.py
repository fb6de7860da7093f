"""Bench cases of supervision (see `performance/bench.py` for the case format): a dialogue page."""

from __future__ import annotations

import datetime as dt


def _dialogue(context):
    from performance.development.devdata.bench import supervisor_and_member
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
