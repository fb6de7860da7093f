"""Benchmark cases of the performance app, as plain data for the `make bench` harness (wired by the lead).

Each case is a dict:
- ``name``: a stable identifier;
- ``kind``: ``"page"`` (the harness logs ``user(context)`` in and GETs ``url(context)``, recording queries, time and
  bytes) or ``"call"`` (the harness times ``run(context)``, which returns a dict of figures);
- ``setup(context)`` (optional): builds what the case needs; ``context`` is a dict the harness passes around.
The harness is expected to have run `build_scale_org` for its learners before the page cases.
"""

from __future__ import annotations

import time


def _a_supervisor(context):
    """The second supervisor of the scale organisation: the first is the development bench's, who gets a plan
    (`development.team` measures the team page with plans, this case the page without, at every size alike)."""
    from ..models import Employee

    sups = list(
        Employee.objects.filter(direct_reports__isnull=False, user__isnull=False, unit__code__startswith="SKL.")
        .distinct()
        .order_by("pk")[:2]
    )
    sup = sups[-1] if sups else None
    context["perf_supervisor"] = sup
    context["perf_member"] = sup.direct_reports.order_by("pk").first() if sup else None


def _ensure_atasan(context):
    from django.contrib.auth.models import Group

    from portal.roles import Role

    _a_supervisor(context)
    user = context["perf_supervisor"].user
    user.groups.add(Group.objects.get(name=Role.ATASAN))
    return user


def profile_url(context) -> str:
    from django.urls import reverse

    return reverse("dashboard:profile", kwargs={"nip": context["perf_member"].nip})


def team_url(context) -> str:
    from django.urls import reverse

    return reverse("dashboard:team")


def run_roster_import_10k(context) -> dict:
    """Import 10,000 new rows, then the same file again (all unchanged).

    Invitation mails are Celery tasks sent after commit; they are counted here, not run inline (with eager
    tasks they would be), and one batch is timed on its own.
    """
    from unittest import mock

    from ..models import Employee, OrgUnit
    from ..services import INVITATION_BATCH, roster_import
    from ..services.invitations import send_pending_invitations
    from .scale import roster_csv

    codes = list(OrgUnit.objects.filter(kind__in=["bidang", "seksi"]).values_list("code", flat=True)[:40])
    if not codes:
        OrgUnit.objects.get_or_create(code="BENCH", defaults={"name": "Unit Benchmark", "kind": "seksi"})
        codes = ["BENCH"]
    data = roster_csv(10_000, unit_codes=codes, start=5_000_000)
    with mock.patch("performance.services.roster.enqueue_on_commit") as enqueue:
        started = time.perf_counter()
        first = roster_import(data=data, filename="bench.csv")
        first_s = time.perf_counter() - started
        started = time.perf_counter()
        again = roster_import(data=data, filename="bench.csv")
        again_s = time.perf_counter() - started
    batch = list(
        Employee.objects.filter(user_id__in=first.invited_user_ids[:INVITATION_BATCH]).values_list("user_id", flat=True)
    )
    started = time.perf_counter()
    send_pending_invitations(batch)
    batch_s = time.perf_counter() - started
    return {
        "rows": 10_000,
        "first_import_s": round(first_s, 2),
        "created": first.created,
        "problems": len(first.preview.problems),
        "reimport_s": round(again_s, 2),
        "reimport_unchanged": len(again.preview.unchanged),
        "invitation_tasks": enqueue.call_count,
        "invitation_batch_size": len(batch),
        "invitation_batch_s": round(batch_s, 2),
    }


BENCH_CASES = [
    {
        "name": "performance.profile",
        "kind": "page",
        "setup": _ensure_atasan,
        "user": lambda context: context["perf_supervisor"].user,
        "url": profile_url,
    },
    {
        "name": "performance.team",
        "kind": "page",
        "setup": _ensure_atasan,
        "user": lambda context: context["perf_supervisor"].user,
        "url": team_url,
    },
    {"name": "performance.roster_import_10k", "kind": "call", "run": run_roster_import_10k},
]
