"""The profile (dashboard app) shows the unit's IKM and the officer's figures to the officer, their supervisor,
leadership and HR; nobody else reaches the profile."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "email", ["pegawai@walesi.test", "atasan@walesi.test", "pimpinan@walesi.test", "admin@walesi.test"]
)
def test_officer_figures_on_the_profile(client, login, survey_demo, email):
    nip = survey_demo["org"]["employees"]["pegawai"].nip
    login(email)
    url = "/pegawai/saya/" if email == "pegawai@walesi.test" else f"/pegawai/{nip}/"
    html = client.get(url).content.decode()
    assert 'id="skm"' in html
    assert "IKM Pelayanan Umum Kantor Distrik Walesi" in html
    assert "Disebut sebagai petugas oleh" in html and "Perilaku pelaksana (U7)" in html


@pytest.mark.parametrize("email", ["pegawai2@walesi.test", "pelatih@walesi.test"])
def test_others_do_not_reach_the_officer_figures(client, login, survey_demo, email):
    nip = survey_demo["org"]["employees"]["pegawai"].nip
    login(email)
    assert client.get(f"/pegawai/{nip}/").status_code == 404


def test_staff_of_a_unit_see_its_ikm_without_officer_figures(client, login, survey_demo):
    login("atasan@walesi.test")  # heads the unit; nobody names her as officer
    html = client.get("/pegawai/saya/").content.decode()
    assert "IKM Pelayanan Umum Kantor Distrik Walesi" in html
    assert "Disebut sebagai petugas oleh" not in html
    assert "sedikitnya 5 responden" in html
