"""The dashboard's figures against a hand-made small organisation (tests/adoption/conftest.py): every figure
(plans, dialogues, meetings, IKM, readiness included), the five-step funnel, the distribution flags with few
assessed, scope, snapshots idempotent per day and read for past weeks, constant queries."""

import datetime as dt
from decimal import Decimal

from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from learning.models import Enrollment
from performance.adoption import selectors, services
from performance.adoption.models import UnitSnapshot
from performance.campaigns.models import Campaign

from .factories import TODAY, grow

pytestmark = pytest.mark.django_db


def test_every_figure_for_hr(org, django_assert_max_num_queries):
    f = selectors.dashboard_filters(org["hr"], today=TODAY)
    assert (f.period, f.previous_period, f.campaign) == (org["q4"], org["q3"], org["campaign"])
    # people per unit, plans/dialogues/meetings (one UNION), the survey's periods and sums, readiness, the trend's
    # snapshots
    with django_assert_max_num_queries(6):
        data = selectors.adoption_overview(f, today=TODAY)
    s = data["summary"]
    assert (s["headcount"], s["reached"], s["enrolled"], s["started"], s["completed"]) == (7, 5, 4, 3, 2)
    assert (s["reached_percent"], s["enrolled_percent"], s["completed_percent"]) == (71, 57, 29)
    assert s["score_avg"] == Decimal("85.0")
    assert s["jp_avg"] == Decimal("5.1")  # 36 JP / 7
    assert (s["jp_met"], s["jp_met_percent"]) == (1, 14)
    assert s["distribution"] == {1: 0, 2: 3, 3: 1, 4: 0, 5: 0}
    # 4 of 7 assessed: no "Baik 75%" flag, and the share assessed is said
    assert (s["judgement"].judged, s["judgement"].flags, s["judgement"].assessed_percent) == (False, [], 57)
    assert [r["name"] for r in data["rows"]] == ["Unit D"]  # the top of the tree
    # no snapshots yet: past weeks are unknown (never invented), this week is live
    assert [w["reached"] for w in data["trend"]] == [None] * 11 + [5]
    assert all(w["completions"] is None for w in data["trend"])


def test_funnel_five_steps_with_counts_and_percents(org):
    s = selectors.adoption_overview(selectors.dashboard_filters(org["hr"], today=TODAY), today=TODAY)["summary"]
    # reached: head, p0, p1, p2, other; enrolled of those: p0, p1, p2; completed: p0, p1; in a plan: p0 (p2's
    # completed plan does not count, p2 did not complete the course); improved: p0 (other improved, not enrolled)
    assert [(r["key"], r["n"], r["percent"], r["of_previous"]) for r in s["funnel"]] == [
        ("reached", 5, 71, 71),
        ("enrolled", 3, 43, 60),
        ("completed", 2, 29, 67),
        ("in_plan", 1, 14, 50),
        ("improved", 1, 14, 100),
    ]
    # the plain figures beside the funnel: everyone with a plan, everyone improved
    assert (s["in_plan"], s["in_plan_percent"], s["improved"]) == (2, 29, 2)


def test_funnel_without_a_previous_period_or_a_campaign(org):
    f = selectors.dashboard_filters(org["hr"], period_id=org["q3"].pk, today=TODAY)
    assert f.previous_period is None
    assert [r["key"] for r in selectors.adoption_overview(f, today=TODAY)["summary"]["funnel"]] == [
        "reached",
        "enrolled",
        "completed",
        "in_plan",
    ]
    f.campaign = None
    assert [r["key"] for r in selectors.adoption_overview(f, today=TODAY)["summary"]["funnel"]] == [
        "reached",
        "in_plan",
    ]


def test_plans_dialogues_and_meetings_of_the_period_per_unit(org):
    f = selectors.dashboard_filters(org["hr"], unit_id=org["root"].pk, today=TODAY)
    data = selectors.adoption_overview(f, today=TODAY)
    s = data["summary"]
    assert (s["plans_active"], s["plans_completed"], s["dialogues"], s["meetings"]) == (1, 1, 3, 2)
    rows = {r["name"]: r for r in data["rows"]}
    assert (rows["Unit D.A"]["plans_active"], rows["Unit D.A"]["dialogues"], rows["Unit D.A"]["meetings"]) == (1, 2, 2)
    assert (rows["Unit D.B"]["plans_active"], rows["Unit D.B"]["dialogues"], rows["Unit D.B"]["meetings"]) == (0, 1, 0)
    f = selectors.dashboard_filters(org["hr"], unit_id=org["a"].pk, today=TODAY)
    rows = {r["name"]: r for r in selectors.adoption_overview(f, today=TODAY)["rows"]}
    assert rows["Unit D.A"]["own_staff"] and rows["Unit D.A"]["meetings"] == 1  # its own meeting, not D.A.1's
    assert (rows["Unit D.A.1"]["plans_active"], rows["Unit D.A.1"]["plans_completed"]) == (1, 1)
    assert (rows["Unit D.A.1"]["dialogues"], rows["Unit D.A.1"]["meetings"]) == (2, 1)
    # Q3: other's plan, p3's dialogue of 30 Sep, D.A's July meeting
    f = selectors.dashboard_filters(org["hr"], period_id=org["q3"].pk, today=TODAY)
    s = selectors.adoption_overview(f, today=TODAY)["summary"]
    assert (s["plans_active"], s["plans_completed"], s["dialogues"], s["meetings"]) == (1, 0, 1, 1)


