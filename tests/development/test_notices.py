"""Every notice of plans, assignments, dialogues, appreciation and objections is sent once per event, even when
the daily task runs twice."""

import datetime as dt

import pytest

from learning.models import CoursePage
from performance.development import services
from performance.development.models import PlanAction
from performance.supervision import services as sup_services
from portal import dates
from portal.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _kinds(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_plan_evidence_and_assignment_notices_once(team):
    atasan, me = team["users"]["atasan"], team["users"]["pegawai"]
    pegawai = team["employees"]["pegawai"]
    Notification.objects.all().delete()
    plan = services.plan_create(actor=atasan, employee=pegawai, period=team["periods"][-1])
    goal = services.goal_add(actor=atasan, plan=plan, standard_code="KPP", target="Naik")
    action = services.action_add(
        actor=atasan, goal=goal, kind="on_the_job", title="Loket", due_date=plan.period.end_date
    )
    services.plan_activate(actor=atasan, plan=plan)
    services.plan_activate(actor=atasan, plan=plan)
    assert _kinds(me) == ["development.plan_acknowledge"]
    evidence = services.evidence_submit(actor=me, action=action, note="Sudah")
    assert _kinds(atasan) == ["development.evidence_review"]
    services.evidence_review(actor=atasan, evidence=evidence, accept=False, comment="Lengkapi")
    course = CoursePage.objects.get(slug="inovasi-dalam-pekerjaan-sehari-hari")
    due = dates.today() + dt.timedelta(days=3)
    for _twice in range(2):
        services.course_assign(actor=atasan, employees=[pegawai], course_id=course.pk, due_date=due)
    assert _kinds(me) == [
        "development.course_assigned",
        "development.evidence_returned",
        "development.plan_acknowledge",
    ]


def test_due_and_overdue_notices_once_when_the_task_runs_twice(team):
    atasan, me = team["users"]["atasan"], team["users"]["pegawai"]
    pegawai = team["employees"]["pegawai"]
    plan = services.plan_create(actor=atasan, employee=pegawai, period=team["periods"][-1])
    goal = services.goal_add(actor=atasan, plan=plan, standard_code="KPP", target="Naik")
    today = dates.today()
    soon = services.action_add(
        actor=atasan, goal=goal, kind="coaching", title="Bimbingan", due_date=today + dt.timedelta(days=2)
    )
    late = services.action_add(actor=atasan, goal=goal, kind="on_the_job", title="Loket", due_date=today)
    services.plan_activate(actor=atasan, plan=plan)
    PlanAction.objects.filter(pk=late.pk).update(due_date=today - dt.timedelta(days=1))  # time has passed
    Notification.objects.all().delete()
    first = services.due_notices_send(today=today)
    second = services.due_notices_send(today=today)
    assert first >= 2 and second == 0
    titles = list(Notification.objects.filter(recipient=me).values_list("kind", "event_key"))
    assert ("development.due_soon", f"due-soon:action:{soon.pk}:{soon.due_date.isoformat()}") in titles
    assert ("development.overdue", f"overdue:action:{late.pk}:{(today - dt.timedelta(days=1)).isoformat()}") in titles


def test_appreciation_and_dialogue_notices_once(team):
    atasan, me = team["users"]["atasan"], team["users"]["pegawai"]
    pegawai = team["employees"]["pegawai"]
    Notification.objects.all().delete()
    for _twice in range(2):
        sup_services.appreciation_give(actor=atasan, employee=pegawai, value_code="kompeten", message="Bagus")
    today = dates.today()
    sup_services.dialogue_record(
        actor=atasan,
        employee=pegawai,
        data=sup_services.DialogueInput(held_on=today, topics="Loket", next_date=today + dt.timedelta(days=1)),
    )
    assert sup_services.dialogue_reminders(today=today) == 2
    assert sup_services.dialogue_reminders(today=today) == 0
    assert _kinds(me) == ["supervision.appreciation", "supervision.dialogue_tomorrow"]
    assert _kinds(atasan) == ["supervision.dialogue_tomorrow"]
