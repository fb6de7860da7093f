"""The hand-made small organisation of the adoption dashboard's tests (see `org`), and a closed pulse over it."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model

import pytest

from learning.models import CourseCompletion, Enrollment, JPLedgerEntry
from performance.adoption import services
from performance.campaigns.models import Campaign
from performance.development.models import DevelopmentPlan
from performance.models import Employee
from performance.pulse import services as pulse_services
from performance.pulse.models import Pulse
from performance.supervision.models import Dialogue, TeamMeeting
from portal import dates
from portal.roles import Role
from tests.campaigns.factories import scope, user
from tests.learning.factories import make_course
from tests.performance import factories as pf
from tests.survey import factories as sf

from .factories import NOW, assess


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
    # predikat: p0 improved (3 -> 2), p1 same (2 -> 2), p2 lower (2 -> 3), other improved (4 -> 2) but never
    # enrolled; Q4 has 4 of 7 assessed
    for emp, before, now in [(people[0], 3, 2), (people[1], 2, 2), (people[2], 2, 3), (other, 4, 2)]:
        assess(emp, q3, before)
        assess(emp, q4, now)
    # plans: p0 active and p2 completed in Q4 count; p1's draft, the head's closed one and other's Q3 plan do not
    for emp, period, status in [
        (people[0], q4, "active"),
        (people[2], q4, "completed"),
        (people[1], q4, "draft"),
        (head, q4, "closed"),
        (other, q3, "active"),
    ]:
        DevelopmentPlan.objects.create(employee=emp, period=period, author=head, status=status)
    # dialogues in Q4 (1 Oct – 31 Dec, both ends in): p0, p1 (first day), other (last day); not p3's of 30 Sep
    # nor the one with a person no longer active
    inactive = pf.employee(a1, name="Keluar", active=False)
    for emp, day in [
        (people[0], dt.date(2026, 11, 10)),
        (people[1], dt.date(2026, 10, 1)),
        (other, dt.date(2026, 12, 31)),
        (people[3], dt.date(2026, 9, 30)),
        (inactive, dt.date(2026, 11, 1)),
    ]:
        Dialogue.objects.create(employee=emp, supervisor=head, held_on=day, topics="Target triwulan")
    # team meetings: D.A one in Q4 and one in Q3, D.A.1 one in Q4, D.B none
    for unit, day in [(a, dt.date(2026, 11, 5)), (a, dt.date(2026, 7, 5)), (a1, dt.date(2026, 12, 1))]:
        TeamMeeting.objects.create(unit=unit, organiser=head, held_on=day, agenda="Capaian layanan")
    # survey: D.A.1 serves citizens, two answers in Q4 (all 4 and all 3: NRR 3.5, IKM 87.50, mutu B) and one in
    # Q3 (all 1: IKM 25, mutu D); D.B's service unit has no answer in Q4
    survey_q4, survey_q3 = sf.closed_period(2026, 4), sf.closed_period(2026, 3)
    service_a1, service_b = sf.service_unit(org=a1), sf.service_unit(org=b)
    sf.responses(service_a1, survey_q4, [[4] * 9, [3] * 9])
    sf.responses(service_b, survey_q3, [[1] * 9])
    leader = user("pimpinan-b@x.test", Role.PIMPINAN)
    scope(leader, b)
    return locals()


@pytest.fixture
def pulse(org):
    """A closed pulse for the whole of D answered by the five people of D.A.1 (the threshold), all with the same
    scores, and today's snapshot that keeps what the pulse hands out. D.B (one person) is too small to be a group
    of its own: the pulse folds it into D."""
    today = dates.today()
    p = pulse_services.pulse_open(
        opened_by=None,
        title="Pulse uji",
        opens_on=today - dt.timedelta(days=1),
        closes_on=today + dt.timedelta(days=10),
        units=[org["root"]],
        invite=False,
    )
    no_account = Employee.objects.get(full_name="Tanpa akun")
    no_account.user = user("tanpa-akun@x.test")
    no_account.save(update_fields=["user"])
    for emp in [*org["people"], no_account]:
        pulse_services.pulse_answer(pulse=p, user=emp.user, scores=[4, 4, 3, 5, 2], open_answer="")
    Pulse.objects.filter(pk=p.pk).update(status=Pulse.Status.CLOSED)
    services.snapshots_take()  # the dashboard reads the pulse's readiness from the nightly snapshot
    return p
