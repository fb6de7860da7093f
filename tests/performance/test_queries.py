"""The profile and team pages ask the database the same number of times whatever the data size."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from performance import rules
from performance.models import Assessment, PerformancePeriod, StandardRating

from . import factories as f

pytestmark = pytest.mark.django_db


def _grow(demo_org, extra_members: int, extra_periods: int):
    """More team members for atasan@, and more assessed periods for pegawai@."""
    boss = demo_org["employees"]["kasi_pel"]
    for _ in range(extra_members):
        f.employee(boss.unit, supervisor=boss, name="Anggota Tambahan")
    pegawai = demo_org["employees"]["pegawai"]
    for year in range(2010, 2010 + extra_periods):
        period = f.period(kind="TAHUNAN", year=year, status="closed")
        a = Assessment.objects.create(
            employee=pegawai,
            period=period,
            assessor=boss,
            status="submitted",
            hasil_kerja=2,
            perilaku_kerja=2,
            predikat=int(rules.predikat(2, 2)),
            submitted_at=period.start_date.isoformat() + "T10:00:00+09:00",
        )
        StandardRating.objects.bulk_create(
            [
                StandardRating(assessment=a, standard_code=c, standard_title=t, rating=2)
                for c, t in rules.DEFAULT_STANDARDS
            ]
        )


def _count(client, url) -> int:
    client.get(url)  # warm per-process caches (site root paths, organisation settings) as a running server has them
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("email", "url_name", "args"),
    [
        ("atasan@walesi.test", "performance:team", []),
        ("pegawai@walesi.test", "performance:my_profile", []),
        ("atasan@walesi.test", "performance:profile", ["pegawai"]),
        ("pimpinan@walesi.test", "performance:leadership", []),
        ("admin@walesi.test", "performance:hr_home", []),
        ("admin@walesi.test", "performance:hr_employees", []),
    ],
)
def test_query_count_constant(demo_org, login, email, url_name, args):
    url = reverse(url_name, args=[demo_org["employees"][a].nip for a in args])
    client = login(email)
    client.get(url)  # warm per-process caches (content types, site settings)
    small = _count(client, url)
    _grow(demo_org, extra_members=15, extra_periods=6)
    large = _count(client, url)
    assert small == large, f"{url}: {small} queries before, {large} after"
    assert large <= 15
    print(f"{url_name}: {large} queries")


def test_assess_form_query_count(demo_org, login):
    client = login("atasan@walesi.test")
    period = PerformancePeriod.objects.get(status="open")
    url = reverse("performance:assess", args=[demo_org["employees"]["pegawai"].nip, period.pk])
    client.get(url)
    assert _count(client, url) <= 15
