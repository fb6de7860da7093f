"""Builders for the adoption dashboard's tests: the dates the small organisation lives at, an assessment, growth."""

import datetime as dt

from django.utils import timezone

from performance.development.models import DevelopmentPlan
from performance.models import Assessment
from performance.supervision.models import Dialogue, TeamMeeting
from tests.campaigns.factories import user
from tests.performance import factories as pf
from tests.survey import factories as sf

TODAY = dt.date(2026, 12, 1)
NOW = timezone.make_aware(dt.datetime(2026, 11, 20, 10, 0))


def assess(emp, period, predikat):
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


def grow(org, n: int) -> None:
    """n more people in D.A.1 and D.B, each with a plan, a dialogue, survey answers and a meeting per unit."""
    for i in range(n):
        unit = org["a1"] if i % 2 else org["b"]
        emp = pf.employee(unit, supervisor=org["head"], user=user(f"extra{i}@x.test"))
        DevelopmentPlan.objects.create(employee=emp, period=org["q4"], author=org["head"], status="active")
        Dialogue.objects.create(employee=emp, supervisor=org["head"], held_on=dt.date(2026, 11, 2), topics="x")
        TeamMeeting.objects.create(unit=unit, organiser=org["head"], held_on=dt.date(2026, 11, 3), agenda="x")
        assess(emp, org["q3"], 3)
        assess(emp, org["q4"], 2)
    sf.responses(org["service_b"], org["survey_q4"], [[3] * 9] * n)
