"""The link to officers (only from 5 naming responses, only elements 6 and 7) and the unit IKM for profiles."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from performance.models import Employee
from performance.survey import selectors
from performance.survey.models import SurveyResponse

from .factories import closed_period, responses, service_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(db):
    unit = service_unit()
    period = closed_period()
    officer = Employee.objects.create(
        nip="198503152010012001",
        full_name="Petugas Uji",
        employment_type="PNS",
        jabatan="Pelaksana",
        jabatan_kind="pelaksana",
        golongan="II/c",
        unit=unit.unit,
    )
    return unit, period, officer


@pytest.mark.parametrize("count,shown", [(0, False), (1, False), (4, False), (5, True), (12, True)])
def test_officer_threshold(setting, count, shown):
    unit, period, officer = setting
    responses(unit, period, [[3, 3, 3, 3, 3, 4, 2, 3, 3]] * count, officer=officer)
    responses(unit, period, [[1] * 9] * 7)  # not naming anyone: never counted for the officer
    figures = selectors.officer_figures(employee_ids=[officer.pk], period=period)
    if shown:
        assert figures[officer.pk]["count"] == count
        assert str(figures[officer.pk]["u6"]) == "4.00" and str(figures[officer.pk]["u7"]) == "2.00"
        assert set(figures[officer.pk]) == {"period", "count", "u6", "u7"}  # no answers, no comments
    else:
        assert officer.pk not in figures


def test_officer_figures_are_one_query_for_many_officers(setting):
    unit, period, officer = setting
    responses(unit, period, [[3] * 9] * 6, officer=officer)
    with CaptureQueriesContext(connection) as ctx:
        selectors.officer_figures(employee_ids=[officer.pk, 999_999], period=period)
    assert len(ctx) == 1


def test_officer_figures_are_per_period(setting):
    unit, period, officer = setting
    other = closed_period(2020, 2)
    responses(unit, other, [[2] * 9] * 5, officer=officer)
    assert selectors.officer_figures(employee_ids=[officer.pk], period=period) == {}
    assert selectors.officer_figures(employee_ids=[officer.pk], period=other)[officer.pk]["count"] == 5
    assert selectors.officer_figures(employee_ids=[officer.pk], period=None) == {}


def test_unit_ikm_for_profiles_and_dashboard(setting):
    unit, period, _officer = setting
    responses(unit, period, [[4] * 9] * 3 + [[3] * 9])
    with CaptureQueriesContext(connection) as ctx:
        figures = selectors.unit_ikm(org_unit_ids=[unit.unit_id, 424242], period=period)
    assert len(ctx) == 2
    assert figures[unit.unit_id].responses == 4
    assert str(figures[unit.unit_id].ikm_display) == "93.75"
    assert figures[unit.unit_id].band.letter == "A"
    assert 424242 not in figures


def test_demo_officer_is_named_often_enough(survey_demo):
    pegawai = Employee.objects.get(email="pegawai@walesi.test")
    for period in survey_demo["periods"]:
        shown = selectors.officer_figures(employee_ids=[pegawai.pk], period=period)
        assert shown[pegawai.pk]["count"] >= 5
    assert SurveyResponse.objects.filter(period=survey_demo["periods"][0]).count() > 0


@pytest.mark.parametrize("count,shown", [(4, False), (5, True)])
def test_profile_figures_threshold_in_one_query(setting, count, shown):
    unit, period, officer = setting
    responses(unit, period, [[3, 3, 3, 3, 3, 4, 2, 3, 3]] * count, officer=officer)
    responses(unit, period, [[2] * 9] * 3)
    with CaptureQueriesContext(connection) as ctx:
        figures = selectors.profile_figures(employee=officer)
    assert len(ctx) == 1
    assert figures.period == period and figures.period.name == period.name
    assert figures.unit.responses == count + 3 and figures.unit_name == unit.name
    if shown:
        assert figures.officer["count"] == 5 and str(figures.officer["u6"]) == "4.00"
    else:
        assert figures.officer is None


def test_profile_figures_nothing_to_show(setting):
    _unit, _period, officer = setting
    assert selectors.profile_figures(employee=officer) is None
