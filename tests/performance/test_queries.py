"""The HR pages and the assessment form ask the database the same number of times whatever the data size.

The profile, team and leadership pages: tests/dashboard/test_queries.py."""

from django.urls import reverse

import pytest

from performance.models import PerformancePeriod

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("email", "url_name", "args"),
    [
        ("admin@walesi.test", "performance:hr_home", []),
        ("admin@walesi.test", "performance:hr_employees", []),
    ],
)
def test_query_count_constant(demo_org, constant_queries, email, url_name, args):
    url = reverse(url_name, args=[demo_org["employees"][a].nip for a in args])
    print(f"{url_name}: {constant_queries(email, url)} queries")


def test_assess_form_query_count(demo_org, login, query_count):
    client = login("atasan@walesi.test")
    period = PerformancePeriod.objects.get(status="open")
    url = reverse("performance:assess", args=[demo_org["employees"]["pegawai"].nip, period.pk])
    client.get(url)
    assert query_count(client, url) <= 15
