"""Scale data of campaigns and adoption (campaign enrolments, sign-ins, snapshots of past weeks), the bulk
assignment service, the COPY-or-bulk_create writer, and the bench's per-size budgets."""

import datetime as dt

from django.contrib.auth import get_user_model

import pytest

from bench.cases import BenchCall, budget_for, from_plain
from learning.models import Enrollment
from learning.services import enrollment_create, enrollments_assign_many
from performance.adoption.models import UnitSnapshot
from performance.campaigns.devdata.scale import NAME
from performance.campaigns.models import Campaign
from performance.devdata.scale import SCALE_PREFIX
from portal import dates
from tests.campaigns.factories import user
from tests.learning.factories import make_course

pytestmark = pytest.mark.django_db

BUILDERS = [
    "performance.devdata.scale.build_scale_org",
    "performance.campaigns.devdata.scale.build_scale_campaign",
    "performance.adoption.devdata.scale.build_scale_adoption",
]


def test_scale_data_has_the_campaign_sign_ins_and_snapshots(demo_site, settings):
    from learning.devdata.scale import SCALE_EMAIL_DOMAIN, generate

    settings.PORTAL_SCALE_BUILDERS = BUILDERS
    generate(12, seed=2)
    campaign = Campaign.objects.get(name=NAME)
    assert campaign.unit.code == SCALE_PREFIX and campaign.course.slug == "skala-01"
    learners = get_user_model().objects.filter(email__endswith="@" + SCALE_EMAIL_DOMAIN)
    covered = Enrollment.objects.filter(course=campaign.course, user__in=learners)
    assert covered.count() == 12
    # self-enrolments that were not completed became the campaign's; completed ones stay as they were
    assert not covered.filter(source="self").exclude(status="completed").exists()
    reached = learners.filter(last_login__isnull=False).count()
    assert 0 < reached < 12
    today = dates.today()
    days = set(UnitSnapshot.objects.filter(unit__code__startswith=SCALE_PREFIX).values_list("day", flat=True))
    assert today in days and len(days) == 9 and all(d.weekday() == 6 for d in days - {today})
    keys = set(UnitSnapshot.objects.filter(day=today).values_list("course_key", flat=True))
    assert campaign.course_id in keys
    before = UnitSnapshot.objects.count(), reached
    generate(12, seed=2)  # idempotent at the same size
    assert (UnitSnapshot.objects.count(), learners.filter(last_login__isnull=False).count()) == before
    assert covered.count() == 12 and Campaign.objects.filter(name=NAME).count() == 1


def test_assign_many_matches_enrollment_create(demo_site):
    course = make_course("massal")
    fresh, self_open, self_done, assigned = (user(f"m{i}@x.test") for i in range(4))
    due = dt.date(2030, 1, 31)
    enrollment_create(user=self_open, course=course)
    done = enrollment_create(user=self_done, course=course)
    Enrollment.objects.filter(pk=done.pk).update(
        status="completed", completed_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    )
    enrollment_create(user=assigned, course=course, source="assigned", due_date=dt.date(2030, 1, 1))
    ids = [fresh.pk, self_open.pk, self_done.pk, assigned.pk]
    assert enrollments_assign_many(user_ids=ids, course=course, source="campaign", due_date=due) == 2
    rows = {e.user_id: e for e in Enrollment.objects.filter(course=course)}
    assert (rows[fresh.pk].source, rows[fresh.pk].due_date) == ("campaign", due)
    assert (rows[self_open.pk].source, rows[self_open.pk].due_date) == ("campaign", due)
    assert (rows[self_done.pk].source, rows[self_done.pk].due_date) == ("self", None)
    assert (rows[assigned.pk].source, rows[assigned.pk].due_date) == ("assigned", dt.date(2030, 1, 1))  # earlier
    assert enrollments_assign_many(user_ids=ids, course=course, source="campaign", due_date=due) == 0


def test_insert_rows_writes_plain_tuples(demo_site):
    from portal.db import insert_rows

    course = make_course("baris")
    a, b = user("r1@x.test"), user("r2@x.test")
    now = dates.now()
    columns = [
        "user_id",
        "course_id",
        "source",
        "due_date",
        "assigned_by_id",
        "status",
        "enrolled_at",
        "started_at",
        "completed_at",
    ]
    rows = [(u.pk, course.pk, "self", None, None, "enrolled", now, None, None) for u in (a, b)]
    assert insert_rows(Enrollment, columns, rows) == 2
    assert set(Enrollment.objects.filter(course=course).values_list("user_id", flat=True)) == {a.pk, b.pk}
    assert insert_rows(Enrollment, columns, []) == 0


@pytest.mark.parametrize(
    ("budget", "learners", "largest", "beyond", "expected"),
    [
        (300, 5000, True, True, 300),
        (300, 200, False, True, None),
        ({5000: 300, 50000: 500}, 200, False, True, 300),
        ({5000: 300, 50000: 500}, 5000, False, True, 300),
        ({5000: 300, 50000: 500}, 50000, True, True, 500),
        ({5000: 100}, 50000, True, True, 100),
        ({5000: 60}, 50000, True, False, None),
        (None, 5000, True, True, None),
    ],
)
def test_budget_for_a_size(budget, learners, largest, beyond, expected):
    assert budget_for(budget, learners, largest=largest, beyond=beyond) == expected


def test_bench_cases_of_campaigns_and_adoption_carry_their_budgets(settings):
    from bench.runner import _sizes, load_cases

    settings.PORTAL_BENCH_MODULES = ["performance.adoption.devdata.bench", "performance.campaigns.devdata.bench"]
    cases = {c.name: c for c in load_cases()}
    assert cases["adoption.pimpinan_whole_scope"].p95_ms == {5000: 300, 50000: 500}
    assert cases["adoption.pimpinan_one_unit"].p95_ms == {5000: 100, 50000: 100}
    assert cases["campaigns.progress_one_unit"].p95_ms == {5000: 100, 50000: 100}
    assert cases["campaigns.progress"].same_queries
    snap = cases["adoption.snapshots_nightly"]
    assert isinstance(snap, BenchCall) and snap.every_size and snap.max_seconds == {5000: 60}
    assert isinstance(from_plain({"name": "x", "kind": "call", "run": print}), BenchCall)

    class Args:
        sizes = "province,default"
        learners = ""

    assert _sizes(Args) == [("default", 5000), ("province", 50000)]


def test_course_report_budget_holds_at_5000_and_50000_is_measured_only(settings):
    from bench.runner import load_cases

    settings.PORTAL_BENCH_MODULES = ["learning.devdata.bench"]
    case = {c.name: c for c in load_cases()}["learning: course analytics"]
    assert budget_for(case.p95_ms, 5000, largest=False, beyond=case.budget_beyond) == 300
    assert budget_for(case.p95_ms, 50000, largest=True, beyond=case.budget_beyond) is None