def test_ikm_and_band_of_the_units_survey(org):
    f = selectors.dashboard_filters(org["hr"], unit_id=org["root"].pk, today=TODAY)
    data = selectors.adoption_overview(f, today=TODAY)
    assert data["survey_periods"] == [org["survey_q4"].name]
    rows = {r["name"]: r for r in data["rows"]}
    assert rows["Unit D.A"]["ikm"] == Decimal("87.50") and rows["Unit D.A"]["ikm_band"].letter == "B"
    assert rows["Unit D.A"]["survey"].responses == 2
    assert rows["Unit D.B"]["survey"] is None and rows["Unit D.B"]["ikm"] is None  # "belum ada data", not 0
    assert data["summary"]["ikm"] == Decimal("87.50")
    # Q3 chooses the Q3 survey: D.B answered all 1 (IKM 25.00, mutu D), D.A.1 had no answer then
    f = selectors.dashboard_filters(org["hr"], unit_id=org["root"].pk, period_id=org["q3"].pk, today=TODAY)
    rows = {r["name"]: r for r in selectors.adoption_overview(f, today=TODAY)["rows"]}
    assert rows["Unit D.B"]["ikm"] == Decimal("25.00") and rows["Unit D.B"]["ikm_band"].letter == "D"
    assert rows["Unit D.A"]["survey"] is None


def test_readiness_only_where_the_pulse_shows_it(org, pulse):
    f = selectors.dashboard_filters(org["hr"], today=TODAY)
    data = selectors.adoption_overview(f, today=TODAY)
    assert data["pulse"]["title"] == "Pulse uji"
    assert data["summary"]["readiness"]["index"] == pytest.approx(3.6)  # (4 + 4 + 3 + 5 + 2) / 5
    assert data["rows"][0]["readiness"]["index"] == pytest.approx(3.6)
    f = selectors.dashboard_filters(org["hr"], unit_id=org["root"].pk, today=TODAY)
    rows = {r["name"]: r for r in selectors.adoption_overview(f, today=TODAY)["rows"]}
    assert rows["Unit D.A"]["readiness"]["index"] == pytest.approx(3.6)  # five of its six answered
    assert rows["Unit D.B"]["readiness"] is None  # one person: folded into D by the pulse, no figure of its own
    f = selectors.dashboard_filters(org["hr"], unit_id=org["a"].pk, today=TODAY)
    data = selectors.adoption_overview(f, today=TODAY)
    rows = {r["name"]: r for r in data["rows"]}
    assert rows["Unit D.A.1"]["readiness"]["index"] == pytest.approx(3.6)
    assert rows["Unit D.A"]["readiness"] is None  # the own-staff row: the pulse's figure is of the subtree
    assert data["summary"]["readiness"]["index"] == pytest.approx(3.6)
    # the leader of D.B: nothing of the pulse reaches them (D.B is no group of its own, D is not theirs)
    f = selectors.dashboard_filters(org["leader"], today=TODAY)
    data = selectors.adoption_overview(f, today=TODAY)
    assert all(r["readiness"] is None for r in [data["summary"], *data["rows"]]) and data["pulse"] is None


def test_readiness_below_the_threshold_has_no_index(org, pulse):
    # the pulse hides D.A.1 once one of its five answers is gone (four < five): the snapshot keeps no index
    from performance.adoption.models import UnitSnapshot

    UnitSnapshot.objects.all().delete()
    from performance.pulse.models import PulseAnswer

    PulseAnswer.objects.filter(pulse=pulse, unit=org["a1"]).first().delete()
    services.snapshots_take()
    f = selectors.dashboard_filters(org["hr"], unit_id=org["a"].pk, today=TODAY)
    rows = {r["name"]: r for r in selectors.adoption_overview(f, today=TODAY)["rows"]}
    assert rows["Unit D.A.1"]["readiness"] in (None, {"index": None})
    assert not UnitSnapshot.objects.filter(unit=org["a1"], readiness__isnull=False).exists()


