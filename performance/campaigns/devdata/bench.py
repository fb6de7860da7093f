"""Bench cases of the campaign pages: the list, and the progress page of the scale district's campaign for the
whole district and for one dinas (per unit, one grouped query: the same query count at every size)."""

from __future__ import annotations


def _setup(context):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from performance.devdata.scale import SCALE_PREFIX
    from performance.models import OrgUnit
    from portal.roles import Role

    from ..models import Campaign
    from .scale import NAME

    user = get_user_model().objects.get(email="admin@walesi.test")
    user.groups.add(Group.objects.get_or_create(name=Role.ADMIN_KEPEGAWAIAN)[0])
    context["campaigns_user"] = user
    context["campaigns_campaign"] = Campaign.objects.get(name=NAME)
    context["campaigns_unit"] = OrgUnit.objects.get(code=f"{SCALE_PREFIX}.1")


BENCH_CASES = [
    {
        "name": "campaigns.list",
        "kind": "page",
        "setup": _setup,
        "user": lambda context: context["campaigns_user"],
        "url": lambda context: "/kampanye/",
    },
    {
        "name": "campaigns.progress",
        "kind": "page",
        "setup": _setup,
        "user": lambda context: context["campaigns_user"],
        "url": lambda context: f"/kampanye/{context['campaigns_campaign'].pk}/",
        "p95_ms": {5000: 300, 50000: 500},
    },
    {
        "name": "campaigns.progress_one_unit",
        "kind": "page",
        "setup": _setup,
        "user": lambda context: context["campaigns_user"],
        "url": lambda context: f"/kampanye/{context['campaigns_campaign'].pk}/?unit={context['campaigns_unit'].pk}",
        "p95_ms": {5000: 100, 50000: 100},
    },
]
