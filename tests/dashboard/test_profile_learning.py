"""The profile shows what the person has learned: courses and progress, quiz scores, certificates, JP this year."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from portal import dates

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_all(demo_content, demo_org):
    from learning.devdata.demo_records import seed_records

    seed_records()
    return demo_org


def test_own_profile_shows_learning(login, demo_all):
    client = login("pegawai@walesi.test")
    html = client.get("/pegawai/saya/").content.decode()
    assert "Pembelajaran" in html
    assert "Standar Kinerja ASN Walesi" in html  # the onboarding course in progress
    # learning's summary include: "JP <year>: <jp> dari minimal 20"
    assert f"JP {dates.today().year}:" in html and "dari minimal 20" in html
    assert "Nilai kuis terakhir" in html


def test_supervisor_sees_the_team_members_learning_but_not_their_private_links(login, demo_all):
    pegawai = demo_all["users"]["pegawai@walesi.test"]
    nip = pegawai.employee.nip
    client = login("atasan@walesi.test")
    html = client.get(f"/pegawai/{nip}/").content.decode()
    assert "Standar Kinerja ASN Walesi" in html
    assert "/belajar/percobaan/" not in html  # attempt reviews stay the learner's own
    assert "/unduh/" not in html  # the PDF download is the owner's; others get the public verification link


def test_certificate_on_another_profile_links_to_public_verification(login, demo_all):
    pegawai2 = demo_all["users"]["pegawai2@walesi.test"]
    client = login("admin@walesi.test")
    html = client.get(f"/pegawai/{pegawai2.employee.nip}/").content.decode()
    assert "/sertifikat/" in html


def test_profile_with_learning_stays_within_the_query_budget(login, demo_all):
    client = login("atasan@walesi.test")
    nip = demo_all["users"]["pegawai@walesi.test"].employee.nip
    client.get(f"/pegawai/{nip}/")
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/pegawai/{nip}/")
    assert response.status_code == 200
    assert len(ctx.captured_queries) <= 15, [q["sql"][:120] for q in ctx.captured_queries]
    print(f"profile of a team member with learning: {len(ctx.captured_queries)} queries")


def test_own_profile_with_learning_stays_within_the_query_budget(login, demo_all):
    client = login("pegawai@walesi.test")
    client.get("/pegawai/saya/")
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/pegawai/saya/")
    assert response.status_code == 200
    assert len(ctx.captured_queries) <= 15, [q["sql"][:120] for q in ctx.captured_queries]
    print(f"own profile with learning: {len(ctx.captured_queries)} queries")