def test_drill_down_and_the_unit_own_staff(org):
    f = selectors.dashboard_filters(org["hr"], unit_id=org["a"].pk, today=TODAY)
    data = selectors.adoption_overview(f, today=TODAY)
    rows = {r["name"]: r for r in data["rows"]}
    assert rows["Unit D.A"]["own_staff"] and rows["Unit D.A"]["headcount"] == 1
    assert (rows["Unit D.A.1"]["headcount"], rows["Unit D.A.1"]["completed"]) == (5, 2)
    assert data["summary"]["headcount"] == 6


def test_lists_share_the_count_definition(org):
    f = selectors.dashboard_filters(org["hr"], today=TODAY)
    ids = selectors.adoption_overview(f, today=TODAY)["scope_ids"]
    names = [e.full_name for e in selectors.not_started(f, ids, today=TODAY)]
    assert sorted(names) == ["Kepala", "Orang 3", "Orang B", "Tanpa akun"]
    listed = {e.full_name: e.pred for e in selectors.people(f, ids, today=TODAY)}
    assert sum(1 for p in listed.values() if p) == 4 and listed["Orang 0"] == 2 and listed["Orang 2"] == 3


def test_scope_leader_sees_only_their_unit_and_asn_gets_404(org):
    f = selectors.dashboard_filters(org["leader"], today=TODAY)
    data = selectors.adoption_overview(f, today=TODAY)
    assert data["summary"]["headcount"] == 1 and [r["name"] for r in data["rows"]] == ["Unit D.B"]
    s = data["summary"]  # D.B's own figures only: other's dialogue, no plan in Q4, no meeting, no IKM
    assert (s["dialogues"], s["plans_active"], s["meetings"], s["survey"], s["improved"]) == (1, 0, 0, None, 1)
    with pytest.raises(Http404):
        selectors.dashboard_filters(org["leader"], unit_id=org["a"].pk, today=TODAY)
    with pytest.raises(Http404):
        selectors.dashboard_filters(org["people"][0].user, today=TODAY)


def test_same_query_count_at_two_sizes(org, pulse):
    f = selectors.dashboard_filters(org["hr"], today=TODAY)
    with CaptureQueriesContext(connection) as small:
        selectors.adoption_overview(f, today=TODAY)
    grow(org, 30)
    with CaptureQueriesContext(connection) as big:
        data = selectors.adoption_overview(f, today=TODAY)
    assert len(small) == len(big)
    assert data["summary"]["plans_active"] == 31  # the growth is counted, not just survived


def test_snapshots_once_per_day_and_read_for_past_weeks(org):
    made = services.snapshots_take(day=dt.date(2026, 11, 20))
    assert made == UnitSnapshot.objects.count() > 0
    assert services.snapshots_take(day=dt.date(2026, 11, 20)) == 0
    assert services.snapshots_take(day=dt.date(2026, 11, 27)) == made
    # later edits do not rewrite history: the snapshot of 27 Nov still says 2 completed
    Enrollment.objects.filter(user=org["people"][2].user).update(status="completed", completed_at=timezone.now())
    f = selectors.dashboard_filters(org["hr"], today=TODAY)
    trend = selectors.adoption_overview(f, today=TODAY)["trend"]
    by_week = {w["week"]: w for w in trend}
    assert by_week[dt.date(2026, 11, 16)]["reached"] == 5
    assert by_week[dt.date(2026, 11, 16)]["completions"] is None  # no snapshot the week before
    assert by_week[dt.date(2026, 11, 23)]["completions"] == 0
    assert by_week[dt.date(2026, 11, 30)]["completions"] == 1  # this week: live 3 minus the snapshot's 2
    assert all(isinstance(w["completions_h"], float) for w in trend)


def test_snapshot_holds_the_period_figures(org):
    services.snapshots_take(day=dt.date(2026, 11, 20))
    rows = UnitSnapshot.objects.filter(day=dt.date(2026, 11, 20), course_key=0)
    by_unit = {r.unit_id: r for r in rows}
    a1, b = by_unit[org["a1"].pk], by_unit[org["b"].pk]
    assert a1.period == org["q4"] and a1.assessed == 3 and a1.in_plan == 2 and a1.improved == 1
    assert (a1.plans_active, a1.plans_completed, a1.dialogues, a1.meetings) == (1, 1, 2, 1)
    assert (b.assessed, b.in_plan, b.improved, b.dialogues, b.meetings) == (1, 0, 1, 1, 0)
    # the same period figures in the campaign course's rows
    course_row = UnitSnapshot.objects.get(day=dt.date(2026, 11, 20), unit=org["a1"], course_key=org["course"].pk)
    assert (course_row.completed, course_row.in_plan, course_row.dialogues) == (2, 2, 2)


