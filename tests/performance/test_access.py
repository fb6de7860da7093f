"""The access matrix: every role against every performance URL (assessments, HR). Someone else's record is a 404.

The profile, team and leadership pages: tests/dashboard/test_access.py."""

from django.urls import reverse

import pytest

from performance import access
from performance.models import Assessment, Employee, OrgUnit

from . import factories as f

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "pegawai", "pegawai2", "atasan", "pelatih", "pimpinan", "admin"]
GUESSED_NIP = "197001012000011777"  # well-formed, nobody's


def _urls(org):
    e = org["employees"]
    open_period = org["periods"][-1]
    closed = org["periods"][1]
    a_pegawai = Assessment.objects.get(employee=e["pegawai"], period=closed)
    a_pegawai2 = Assessment.objects.get(employee=e["pegawai2"], period=closed)
    return {
        "assessment_pegawai": reverse("performance:assessment", args=[a_pegawai.pk]),
        "assessment_pegawai2": reverse("performance:assessment", args=[a_pegawai2.pk]),
        "assessment_guessed": reverse("performance:assessment", args=[999999]),
        "assess_pegawai": reverse("performance:assess", args=[e["pegawai"].nip, open_period.pk]),
        "assess_pegawai2": reverse("performance:assess", args=[e["pegawai2"].nip, open_period.pk]),
        "hr_home": reverse("performance:hr_home"),
        "hr_employees": reverse("performance:hr_employees"),
        "roster_upload": reverse("performance:roster_upload"),
        "roster_sample": reverse("performance:roster_sample"),
    }


L = "login"  # anonymous: redirected to the login page
#                       anonymous pegawai pegawai2 atasan pelatih pimpinan admin
EXPECTED = {
    "assessment_pegawai": (L, 200, 404, 200, 404, 200, 200),
    "assessment_pegawai2": (L, 404, 200, 404, 404, 200, 200),
    "assessment_guessed": (L, 404, 404, 404, 404, 404, 404),
    "assess_pegawai":     (L, 404, 404, 200, 404, 404, 404),
    "assess_pegawai2":    (L, 404, 404, 404, 404, 404, 404),
    "hr_home":            (L, 403, 403, 403, 403, 403, 200),
    "hr_employees":       (L, 403, 403, 403, 403, 403, 200),
    "roster_upload":      (L, 403, 403, 403, 403, 403, 200),
    "roster_sample":      (L, 403, 403, 403, 403, 403, 200),
}  # fmt: skip


def test_access_matrix(demo_org, access_matrix):
    assert access_matrix(_urls(demo_org), EXPECTED, ROLES) == []


def test_post_actions_on_others_records_are_404(demo_org, login):
    closed = demo_org["periods"][1]
    a = Assessment.objects.get(employee=demo_org["employees"]["pegawai"], period=closed)
    a.status = "submitted"
    a.save(update_fields=["status"])
    for email in ["pegawai2@walesi.test", "atasan@walesi.test", "pelatih@walesi.test", "pimpinan@walesi.test"]:
        c = login(email)
        assert c.post(reverse("performance:acknowledge", args=[a.pk]), {"response": "x"}).status_code == 404
    for email in ["pegawai@walesi.test", "pegawai2@walesi.test", "pelatih@walesi.test", "pimpinan@walesi.test"]:
        assert login(email).post(reverse("performance:correct", args=[a.pk])).status_code == 404
    a.refresh_from_db()
    assert a.status == "submitted" and a.revision == 1


def test_supervisor_chain_reaches_down_not_up_or_sideways(demo_org):
    users = demo_org["users"]
    e = demo_org["employees"]
    atasan_sees = set(access.visible_employees(users["atasan@walesi.test"]).values_list("pk", flat=True))
    assert e["pegawai"].pk in atasan_sees and e["kasi_pel"].pk in atasan_sees
    assert e["kepala"].pk not in atasan_sees and e["pegawai2"].pk not in atasan_sees
    # Two levels down: a report of a report is visible to the one above.
    deep = f.employee(e["pegawai"].unit, supervisor=e["pegawai"], name="Bawahan Bawahan")
    assert access.can_view_employee(users["atasan@walesi.test"], deep)
    assert access.can_view_employee(users["pegawai@walesi.test"], deep)
    assert not access.can_assess(users["atasan@walesi.test"], deep)
    assert access.can_assess(users["pegawai@walesi.test"], deep)


def test_inactive_user_sees_nothing(demo_org):
    user = demo_org["users"]["atasan@walesi.test"]
    user.is_active = False
    assert not access.visible_employees(user).exists()
    assert Employee.objects.exists()


def test_admin_edit_refuses_supervisor_loop_and_unit_loop(demo_org):
    from django.core.exceptions import ValidationError

    e = demo_org["employees"]
    boss = Employee.objects.get(pk=e["kasi_pel"].pk)
    boss.supervisor = e["pegawai"]  # pegawai reports to kasi_pel: a loop
    with pytest.raises(ValidationError) as err:
        boss.full_clean()
    assert "berputar" in str(err.value)
    root = OrgUnit.objects.get(code="WLS")
    root.parent = OrgUnit.objects.get(code="WLS.PEM")
    with pytest.raises(ValidationError):
        root.full_clean()
