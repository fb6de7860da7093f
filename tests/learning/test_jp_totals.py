"""A learner's JP of a year (`JPYearTotal`) is always the sum of their ledger entries: after a completion, after
entries are added or removed, after a bulk rebuild (idempotent), and when the learner is deleted."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model

import pytest

from learning import services
from learning.models import CourseCompletion, JPLedgerEntry, JPYearTotal, ModulePage

from .factories import make_course, right_answers

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 6, 1, 3, 0, tzinfo=dt.UTC)


def _totals():
    return {(t.user_id, t.year): t.total for t in JPYearTotal.objects.all()}


def _entry(user, year, jp, n):
    completion = CourseCompletion.objects.create(
        user=user, course=None, course_title=f"Kursus {n}", completed_at=NOW, jp=Decimal(jp)
    )
    return JPLedgerEntry.objects.create(user=user, year=year, jp=Decimal(jp), completion=completion, description="x")


def test_a_completed_course_credits_the_years_total(demo_users):
    learner = demo_users["pegawai@walesi.test"]
    course = make_course(modules=1, jp="3.5")
    services.enrollment_create(user=learner, course=course)
    module = ModulePage.objects.child_of(course).first()
    attempt = services.attempt_start(user=learner, quiz_page=module)
    services.attempt_submit(user=learner, attempt_id=attempt.pk, answers=right_answers(module))
    year = JPLedgerEntry.objects.get(user=learner).year
    assert _totals() == {(learner.pk, year): Decimal("3.50")}


def test_entries_added_and_removed_keep_the_sum(demo_users):
    a, b = demo_users["pegawai@walesi.test"], demo_users["pegawai2@walesi.test"]
    first = _entry(a, 2026, "12", 1)
    _entry(a, 2026, "8.5", 2)
    _entry(a, 2025, "4", 3)
    _entry(b, 2026, "2", 4)
    assert _totals() == {
        (a.pk, 2026): Decimal("20.50"),
        (a.pk, 2025): Decimal("4.00"),
        (b.pk, 2026): Decimal("2.00"),
    }
    first.delete()
    assert _totals()[(a.pk, 2026)] == Decimal("8.50")
    JPLedgerEntry.objects.filter(user=a, year=2025).delete()  # a queryset delete too
    assert _totals()[(a.pk, 2025)] == Decimal("0.00")


def test_rebuild_from_the_ledger_is_idempotent(demo_users):
    a, b = demo_users["pegawai@walesi.test"], demo_users["pegawai2@walesi.test"]
    _entry(a, 2026, "12", 1)
    _entry(b, 2026, "2", 2)
    expected = _totals()
    JPYearTotal.objects.filter(user=a).update(total=Decimal("99"))  # drifted (e.g. a bulk load sent no signal)
    assert services.jp_totals_rebuild([a.pk]) == 1
    assert _totals() == expected
    assert services.jp_totals_rebuild() == 2
    assert services.jp_totals_rebuild() == 2
    assert _totals() == expected


def test_deleting_a_learner_takes_their_entries_and_totals(demo_users):
    a = demo_users["pegawai@walesi.test"]
    _entry(a, 2026, "12", 1)
    get_user_model().objects.filter(pk=a.pk).delete()
    assert not JPYearTotal.objects.filter(user_id=a.pk).exists()
    assert not JPLedgerEntry.objects.filter(user_id=a.pk).exists()
