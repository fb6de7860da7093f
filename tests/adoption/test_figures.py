"""The dashboard's figures against a hand-made small organisation: every figure, the funnel, the distribution
flags with few assessed, scope, snapshots idempotent per day and read for past weeks, constant queries."""

import datetime as dt
from decimal import Decimal

from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from learning.models import CourseCompletion, Enrollment, JPLedgerEntry
from performance.adoption import selectors, services
from performance.adoption.models import UnitSnapshot
from performance.campaigns.models import Campaign
from performance.models import Assessment
from portal.roles import Role
from tests.campaigns.factories import scope, user
from tests.learning.factories import make_course
from tests.performance import factories as pf

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 1)
NOW = timezone.make_aware(dt.datetime(2026, 11, 20, 10, 0))


def _assess(emp, period, predikat):
    Assessment.objects.create(
        employee=emp,
        period=period,
        assessor=emp.supervisor or emp,
        status="submitted",
        is_current=True,
        hasil_kerja=2,
        perilaku_kerja=2,
        predikat=predikat,
        submitted_at=NOW,
    )


@pytest.fixture
def org(demo_site):
    root = pf.unit("D", kind="dinas")
    a, b = pf.unit("D.A", parent=root), pf.unit("D.B", parent=root)
    a1 = pf.unit("D.A.1", parent=a)
    course = make_course("orientasi")
    hr = user("hr@x.test", Role.ADMIN_KEPEGAWAIAN)
    campaign = Campaign.objects.create(name="Orientasi", course=course, unit=root, due_date=dt.date(2026, 12, 31))
    q3 = pf.period("TRIWULAN_III", status="closed")
    q4 = pf.period("TRIWULAN_IV")
    pf.period("TRIWULAN_I", year=2027, status="closed")  # HR created next year's already: never the default
    head = pf.employee(a, user=user("kepala@x.test"), name="Kepala")
    people = []
    for i in range(4):  # D.A.1: four people
        people.append(pf.employee(a1, supervisor=head, user=user(f"p{i}@x.test"), name=f"Orang {i}"))
    other = pf.employee(b, user=user("b@x.test"), name="Orang B")
    pf.employee(a1, name="Tanpa akun")  # headcount, never reached
    pf.employee(a1, user=user("nonaktif@x.test"), name="Nonaktif", active=False)  # not counted anywhere
    # reached: head, p0, p1, p2, other
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(
        email__in=["kepala@x.test", "p0@x.test", "p1@x.test", "p2@x.test", "b@x.test"]
    ).update(last_login=NOW)
    # enrolled: p0 (completed 80, 12 JP), p1 (completed 90, 24 JP), p2 (started), p3 (enrolled, never reached)
    for emp, status in [
        (people[0], "completed"),
        (people[1], "completed"),
        (people[2], "in_progress"),
        (people[3], "enrolled"),
    ]:
        e = Enrollment.objects.create(
            user=emp.user,
            course=course,
            source="campaign",
            status=status,
            started_at=NOW if status != "enrolled" else None,
            completed_at=NOW if status == "completed" else None,
        )
        if status == "completed":
            score, jp = (Decimal(80), Decimal(12)) if emp is people[0] else (Decimal(90), Decimal(24))
            c = CourseCompletion.objects.create(
                user=emp.user, course=course, enrollment=e, course_title="x", completed_at=NOW, score=score, jp=jp
            )
            JPLedgerEntry.objects.create(user=emp.user, year=2026, jp=jp, course=course, completion=c, description="x")
    # predikat: p0 improved (3 -> 2), p1 same (2 -> 2); Q4 has 2 of 7 assessed
    _assess(people[0], q3, 3)
    _assess(people[0], q4, 2)
    _assess(people[1], q3, 2)
    _assess(people[1], q4, 2)
    leader = user("pimpinan-b@x.test", Role.PIMPINAN)
    scope(leader, b)
    return locals()


