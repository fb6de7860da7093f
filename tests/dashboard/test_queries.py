"""The profile, team and leadership pages ask the database the same number of times whatever the data size."""

from django.urls import reverse

import pytest

from tests.performance import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("email", "url_name", "args"),
    [
        ("atasan@walesi.test", "dashboard:team", []),
        ("pegawai@walesi.test", "dashboard:my_profile", []),
        ("atasan@walesi.test", "dashboard:profile", ["pegawai"]),
        ("pimpinan@walesi.test", "dashboard:leadership", []),
    ],
)
def test_query_count_constant(demo_org, login, query_count, email, url_name, args):
    url = reverse(url_name, args=[demo_org["employees"][a].nip for a in args])
    client = login(email)
    client.get(url)  # warm per-process caches (content types, site settings)
    small = query_count(client, url)
    f.grow_demo_org(demo_org, extra_members=15, extra_periods=6)
    large = query_count(client, url)
    assert small == large, f"{url}: {small} queries before, {large} after"
    assert large <= 15
    print(f"{url_name}: {large} queries")