def test_notify_supervisors_of_not_started(org, mailoutbox, django_capture_on_commit_callbacks):
    f = selectors.dashboard_filters(org["hr"], today=TODAY)
    ids = selectors.adoption_overview(f, today=TODAY)["scope_ids"]
    with django_capture_on_commit_callbacks(execute=True):
        told = services.notify_supervisors_of_not_started(actor=org["hr"], filters=f, unit_ids=ids)
    assert told == 1  # the head supervises "Orang 3" (the others without a started course have no supervisor)
    assert [m.to for m in mailoutbox] == [["kepala@x.test"]]


def test_each_persons_figures_are_computed_once_per_row(org):
    """The grouped query computes a person's JP, predikat (this and the previous period), score and plan once in
    its inner query, each table joined once (the year's JP totals, not the ledger summed per person), and counts
    the figures over those rows, with the same figures per unit as the hand-made organisation; no unit costs no
    query."""
    f = selectors.dashboard_filters(org["hr"], today=TODAY)
    scope = [pk for root in selectors._children(f.units)[None] for pk in selectors.subtree(f.units, root)]
    with CaptureQueriesContext(connection) as ctx:
        per_unit = selectors.figures_by_unit(f, scope, TODAY)
    (query,) = ctx.captured_queries
    sql = query["sql"].lower()
    assert sql.count("learning_jpledgerentry") == 0
    assert sql.count("learning_jpyeartotal") == 1
    assert sql.count("learning_enrollment") == 1  # enrolled, started and completed from one join
    assert sql.count("learning_coursecompletion") == 1
    assert sql.count("performance_assessment") == 2  # this period and the previous one
    assert sql.count("development_developmentplan") == 1
    total = {key: sum(u[key] or 0 for u in per_unit.values()) for key in ("headcount", "jp_met", "improved")}
    assert total == {"headcount": 7, "jp_met": 1, "improved": 2}
    assert sum(u["jp_total"] for u in per_unit.values()) == Decimal("36")
    assert [sum(u[f"f_{key}"] for u in per_unit.values()) for key in selectors.funnel_keys(f)] == [5, 3, 2, 1, 1]
    with CaptureQueriesContext(connection) as none:
        assert selectors.figures_by_unit(f, [], TODAY) == {}
    assert len(none) == 0


def test_joined_and_per_row_figures_agree_person_by_person(org):
    """The grouped query's joins and the people list's per-row subqueries are two ways to one definition: every
    person's figures are the same either way (with and without a campaign)."""
    columns = ["pk", "reached_flag", "lr_enrolled", "lr_started", "lr_completed", "lr_score", "lr_jp"]
    columns += ["pred", "pred_prev", "has_plan"]
    for campaign in (org["campaign"], None):
        f = selectors.dashboard_filters(org["hr"], today=TODAY)
        f.campaign = campaign
        scope = list(f.units)
        rows = {}
        for joined in (False, True):
            qs = selectors.annotated_employees(f, scope, TODAY, joined=joined).values(*columns).order_by("pk")
            flags = {"reached_flag", "lr_enrolled", "lr_started", "lr_completed", "has_plan"}
            rows[joined] = [{k: bool(v) if k in flags else v for k, v in r.items()} for r in qs]
        assert len(rows[True]) == 7
        assert rows[True] == rows[False]


def test_a_campaign_above_the_leaders_units_is_theirs_to_follow_on_their_units_only(org):
    """The district's onboarding campaign set on D covers a leader of D.B; a campaign of the sibling D.A does not."""
    sibling = Campaign.objects.create(
        name="Hanya D.A", course=org["course"], unit=org["a"], due_date=dt.date(2026, 12, 31)
    )
    f = selectors.dashboard_filters(org["leader"], today=TODAY)
    assert f.campaign == org["campaign"] and sibling not in f.campaigns
    data = selectors.adoption_overview(f, today=TODAY)
    assert (data["summary"]["headcount"], data["summary"]["enrolled"]) == (1, 0)  # D.B's one person, not D.A's four
    with pytest.raises(Http404):
        selectors.dashboard_filters(org["leader"], campaign_id=sibling.pk, today=TODAY)