def test_every_figure_for_hr(org, django_assert_max_num_queries):
    f = selectors.dashboard_filters(org["hr"], today=TODAY)
    assert (f.period, f.previous_period, f.campaign) == (org["q4"], org["q3"], org["campaign"])
    with django_assert_max_num_queries(2):
        data = selectors.adoption_overview(f, today=TODAY)
    s = data["summary"]
    assert (s["headcount"], s["reached"], s["enrolled"], s["started"], s["completed"]) == (7, 5, 4, 3, 2)
    assert (s["reached_percent"], s["enrolled_percent"], s["completed_percent"]) == (71, 57, 29)
    assert s["score_avg"] == Decimal("85.0")
    assert s["jp_avg"] == Decimal("5.1")  # 36 JP / 7
    assert (s["jp_met"], s["jp_met_percent"]) == (1, 14)
    assert s["distribution"] == {1: 0, 2: 2, 3: 0, 4: 0, 5: 0}
    # 2 of 7 assessed: no "Baik 100%" flag, and the share assessed is said
    assert (s["judgement"].judged, s["judgement"].flags, s["judgement"].assessed_percent) == (False, [], 29)
    assert [(r["key"], r["n"], r["percent"]) for r in s["funnel"]] == [
        ("reached", 5, 71),
        ("enrolled", 3, 43),
        ("completed", 2, 29),
        ("improved", 1, 14),
    ]
    assert [r["name"] for r in data["rows"]] == ["Unit D"]  # the top of the tree
    assert sum(w["completions"] or 0 for w in data["trend"]) == 0  # no snapshots yet: past weeks empty


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
    assert sum(1 for p in listed.values() if p) == 2 and listed["Orang 0"] == 2


def test_scope_leader_sees_only_their_unit_and_asn_gets_404(org):
    f = selectors.dashboard_filters(org["leader"], today=TODAY)
    data = selectors.adoption_overview(f, today=TODAY)
    assert data["summary"]["headcount"] == 1 and [r["name"] for r in data["rows"]] == ["Unit D.B"]
    with pytest.raises(Http404):
        selectors.dashboard_filters(org["leader"], unit_id=org["a"].pk, today=TODAY)
    with pytest.raises(Http404):
        selectors.dashboard_filters(org["people"][0].user, today=TODAY)


def test_same_query_count_at_two_sizes(org):
    f = selectors.dashboard_filters(org["hr"], today=TODAY)
    with CaptureQueriesContext(connection) as small:
        selectors.adoption_overview(f, today=TODAY)
    for i in range(30):
        pf.employee(org["a1"], user=user(f"extra{i}@x.test"))
    with CaptureQueriesContext(connection) as big:
        selectors.adoption_overview(f, today=TODAY)
    assert len(small) == len(big)


def test_snapshots_once_per_day_and_read_for_past_weeks(org):
    made = services.snapshots_take(day=dt.date(2026, 11, 20))
    assert made == UnitSnapshot.objects.count() > 0
    assert services.snapshots_take(day=dt.date(2026, 11, 20)) == 0
    # later edits do not rewrite history: the snapshot of 20 Nov still says 2 completed
    Enrollment.objects.filter(user=org["people"][2].user).update(status="completed", completed_at=timezone.now())
    f = selectors.dashboard_filters(org["hr"], today=TODAY)
    trend = selectors.adoption_overview(f, today=TODAY)["trend"]
    by_week = {w["week"]: w for w in trend}
    assert by_week[dt.date(2026, 11, 16)]["reached"] == 5
    assert by_week[dt.date(2026, 11, 30)]["completions"] == 1  # this week: live 3 minus the snapshot's 2
    assert all(isinstance(w["completions_h"], float) for w in trend)


def test_notify_supervisors_of_not_started(org, mailoutbox, django_capture_on_commit_callbacks):
    f = selectors.dashboard_filters(org["hr"], today=TODAY)
    ids = selectors.adoption_overview(f, today=TODAY)["scope_ids"]
    with django_capture_on_commit_callbacks(execute=True):
        told = services.notify_supervisors_of_not_started(actor=org["hr"], filters=f, unit_ids=ids)
    assert told == 1  # the head supervises "Orang 3" (the others without a started course have no supervisor)
    assert [m.to for m in mailoutbox] == [["kepala@x.test"]]
