"""Periods on /kepegawaian/: each mistake gets a clear Indonesian message (issue 9, item 10)."""

import datetime as dt

from django.urls import reverse

import pytest

from performance import rules
from performance.models import PerformancePeriod

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.mark.parametrize(
    "year,kind,start,end,field",
    [
        (2027, "TRIWULAN_I", D(2027, 1, 1), D(2027, 3, 31), None),
        (2027, "TRIWULAN_IV", D(2027, 10, 1), D(2027, 12, 31), None),
        (2027, "TAHUNAN", D(2027, 1, 1), D(2027, 12, 31), None),
        (2027, "TRIWULAN_II", D(2027, 4, 15), D(2027, 5, 31), None),  # part of its quarter is fine
        (2027, "TRIWULAN_I", D(2026, 12, 1), D(2027, 2, 28), "start_date"),  # overlaps Triwulan IV 2026
        (2027, "TRIWULAN_I", D(2027, 1, 1), D(2027, 4, 1), "end_date"),
        (2027, "TAHUNAN", D(1990, 1, 1), D(2099, 12, 31), "start_date"),
        (2027, "TAHUNAN", D(2027, 6, 1), D(2027, 5, 1), "end_date"),
        (1990, "TAHUNAN", D(1990, 1, 1), D(1990, 12, 31), "year"),
        (2101, "TAHUNAN", D(2101, 1, 1), D(2101, 12, 31), "year"),
    ],
)
def test_period_rules(year, kind, start, end, field):
    problems = rules.period_problems(year=year, kind=kind, start=start, end=end)
    assert list(problems) == ([field] if field else [])


def _create(client, **data):
    base = {"year": 2027, "kind": "TAHUNAN", "start_date": "2027-01-01", "end_date": "2027-12-31", "status": "closed"}
    return client.post(reverse("performance:period_create"), {**base, **data}, follow=True)


@pytest.mark.parametrize(
    "data,message",
    [
        ({"start_date": "2027-06-01", "end_date": "2027-05-01"}, "Tanggal selesai harus sama dengan atau sesudah"),
        (
            {"kind": "TRIWULAN_I", "start_date": "2026-12-01", "end_date": "2027-02-28"},
            "Triwulan I 2027 harus berada di antara 01.01.2027 dan 31.03.2027",
        ),
        ({"start_date": "1990-01-01", "end_date": "2099-12-31"}, "Tahunan 2027 harus berada di antara"),
        ({"year": 1990, "start_date": "1990-01-01", "end_date": "1990-12-31"}, "Tahun periode harus antara 2000"),
    ],
)
def test_bad_period_is_refused_in_words(demo_org, login, data, message):
    client = login("admin@walesi.test")
    before = PerformancePeriod.objects.count()
    html = _create(client, **data).content.decode()
    assert message in html
    assert "period_dates_ordered" not in html and "Constraint" not in html
    assert PerformancePeriod.objects.count() == before


def test_duplicate_period_says_it_already_exists(demo_org, login):
    client = login("admin@walesi.test")
    existing = demo_org["periods"][0]
    first, last = rules.period_bounds(existing.year, existing.kind)
    html = _create(
        client, year=existing.year, kind=existing.kind, start_date=first.isoformat(), end_date=last.isoformat()
    ).content.decode()
    assert f"Periode {existing} sudah ada" in html
    assert "sudah tidak ada" not in html and "dengan Tahun dan Jenis" not in html


def test_get_on_the_period_form_address_is_a_page_in_words(demo_org, login):
    client = login("admin@walesi.test")
    response = client.get(reverse("performance:period_create"))
    assert response.status_code == 405
    assert "Cara membuka halaman ini tidak didukung" in response.content.decode()
