import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

import pytest

from performance.supervision import selectors, services
from performance.supervision.models import AgreedAction, Appreciation, Dialogue, MeetingDecision, TeamMeeting
from portal import dates

pytestmark = pytest.mark.django_db


def _dialogue(team, **extra):
    today = dates.today()
    data = services.DialogueInput(
        held_on=extra.pop("held_on", today - dt.timedelta(days=1)),
        topics=extra.pop("topics", "Antrean loket"),
        next_date=extra.pop("next_date", today + dt.timedelta(days=1)),
        actions=extra.pop(
            "actions", [services.FollowUp("Daftar persyaratan", today + dt.timedelta(days=5), "employee")]
        ),
        **extra,
    )
    return services.dialogue_record(actor=team["users"]["atasan"], employee=team["employees"]["pegawai"], data=data)


def test_open_actions_carry_over_until_closed_in_a_later_dialogue(team):
    first = _dialogue(team, held_on=dates.today() - dt.timedelta(days=10))
    open_now = selectors.open_actions_of(team["employees"]["pegawai"])
    assert [a.description for a in open_now] == ["Daftar persyaratan"]
    second = _dialogue(team, topics="Tindak lanjut", actions=[], closed_action_ids=[open_now[0].pk])
    assert selectors.open_actions_of(team["employees"]["pegawai"]) == []
    closed = AgreedAction.objects.get()
    assert closed.dialogue == first and closed.closed_in == second and closed.done_at


def test_dialogue_bad_input_and_double_submit(team):
    today = dates.today()
    for extra, message in [
        ({"held_on": None}, "wajib"),
        ({"held_on": today + dt.timedelta(days=1)}, "masa depan"),
        ({"topics": " "}, "topik"),
        ({"next_date": today}, "setelah hari ini"),
        ({"actions": [services.FollowUp("X", today - dt.timedelta(days=1), "employee")]}, "masa lalu"),
        ({"actions": [services.FollowUp("X", today, "")]}, "penanggung jawab"),
    ]:
        with pytest.raises(ValidationError, match=message):
            _dialogue(team, **extra)
    assert Dialogue.objects.count() == 0
    _dialogue(team)
    _dialogue(team)
    assert Dialogue.objects.count() == 1 and AgreedAction.objects.count() == 1
    with pytest.raises(PermissionDenied):
        services.dialogue_record(
            actor=team["users"]["kasi.pmk"],
            employee=team["employees"]["pegawai"],
            data=services.DialogueInput(held_on=today, topics="x"),
        )


def test_employee_responds_once_and_others_get_404(team, client):
    d = _dialogue(team)
    me = team["users"]["pegawai"]
    client.force_login(me)
    own = reverse("supervision:my_dialogue", args=[d.pk])
    assert client.get(own).status_code == 200
    client.post(own, {"response": "Saya setuju."})
    client.post(own, {"response": "Diganti"})
    d.refresh_from_db()
    assert d.employee_response == "Saya setuju."
    staff = reverse("supervision:dialogue", args=[d.pk])
    for key, codes in {
        "atasan": (200, 404),
        "pimpinan": (200, 404),
        "admin": (200, 404),
        "pegawai": (404, 200),
        "pegawai2": (404, 404),
        "kasi.pmk": (404, 404),
        "pelatih": (404, 404),
    }.items():
        client.force_login(team["users"][key])
        assert (client.get(staff).status_code, client.get(own).status_code) == codes, key


def test_dialogue_tomorrow_notice_is_sent_once_even_when_the_task_runs_twice(team):
    from portal.notifications.models import Notification

    _dialogue(team)
    first = services.dialogue_reminders()
    second = services.dialogue_reminders()
    assert first == 2 and second == 0
    assert Notification.objects.filter(kind="supervision.dialogue_tomorrow").count() == 2


