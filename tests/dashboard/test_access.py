"""The access matrix of the profile, team and leadership (/pimpinan/, `performance.adoption`) pages: every role against every URL. Someone else's
record is a 404; a leader sees their units and subunits only."""

from django.urls import reverse

import pytest

from performance import access
from performance.models import OrgUnit
from tests.performance import factories as f

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "pegawai", "pegawai2", "atasan", "pelatih", "pimpinan", "admin"]
GUESSED_NIP = "197001012000011777"  # well-formed, nobody's


def _urls(org):
    e = org["employees"]
    return {
        "own_profile": reverse("dashboard:my_profile"),
        "profile_pegawai": reverse("dashboard:profile", args=[e["pegawai"].nip]),
        "profile_pegawai2": reverse("dashboard:profile", args=[e["pegawai2"].nip]),
        "profile_atasan": reverse("dashboard:profile", args=[e["kasi_pel"].nip]),
        "profile_guessed": reverse("dashboard:profile", args=[GUESSED_NIP]),
        "team": reverse("dashboard:team"),
        "leadership": reverse("adoption:dashboard"),
    }


L = "login"  # anonymous: redirected to the login page
#                       anonymous pegawai pegawai2 atasan pelatih pimpinan admin
EXPECTED = {
    "own_profile":        (L, 200, 200, 200, 403, 200, 200),
    "profile_pegawai":    (L, 200, 404, 200, 404, 200, 200),
    "profile_pegawai2":   (L, 404, 200, 404, 404, 200, 200),
    "profile_atasan":     (L, 404, 404, 200, 404, 200, 200),
    "profile_guessed":    (L, 404, 404, 404, 404, 404, 404),
    "team":               (L, 403, 403, 200, 403, 200, 200),
    "leadership":         (L, 404, 404, 404, 404, 200, 200),
}  # fmt: skip


def test_access_matrix(demo_org, access_matrix):
    assert access_matrix(_urls(demo_org), EXPECTED, ROLES) == []


def test_urls_are_unchanged():
    assert reverse("dashboard:my_profile") == "/pegawai/saya/"
    assert reverse("dashboard:profile", args=[GUESSED_NIP]) == f"/pegawai/{GUESSED_NIP}/"
    assert reverse("dashboard:team") == "/tim/"
    assert reverse("adoption:dashboard") == "/pimpinan/"


def test_leadership_scope_limits_to_units_and_subunits(demo_org, login):
    elsewhere = f.unit("LAIN", kind="dinas")
    outsider = f.employee(elsewhere, name="Orang Luar")
    inside_sub = f.unit("WLS.PEM.SUB", parent=OrgUnit.objects.get(code="WLS.PEM"))
    insider = f.employee(inside_sub, name="Orang Dalam")
    leader = demo_org["users"]["pimpinan@walesi.test"]
    visible = set(access.visible_employees(leader).values_list("pk", flat=True))
    assert insider.pk in visible and outsider.pk not in visible
    c = login("pimpinan@walesi.test")
    assert c.get(reverse("dashboard:profile", args=[outsider.nip])).status_code == 404
    assert c.get(reverse("dashboard:profile", args=[insider.nip])).status_code == 200
    page = c.get(reverse("adoption:dashboard")).content.decode()
    assert "Orang Dalam" in page and "Orang Luar" not in page


def test_trainer_who_is_also_an_employee_sees_only_themselves(demo_org, login):
    trainer = demo_org["users"]["pelatih@walesi.test"]
    me = f.employee(demo_org["employees"]["pegawai"].unit, user=trainer, supervisor=demo_org["employees"]["kasi_pel"])
    f.employee(me.unit, supervisor=me, name="Bawahan Pelatih")
    assert list(access.visible_employees(trainer)) == [me]
    c = login("pelatih@walesi.test")
    assert c.get(reverse("dashboard:my_profile")).status_code == 200
    assert c.get(reverse("dashboard:profile", args=[demo_org["employees"]["pegawai"].nip])).status_code == 404
