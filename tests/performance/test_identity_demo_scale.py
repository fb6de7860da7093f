from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from performance import rules
from performance.devdata import demo
from performance.devdata.scale import build_scale_org
from performance.models import Assessment, Employee, LeadershipScope, OrgUnit
from portal.identity import get_identity_provider, identity_for

pytestmark = pytest.mark.django_db


def test_identity_provider_registered_and_batched(demo_org):
    provider = get_identity_provider()
    users = demo_org["users"]
    ids = [u.pk for u in users.values()]
    with CaptureQueriesContext(connection) as ctx:
        identities = provider.identities(ids)
    assert len(ctx.captured_queries) <= 2
    pegawai = identities[users["pegawai@walesi.test"].pk]
    assert pegawai.nip == demo_org["employees"]["pegawai"].nip and pegawai.unit_code == "WLS.PEL"
    assert identities[users["pelatih@walesi.test"].pk].nip == ""  # no employee record, still named
    assert identity_for(users["atasan@walesi.test"]).name == "Agustina Asso"
    in_distrik = provider.user_ids_in_unit("WLS")
    assert users["pegawai@walesi.test"].pk in in_distrik and users["pegawai2@walesi.test"].pk in in_distrik
    assert provider.user_ids_in_unit("WLS", include_subunits=False) == {users["pimpinan@walesi.test"].pk}
    assert [u.code for u in provider.units()][:2] == ["WLS", "WLS.K.APENAS"]


def test_demo_is_realistic_and_idempotent(demo_org):
    counts = (OrgUnit.objects.count(), Employee.objects.count(), Assessment.objects.count())
    assert counts[0] >= 4 and counts[1] >= 40
    for e in Employee.objects.all():
        assert rules.check_identifier(e.nip, e.employment_type).ok, e.nip
    e = demo_org["employees"]
    assert e["pegawai"].supervisor == e["kasi_pel"] and e["kasi_pel"].user.email == "atasan@walesi.test"
    assert e["pegawai2"].supervisor != e["kasi_pel"]
    assert e["kepala"].user.email == "pimpinan@walesi.test"
    assert LeadershipScope.objects.filter(user__email="pimpinan@walesi.test", unit__code="WLS").exists()
    assert (
        Assessment.objects.filter(status="acknowledged").exists()
        and Assessment.objects.filter(status="submitted").exists()
    )
    assert Assessment.objects.filter(period=demo_org["periods"][-1]).count() == 0
    demo.seed()
    assert (OrgUnit.objects.count(), Employee.objects.count(), Assessment.objects.count()) == counts


def test_build_scale_org(db):
    User = get_user_model()
    users = User.objects.bulk_create([User(email=f"skala{i}@walesi.test") for i in range(120)])
    ids = [u.pk for u in users] if users[0].pk else list(User.objects.values_list("pk", flat=True))
    result = build_scale_org(ids, seed=3)
    assert result["units"] == 43 and result["employees"] == 120
    employees = Employee.objects.filter(user_id__in=ids)
    assert employees.count() == 120
    assert all(rules.check_nip(nip).ok for nip in employees.values_list("nip", flat=True))
    assert employees.filter(supervisor__isnull=True).count() == 1  # only the head of the root unit
    assert Assessment.objects.filter(employee__in=employees).count() == 2 * 119
    # Idempotent for the same users.
    assert build_scale_org(ids, seed=3)["employees"] == 0
