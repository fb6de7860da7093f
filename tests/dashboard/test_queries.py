"""The profile, team and leadership (/pimpinan/) pages ask the database the same number of times whatever the data size."""

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("email", "url_name", "args"),
    [
        ("atasan@walesi.test", "dashboard:team", []),
        ("pegawai@walesi.test", "dashboard:my_profile", []),
        ("atasan@walesi.test", "dashboard:profile", ["pegawai"]),
        ("pimpinan@walesi.test", "adoption:dashboard", []),
    ],
)
def test_query_count_constant(demo_org, constant_queries, email, url_name, args):
    url = reverse(url_name, args=[demo_org["employees"][a].nip for a in args])
    print(f"{url_name}: {constant_queries(email, url)} queries")
