"""The team view: what a supervisor sees per member, sorting and filtering without JavaScript, row actions, who
may open it, and the same number of queries for 5 and 50 members."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from performance.development import services
from performance.supervision import services as sup_services
from portal import dates
from tests.performance.factories import employee

pytestmark = pytest.mark.django_db


def _add_members(team, n):
    boss = team["employees"]["pegawai"].supervisor
    User = get_user_model()
    start = boss.direct_reports.count()
    for i in range(start, start + n):
        user = User.objects.create_user(email=f"anggota{i}@walesi.test", password="x")
        member = employee(boss.unit, supervisor=boss, user=user, name=f"Anggota {i:03d}")
        if i % 2:
            sup_services.dialogue_record(
                actor=team["users"]["atasan"],
                employee=member,
                data=sup_services.DialogueInput(held_on=dates.today() - dt.timedelta(days=3), topics=f"Topik {i}"),
            )
        if i % 3 == 0:
            plan = services.plan_create(actor=team["users"]["atasan"], employee=member, period=team["periods"][-1])
            goal = services.goal_add(actor=team["users"]["atasan"], plan=plan, standard_code="INO", target="Naik")
            services.action_add(
                actor=team["users"]["atasan"], goal=goal, kind="coaching", title="B", due_date=plan.period.end_date
            )


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_team_view_query_count_is_the_same_for_5_and_50_members(team, client):
    atasan = team["users"]["atasan"]
    plan = services.plan_create(actor=atasan, employee=team["employees"]["pegawai"], period=team["periods"][-1])
    services.suggestion_apply(actor=atasan, plan=plan, standard_code="KPP")
    services.plan_activate(actor=atasan, plan=plan)
    sup_services.appreciation_give(
        actor=atasan, employee=team["employees"]["pegawai"], value_code="kompeten", message="Bagus", show_on_team=True
    )
    client.force_login(atasan)
    url = reverse("dashboard:team")
    _add_members(team, 5 - team["employees"]["pegawai"].supervisor.direct_reports.count())
    few, _html = _queries(client, url)
    _add_members(team, 45)
    many, html = _queries(client, url)
    assert team["employees"]["pegawai"].supervisor.direct_reports.count() == 50
    assert few == many <= 15, (few, many)
    assert html.count('class="card team-row"') == 50


def test_a_large_team_is_shown_50_to_a_page_sorted_across_the_whole_team(team, client):
    atasan = team["users"]["atasan"]
    boss = team["employees"]["pegawai"].supervisor
    _add_members(team, 56 - boss.direct_reports.count())
    client.force_login(atasan)
    url = reverse("dashboard:team")
    first, html = _queries(client, url + "?urut=dialog")
    assert html.count('class="card team-row"') == 50
    assert "Halaman 1 dari 2 · anggota 1–50 dari 56" in html
    assert 'href="?urut=dialog&amp;hal=2"' in html  # the next page keeps the sort
    second, html2 = _queries(client, url + "?urut=dialog&hal=2")
    assert html2.count('class="card team-row"') == 6 and "anggota 51–56 dari 56" in html2
    assert first == second
    # sorted across the team: the longest without a dialogue (never) come first, those with one on page 2
    assert "Dialog terakhir" in html2 and html.count("belum pernah") > html2.count("belum pernah")
    # a page number that does not exist shows the last page, and the filter narrows before paging
    assert client.get(url + "?urut=dialog&hal=99").content.decode().count('class="card team-row"') == 6
    html3 = client.get(url + "?saring=tanpa-dialog").content.decode()
    assert "Halaman" not in html3 and "Anggota 001" not in html3


def test_team_view_shows_what_to_act_on_and_sorts_and_filters(team, client):
    atasan = team["users"]["atasan"]
    pegawai = team["employees"]["pegawai"]
    plan = services.plan_create(actor=atasan, employee=pegawai, period=team["periods"][-1])
    services.suggestion_apply(actor=atasan, plan=plan, standard_code="KPP")
    services.plan_activate(actor=atasan, plan=plan)
    sup_services.dialogue_record(
        actor=atasan, employee=pegawai, data=sup_services.DialogueInput(held_on=dates.today(), topics="Loket")
    )
    sup_services.appreciation_give(
        actor=atasan, employee=pegawai, value_code="kompeten", message="Sabar melayani", show_on_team=True
    )
    client.force_login(atasan)
    html = client.get(reverse("dashboard:team")).content.decode()
    row = html[html.index("Yosina Wenda") :]
    row = row[: row.index("</li>")]
    for text in (
        "Orientasi",
        "JP tahun ini",
        "/ 20",
        "Predikat terakhir",
        "Aktif",
        "Dialog terakhir",
        "Sabar melayani",
    ):
        assert text in row, text
    for url in (
        reverse("development:member_plans", args=[pegawai.nip]),
        reverse("supervision:member_dialogues", args=[pegawai.nip]),
        reverse("dashboard:profile", args=[pegawai.nip]),
        reverse("development:assign") + f"?nip={pegawai.nip}",
    ):
        assert url in row, url
    with_plan = client.get(reverse("dashboard:team"), {"saring": "tanpa-rencana"}).content.decode()
    assert "Yosina Wenda" not in with_plan and "Belum punya rencana aktif" in with_plan
    by_dialogue = client.get(reverse("dashboard:team"), {"urut": "dialog"}).content.decode()
    others = [e.full_name for e in pegawai.supervisor.direct_reports.exclude(pk=pegawai.pk)]
    assert by_dialogue.index(others[0]) < by_dialogue.index("Yosina Wenda")  # never had a dialogue: first


def test_who_opens_the_team_view(team, client):
    url = reverse("dashboard:team")
    for key, code in {"atasan": 200, "pimpinan": 200, "kasi.pmk": 200, "pegawai": 403, "pelatih": 403}.items():
        client.force_login(team["users"][key])
        assert client.get(url).status_code == code, key
    client.force_login(team["users"]["kasi.pmk"])
    assert "Yosina Wenda" not in client.get(url).content.decode()
    client.force_login(team["users"]["pimpinan"])
    assert "Yosina Wenda" in client.get(url, {"lingkup": "unit"}).content.decode()


def test_in_name_order_only_the_pages_rows_are_built(team, client, monkeypatch):
    """The default order needs none of the rows' figures: the team is counted and only the shown page built, so
    a leader's 300 people cost 50 rows. Sorted or filtered by a figure, every row is built before paging."""
    from performance.dashboard import team_view

    boss = team["employees"]["pegawai"].supervisor
    _add_members(team, 56 - boss.direct_reports.count())
    built = []
    real = team_view.team_rows

    def counting(*args, **kwargs):
        rows = real(*args, **kwargs)
        built.append(len(rows))
        return rows

    monkeypatch.setattr(team_view, "team_rows", counting)
    client.force_login(team["users"]["atasan"])
    url = reverse("dashboard:team")
    names = []
    for query in ("", "?hal=2"):
        html = client.get(url + query).content.decode()
        names += [n for n in (f"Anggota {i:03d}" for i in range(60)) if n in html]
    assert built == [50, 6]
    assert "Halaman 2 dari 2 · anggota 51–56 dari 56" in html and "Tugaskan kursus ke beberapa anggota" in html
    # the two pages together list the team once, in name order
    in_order = [n for n in (f"Anggota {i:03d}" for i in range(60))]
    assert names == [n for n in in_order if n in names] and len(names) == len(set(names))
    built.clear()
    client.get(url + "?urut=jp&hal=2")
    assert built == [56]
