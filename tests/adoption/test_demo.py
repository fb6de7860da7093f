"""The demo's onboarding campaign, replayed over eight weeks: what `pimpinan@walesi.test` sees in `make demo` has a
funnel, a weekly trend read from real snapshots, and a not-started list; seeding again adds nothing."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Sum
from django.urls import reverse

import pytest

from learning.models import Enrollment
from performance.adoption.devdata import demo as adoption_demo
from performance.adoption.models import UnitSnapshot
from performance.models import Employee
from portal import dates

pytestmark = pytest.mark.django_db


def _seed():
    from home.devdata import demo as home_demo
    from learning.devdata import demo as learning_demo
    from performance.campaigns.devdata import demo as campaigns_demo
    from performance.devdata import demo as performance_demo
    from portal import demo as portal_demo
    from portal.permissions import sync_role_permissions

    sync_role_permissions()
    portal_demo.seed()
    home_demo.seed()
    learning_demo.seed()
    performance_demo.seed()
    campaign = campaigns_demo.seed()
    adoption_demo.seed()
    return campaign


def test_demo_replays_the_onboarding_weeks_and_the_leader_sees_them(client, demo_site):
    campaign = _seed()
    users = get_user_model().objects.count()

    # every active employee now has an account (invited, unable to sign in) and the campaign's course
    employees = Employee.objects.filter(active=True)
    assert not employees.filter(user__isnull=True).exists()
    enrolled = Enrollment.objects.filter(course_id=campaign.course_id, user__employee__in=employees)
    assert enrolled.count() == employees.count()
    invited = [e.user for e in employees.select_related("user") if not e.user.has_usable_password()]
    assert len(invited) == employees.count() - 4  # all but the four demo accounts that hold a post

    # the Sunday before the campaign and its eight Sundays, each with snapshots computed from the records as they
    # then stood: never decreasing
    past = list(
        UnitSnapshot.objects.filter(course_key=campaign.course_id, day__lt=dates.today())
        .values_list("day", flat=True)
        .distinct()
        .order_by("day")
    )
    assert len(past) == 9 and all(day.weekday() == 6 for day in past)
    totals = [
        UnitSnapshot.objects.filter(course_key=campaign.course_id, day=day).aggregate(
            r=Sum("reached"), c=Sum("completed")
        )
        for day in past
    ]
    assert [t["r"] for t in totals] == sorted(t["r"] for t in totals) and totals[-1]["r"] > totals[1]["r"] > totals[0][
        "r"
    ] == 0
    assert [t["c"] for t in totals] == sorted(t["c"] for t in totals) and totals[-1]["c"] > 0

    # the leader's dashboard: every past week of the trend has its figure, the funnel finishes, some not started
    leader = get_user_model().objects.get(email="pimpinan@walesi.test")
    client.force_login(leader)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    html = client.get(reverse("adoption:dashboard"), {"kampanye": campaign.pk}).content.decode()
    rows = re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td></tr>", html)
    weeks = rows[-9:]  # the table's last nine weeks: eight replayed, then this one
    assert all(r[1] != "–" and r[2] != "–" for r in weeks), weeks
    assert sum(int(r[2]) for r in weeks[:-1]) == totals[-1]["c"] - totals[0]["c"]
    assert [int(r[1]) for r in weeks[:-1]] == [t["r"] for t in totals[1:]]
    completed = int(re.search(r"Menyelesaikan kursus: (\d+)", html).group(1))
    not_started = int(re.search(r"Belum memulai \((\d+)\)", html).group(1))
    assert completed > 0 and 0 < not_started < employees.count()

    # seeding again replays nothing: the same accounts, the same snapshots
    snapshots = UnitSnapshot.objects.count()
    adoption_demo.seed()
    assert get_user_model().objects.count() == users and UnitSnapshot.objects.count() == snapshots
