"""A supervisor corrects a plan: goals and actions are changed or removed while the plan is open, an active plan
the employee confirmed is sent back for confirmation, evidence is never lost, and a plan finished by mistake is
reopened within its period."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

import pytest

from performance.development import services
from performance.development.models import ActionEvidence, DevelopmentPlan, PlanAction, PlanGoal
from portal import dates
from portal.notifications.models import Notification

pytestmark = pytest.mark.django_db

KPP = "KPP"


def _active_plan(team):
    atasan, me = team["users"]["atasan"], team["users"]["pegawai"]
    plan = services.plan_create(actor=atasan, employee=team["employees"]["pegawai"], period=team["periods"][-1])
    goal = services.goal_add(actor=atasan, plan=plan, standard_code=KPP, target="Naik")
    first = services.action_add(
        actor=atasan, goal=goal, kind="on_the_job", title="Loket", due_date=plan.period.end_date
    )
    second = services.action_add(
        actor=atasan, goal=goal, kind="coaching", title="Bimbingan", due_date=plan.period.end_date
    )
    services.plan_activate(actor=atasan, plan=plan)
    services.plan_acknowledge(actor=me, plan=plan, comment="Siap.")
    return plan, goal, first, second


def _changed_notices(user):
    return Notification.objects.filter(recipient=user, event_key__startswith="plan-changed:").count()


def test_changing_an_active_plan_asks_the_employee_to_confirm_again(team):
    atasan, me = team["users"]["atasan"], team["users"]["pegawai"]
    plan, goal, first, _second = _active_plan(team)
    services.goal_update(actor=atasan, goal=goal, target="Naik menjadi Sesuai ekspektasi")
    plan.refresh_from_db()
    goal.refresh_from_db()
    assert goal.target == "Naik menjadi Sesuai ekspektasi" and plan.acknowledged_at is None
    assert _changed_notices(me) == 1
    services.goal_update(actor=atasan, goal=goal, target="Naik menjadi Sesuai ekspektasi")  # unchanged: no notice
    assert _changed_notices(me) == 1
    earlier = dates.today() + dt.timedelta(days=1)
    services.action_update(actor=atasan, action=first, due_date=earlier, title="Loket pengaduan")
    first.refresh_from_db()
    assert (first.due_date, first.title) == (earlier, "Loket pengaduan")


def test_bad_edits_change_nothing(team):
    atasan = team["users"]["atasan"]
    plan, goal, first, _second = _active_plan(team)
    with pytest.raises(ValidationError, match="target"):
        services.goal_update(actor=atasan, goal=goal, target="  ")
    with pytest.raises(ValidationError, match="masa lalu"):
        services.action_update(actor=atasan, action=first, due_date=dates.today() - dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="akhir periode"):
        services.action_update(actor=atasan, action=first, due_date=plan.period.end_date + dt.timedelta(days=1))
    with pytest.raises(PermissionDenied):
        services.action_remove(actor=team["users"]["kasi.pmk"], action=first)
    goal.refresh_from_db()
    first.refresh_from_db()
    assert goal.target == "Naik" and first.due_date == plan.period.end_date and PlanAction.objects.count() == 2


def test_evidence_is_never_removed_with_its_action(team):
    atasan, me = team["users"]["atasan"], team["users"]["pegawai"]
    _plan, goal, first, second = _active_plan(team)
    services.evidence_submit(actor=me, action=first, note="Sudah saya kerjakan")
    with pytest.raises(ValidationError, match="sudah punya bukti"):
        services.action_remove(actor=atasan, action=first)
    with pytest.raises(ValidationError, match="sudah punya bukti"):
        services.goal_remove(actor=atasan, goal=goal)
    assert ActionEvidence.objects.count() == 1 and PlanAction.objects.count() == 2
    services.action_remove(actor=atasan, action=second)
    assert list(PlanAction.objects.values_list("pk", flat=True)) == [first.pk]


def test_removing_a_goal_of_a_draft_plan(team):
    atasan = team["users"]["atasan"]
    plan = services.plan_create(actor=atasan, employee=team["employees"]["pegawai"], period=team["periods"][-1])
    goal = services.suggestion_apply(actor=atasan, plan=plan, standard_code=KPP)
    assert goal.actions.count() == 2
    services.goal_remove(actor=atasan, goal=goal)
    assert not PlanGoal.objects.exists() and not PlanAction.objects.exists()


def test_reopening_a_plan_closed_by_mistake(team):
    atasan, me = team["users"]["atasan"], team["users"]["pegawai"]
    plan, *_ = _active_plan(team)
    services.plan_finish(actor=atasan, plan=plan, status="closed", note="Keliru")
    services.plan_reopen(actor=atasan, plan=plan)
    services.plan_reopen(actor=atasan, plan=plan)  # double click
    plan.refresh_from_db()
    assert plan.status == "active" and plan.acknowledged_at is None and plan.finished_at is None
    assert _changed_notices(me) == 1
    # With another open plan for the period, or after the period, it stays closed.
    services.plan_finish(actor=atasan, plan=plan, status="closed", note="Diganti")
    other = services.plan_create(actor=atasan, employee=team["employees"]["pegawai"], period=plan.period)
    with pytest.raises(ValidationError, match="sudah punya rencana"):
        services.plan_reopen(actor=atasan, plan=plan)
    DevelopmentPlan.objects.filter(pk=other.pk).update(status="closed")
    past = next(p for p in team["periods"] if p.end_date < dates.today())
    DevelopmentPlan.objects.filter(pk=plan.pk).update(period=past)
    plan.refresh_from_db()
    with pytest.raises(ValidationError, match="sudah berakhir"):
        services.plan_reopen(actor=atasan, plan=plan)
    plan.refresh_from_db()
    assert plan.status == "closed"


def test_edit_pages_are_404_for_another_supervisor(team, client):
    _plan, goal, first, _second = _active_plan(team)
    client.force_login(team["users"]["kasi.pmk"])
    for url in (
        reverse("development:goal_edit", args=[goal.pk]),
        reverse("development:goal_remove", args=[goal.pk]),
        reverse("development:action_edit", args=[first.pk]),
        reverse("development:action_remove", args=[first.pk]),
    ):
        assert client.post(url, {"target": "x", "title": "x"}).status_code == 404, url
    assert PlanAction.objects.count() == 2
    client.force_login(team["users"]["atasan"])
    response = client.post(reverse("development:action_edit", args=[first.pk]), {"due_date": "bukan-tanggal"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "tanggal" in page.lower()
    response = client.post(
        reverse("development:goal_edit", args=[goal.pk]), {"target": "Naik satu tingkat"}, follow=True
    )
    assert "Sasaran diubah." in response.content.decode() and "Naik satu tingkat" in response.content.decode()
