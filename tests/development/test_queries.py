"""Plan page and dialogue page: at most 15 queries, the same for a small and a large plan / history."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from learning.models import CoursePage
from performance.development import services
from performance.supervision import services as sup_services
from portal import dates

pytestmark = pytest.mark.django_db
BUDGET = 15


def _count(client, url) -> int:
    client.get(url)  # warm caches (site, organisation settings)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _grow_plan(team, plan, n):
    atasan = team["users"]["atasan"]
    goal = plan.goals.first() or services.goal_add(actor=atasan, plan=plan, standard_code="DK", target="Naik")
    for i in range(n):
        services.action_add(
            actor=atasan, goal=goal, kind="coaching", title=f"Bimbingan {i}", due_date=plan.period.end_date
        )


def test_plan_pages_query_count_is_constant(team, client):
    atasan, me = team["users"]["atasan"], team["users"]["pegawai"]
    plan = services.plan_create(actor=atasan, employee=team["employees"]["pegawai"], period=team["periods"][-1])
    services.suggestion_apply(actor=atasan, plan=plan, standard_code="KPP")
    services.plan_activate(actor=atasan, plan=plan)
    staff, own = reverse("development:plan", args=[plan.pk]), reverse("development:my_plan", args=[plan.pk])
    counts = []
    for grow in (1, 12):
        _grow_plan(team, plan, grow)
        for action in plan.goals.first().actions.filter(kind="coaching")[:grow]:
            if not action.evidence.exists():
                services.evidence_submit(actor=me, action=action, note="Sudah")
        client.force_login(atasan)
        a = _count(client, staff)
        client.force_login(me)
        b = _count(client, own)
        counts.append((a, b))
    assert counts[0] == counts[1], counts
    assert max(counts[0]) <= BUDGET, counts


def test_dialogue_page_query_count_is_constant(team, client):
    atasan, pegawai = team["users"]["atasan"], team["employees"]["pegawai"]
    today = dates.today()
    url = reverse("supervision:member_dialogues", args=[pegawai.nip])
    counts = []
    for n in (1, 10):
        for i in range(n):
            sup_services.dialogue_record(
                actor=atasan,
                employee=pegawai,
                data=sup_services.DialogueInput(
                    held_on=today - dt.timedelta(days=i + 1),
                    topics=f"Topik {n}-{i}",
                    actions=[sup_services.FollowUp(f"T {n}-{i}", today + dt.timedelta(days=3), "employee")],
                ),
            )
        client.force_login(atasan)
        counts.append(_count(client, url))
        dialogue = pegawai.dialogues.first()
        counts.append(_count(client, reverse("supervision:dialogue", args=[dialogue.pk])))
    assert counts[:2] == counts[2:], counts
    assert max(counts) <= BUDGET, counts
    assert CoursePage.objects.exists()
