"""Campaigns: scope, idempotent enrolment with progress, later joiners, reminders once per event."""

import datetime as dt

from django.core.exceptions import PermissionDenied

import pytest

from learning.models import Enrollment
from performance.campaigns import rules, services
from performance.campaigns.models import CampaignReminder
from performance.campaigns.selectors import campaign_progress
from portal.models import BackgroundJob
from portal.roles import Role
from tests.campaigns.factories import scope, user
from tests.learning.factories import make_course
from tests.performance import factories as pf

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(demo_site):
    root = pf.unit("D", kind="dinas")
    a = pf.unit("D.A", parent=root)
    b = pf.unit("D.B", parent=root)
    a1 = pf.unit("D.A.1", parent=a)
    head = pf.employee(a, user=user("kepala@x.test"), name="Kepala A", jabatan_kind="administrator")
    staff = [pf.employee(a1, supervisor=head, user=user(f"a1-{i}@x.test"), name=f"A1 {i}") for i in range(3)]
    other = pf.employee(b, user=user("b@x.test"), name="Pegawai B")
    pf.employee(a, name="Tanpa akun")  # no account: nothing to enrol
    pf.employee(a1, user=user("inactive@x.test"), active=False)
    leader = user("pimpinan-a@x.test", Role.PIMPINAN)
    scope(leader, a)
    hr = user("hr@x.test", Role.ADMIN_KEPEGAWAIAN)
    return {
        "root": root,
        "a": a,
        "b": b,
        "a1": a1,
        "head": head,
        "staff": staff,
        "other": other,
        "leader": leader,
        "hr": hr,
    }


@pytest.fixture
def course():
    return make_course("orientasi")


def _create(org, course, *, actor=None, unit=None, **kw):
    return services.campaign_create(
        actor=actor or org["hr"],
        name="Orientasi",
        course=course,
        unit=unit or org["a"],
        due_date=kw.pop("due_date", dt.date(2026, 12, 31)),
        message="Wajib.",
        **kw,
    )


def test_enrols_active_employees_of_the_subtree_once(org, course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        campaign, job = _create(org, course)
    enrolled = set(Enrollment.objects.filter(course=course).values_list("user__email", flat=True))
    assert enrolled == {"kepala@x.test", "a1-0@x.test", "a1-1@x.test", "a1-2@x.test"}
    assert set(Enrollment.objects.filter(course=course).values_list("source", flat=True)) == {"campaign"}
    job.refresh_from_db()
    assert (job.status, job.progress) == (BackgroundJob.Status.DONE, 100)
    assert services.campaign_enrol(campaign_id=campaign.pk) == 0  # idempotent
    assert Enrollment.objects.filter(course=course).count() == 4


def test_jabatan_filter_and_self_enrolment_gets_the_due_date(org, course, django_capture_on_commit_callbacks):
    from learning.services import enrollment_create

    enrollment_create(user=org["head"].user, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        _create(org, course, jabatan_kind="administrator")
    only = Enrollment.objects.get(course=course)
    assert (only.user_id, only.source, only.due_date) == (org["head"].user_id, "campaign", dt.date(2026, 12, 31))


def test_leader_cannot_create_outside_their_units(org, course):
    with pytest.raises(PermissionDenied):
        _create(org, course, actor=org["leader"], unit=org["b"])
    with pytest.raises(PermissionDenied):
        _create(org, course, actor=org["staff"][0].user, unit=org["a"])


def test_later_joiner_by_hr_edit_and_by_sweep(org, course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _create(org, course, actor=org["leader"])
    mover = org["other"]
    with django_capture_on_commit_callbacks(execute=True):
        mover.unit = org["a1"]
        mover.save()
    assert Enrollment.objects.filter(course=course, user=mover.user).exists()
    # the roster import writes in bulk (no signal): the sweep picks the newcomer up
    newcomer = pf.employee(org["b"], user=user("baru@x.test"))
    from performance.models import Employee

    Employee.objects.filter(pk=newcomer.pk).update(unit=org["a"])
    assert services.campaigns_sweep() == 1
    assert services.campaigns_sweep() == 0


def test_progress_per_unit(org, course, django_capture_on_commit_callbacks, django_assert_max_num_queries):
    with django_capture_on_commit_callbacks(execute=True):
        campaign, _ = _create(org, course, due_date=dt.date(2020, 1, 1), today=dt.date(2019, 12, 1))
    e = Enrollment.objects.get(course=course, user=org["staff"][0].user)
    Enrollment.objects.filter(pk=e.pk).update(status="completed", completed_at=dt.datetime(2020, 1, 2, tzinfo=dt.UTC))
    with django_assert_max_num_queries(2):
        rows = {r["code"]: r for r in campaign_progress(campaign)}
    assert (rows["D.A.1"]["assigned"], rows["D.A.1"]["completed"], rows["D.A.1"]["overdue"]) == (3, 1, 2)
    assert (rows["D.A"]["assigned"], rows["D.A"]["overdue"]) == (1, 1)


@pytest.mark.parametrize(
    ("today", "kind"),
    [
        (dt.date(2026, 12, 23), None),
        (dt.date(2026, 12, 24), "before"),
        (dt.date(2026, 12, 25), None),
        (dt.date(2026, 12, 31), "due"),
        (dt.date(2027, 1, 1), "overdue"),
        (dt.date(2027, 2, 1), "overdue"),
    ],
)
def test_reminder_kind(today, kind):
    assert rules.reminder_kind(due_date=dt.date(2026, 12, 31), today=today) == kind


def test_reminders_once_per_event_and_overdue_tells_the_supervisor(
    org, course, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        _create(org, course)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.campaign_reminders_send(today=dt.date(2026, 12, 24)) == 4
    assert services.campaign_reminders_send(today=dt.date(2026, 12, 24)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.campaign_reminders_send(today=dt.date(2027, 1, 3)) == 4
    assert services.campaign_reminders_send(today=dt.date(2027, 1, 4)) == 0
    assert CampaignReminder.objects.filter(kind="overdue").count() == 4
    to_head = [m for m in mailoutbox if m.to == ["kepala@x.test"]]
    # the head: their own before + overdue, and one overdue notice per member of staff
    assert len(to_head) == 2 + 3