def test_meeting_decisions_carry_over_and_visibility(team, client):
    atasan = team["users"]["atasan"]
    supervisor = team["employees"]["pegawai"].supervisor
    members = services.meeting_team(supervisor)
    today = dates.today()
    pegawai = team["employees"]["pegawai"]
    first = services.meeting_record(
        actor=atasan,
        data=services.MeetingInput(
            held_on=today - dt.timedelta(days=7),
            agenda="Capaian",
            attendee_nips=[e.nip for e in members],
            decisions=[services.FollowUp("Catat manual", today + dt.timedelta(days=3), pegawai.nip)],
        ),
    )
    assert [d.description for d in selectors.open_decisions_of_unit(supervisor.unit_id)] == ["Catat manual"]
    with pytest.raises(ValidationError, match="tim Anda"):
        services.meeting_record(
            actor=atasan,
            data=services.MeetingInput(held_on=today, agenda="x", attendee_nips=[team["employees"]["pegawai2"].nip]),
        )
    second = services.meeting_record(
        actor=atasan,
        data=services.MeetingInput(
            held_on=today,
            agenda="Lanjutan",
            attendee_nips=[pegawai.nip],
            closed_decision_ids=[MeetingDecision.objects.get().pk],
        ),
    )
    assert selectors.open_decisions_of_unit(supervisor.unit_id) == []
    assert TeamMeeting.objects.count() == 2 and MeetingDecision.objects.get().closed_in == second
    counts = selectors.meetings_per_unit(start=today - dt.timedelta(days=30), end=today)
    assert counts == {supervisor.unit_id: 2}
    url = reverse("supervision:meeting", args=[first.pk])
    for key, code in {
        "atasan": 200,
        "pegawai": 200,
        "pimpinan": 200,
        "admin": 200,
        "pegawai2": 404,
        "kasi.pmk": 404,
        "pelatih": 404,
    }.items():
        client.force_login(team["users"][key])
        assert client.get(url).status_code == code, key


def test_appreciation_rules(team):
    pegawai = team["employees"]["pegawai"]
    with pytest.raises(ValidationError, match="BerAKHLAK"):
        services.appreciation_give(actor=team["users"]["atasan"], employee=pegawai, value_code="", message="Bagus")
    item = services.appreciation_give(
        actor=team["users"]["atasan"], employee=pegawai, value_code="kompeten", message="Bagus", show_on_team=True
    )
    again = services.appreciation_give(
        actor=team["users"]["atasan"], employee=pegawai, value_code="kompeten", message="Bagus", show_on_team=True
    )
    assert item == again and Appreciation.objects.count() == 1
    services.appreciation_give(actor=team["users"]["pimpinan"], employee=pegawai, value_code="loyal", message="Setia")
    for key in ("kasi.pmk", "pegawai2", "pelatih", "pegawai"):
        with pytest.raises(PermissionDenied):
            services.appreciation_give(actor=team["users"][key], employee=pegawai, value_code="loyal", message="x")
    assert [a.value_name for a in selectors.appreciations_of(pegawai)] == ["Loyal", "Kompeten"]
    assert [a.pk for a in selectors.team_appreciations([pegawai.pk])] == [item.pk]


def test_demo_seeders_are_idempotent(team):
    from performance.development.devdata import demo as development_demo
    from performance.development.models import DevelopmentPlan
    from performance.supervision.devdata import demo as supervision_demo

    for _run in range(2):
        plan = development_demo.seed()
        supervision_demo.seed()
    assert DevelopmentPlan.objects.count() == 1 and plan.status == "active"
    assert plan.goals.get().standard_code == "KPP"
    assert Dialogue.objects.count() == 1 and AgreedAction.objects.filter(done_at__isnull=True).count() == 1
    assert TeamMeeting.objects.count() == 1 and Appreciation.objects.count() == 1
    pegawai2 = team["employees"]["pegawai2"]
    assert not pegawai2.development_plans.exists() and not pegawai2.dialogues.exists()


def test_profile_shows_plan_dialogues_and_appreciation(team, client):
    from performance.development.devdata import demo as development_demo
    from performance.supervision.devdata import demo as supervision_demo

    development_demo.seed()
    supervision_demo.seed()
    pegawai = team["employees"]["pegawai"]
    client.force_login(team["users"]["pegawai"])
    own = client.get(reverse("dashboard:my_profile")).content.decode()
    for text in (
        "Rencana pengembangan",
        "Kualitas Pelayanan Publik",
        "Menunggu penilaian berikutnya",
        "Dialog kinerja",
        "Apresiasi",
        "Berorientasi Pelayanan",
        "menunggu konfirmasi Anda",
    ):
        assert text in own, text
    assert "Beri apresiasi" not in own
    client.force_login(team["users"]["atasan"])
    staff = client.get(reverse("dashboard:profile", args=[pegawai.nip])).content.decode()
    assert "Beri apresiasi" in staff and "Kelola rencana" in staff and "Catat dialog" in staff
    client.force_login(team["users"]["pegawai2"])
    empty = client.get(reverse("dashboard:my_profile")).content.decode()
    assert "Belum ada rencana pengembangan untuk Anda." in empty and "Belum ada apresiasi." in empty
