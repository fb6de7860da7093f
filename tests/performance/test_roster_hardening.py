"""Roster uploads: bombs refused in words (item 4), over-long values are problem rows (item 8), someone else's
upload is a 404 for every role (item 9), and the status of a period must be a real one (item 10)."""

import time

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from performance.models import Employee, PerformancePeriod, RosterUpload
from tests.portal.test_upload_limits import million_row_bomb, xlsx

from .test_hr_views import HEADER, upload

pytestmark = pytest.mark.django_db


def _row(boss, *, nip="199001012015011001", name="Andreas Baru", email="andreas@walesi.test"):
    return f"{nip};{name};PNS;Analis;fungsional_keahlian;WLS.PEM;III/a;{boss};{email}"


def _csv(*rows) -> bytes:
    return ("\ufeff" + "\r\n".join([HEADER, *rows]) + "\r\n").encode()


def test_xlsx_bomb_is_refused_quickly_in_indonesian(demo_org, login):
    client = login("admin@walesi.test")
    started = time.perf_counter()
    response = upload(client, million_row_bomb(), name="bom.xlsx")
    page = (
        client.get(response["Location"]).content.decode() if response.status_code == 302 else response.content.decode()
    )
    assert time.perf_counter() - started < 10
    assert "lebih dari 20.000 baris" in page


def test_huge_cell_is_refused_and_the_page_stays_small(demo_org, login):
    client = login("admin@walesi.test")
    data = xlsx([HEADER.split(";"), ["1" * 18, "x" * 2_000_000, "PNS", "Analis", "pelaksana", "WLS.PEM", "", "", ""]])
    response = upload(client, data, name="sel.xlsx")
    page = client.get(response["Location"]) if response.status_code == 302 else response
    html = page.content.decode()
    assert "lebih dari 1.000 karakter" in html
    assert len(page.content) < 100_000


def test_a_stored_upload_is_parsed_once(demo_org, login, monkeypatch):
    from performance.roster import parsing as roster

    calls = []
    real = roster._read_table
    monkeypatch.setattr(roster, "_read_table", lambda *a: calls.append(1) or real(*a))
    client = login("admin@walesi.test")
    boss = demo_org["employees"]["kasi_pem"].nip
    response = upload(client, _csv(_row(boss, nip="199001012015011099", email="sekali@walesi.test")))
    for _ in range(3):
        assert client.get(response["Location"]).status_code == 200
    assert len(calls) == 1


def test_over_long_values_are_problem_rows_not_a_500(demo_org, login):
    client = login("admin@walesi.test")
    boss = demo_org["employees"]["kasi_pem"].nip
    long_email = "a" * 250 + "@walesi.test"  # 262 characters
    data = _csv(_row(boss, email=long_email), _row(boss, nip="199202022020022002", name="N" * 300, email=""))
    response = upload(client, data)
    html = client.get(response["Location"]).content.decode()
    assert "Baris 2" in html and "email terlalu panjang: 262 karakter, paling banyak 254" in html
    assert "Baris 3" in html and "nama terlalu panjang: 300 karakter, paling banyak 200" in html
    upload_row = RosterUpload.objects.order_by("-pk").first()
    before = Employee.objects.count()
    apply = client.post(response["Location"], {"token": upload_row.token, "sha256": upload_row.sha256})
    assert apply.status_code == 302
    assert Employee.objects.count() == before
    assert not get_user_model().objects.filter(email=long_email).exists()


@pytest.mark.parametrize(
    "email", ["pegawai@walesi.test", "atasan@walesi.test", "pelatih@walesi.test", "pimpinan@walesi.test"]
)
def test_someone_elses_roster_upload_is_404_for_every_role(demo_org, login, email):
    client = login("admin@walesi.test")
    boss = demo_org["employees"]["kasi_pem"].nip
    response = upload(client, _csv(_row(boss)))
    url = response["Location"]
    client = login(email)
    assert client.get(url).status_code == 404
    assert client.post(url, {"token": "x", "sha256": "y"}).status_code == 404


def test_bogus_period_status_says_so(demo_org, login):
    client = login("admin@walesi.test")
    period = demo_org["periods"][0]
    before = period.status
    response = client.post(reverse("performance:period_status", args=[period.pk]), {"status": "bogus"}, follow=True)
    assert "Status periode tidak dikenal" in response.content.decode()
    assert PerformancePeriod.objects.get(pk=period.pk).status == before
