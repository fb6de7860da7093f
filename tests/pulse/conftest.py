import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from performance.models import Employee, LeadershipScope, OrgUnit
from performance.pulse import services
from performance.pulse.models import Pulse
from portal import dates
from portal.demo import DEMO_PASSWORD
from portal.roles import Role
from tests.performance import factories


@pytest.fixture
def org(demo_org):
    """The demo organisation plus ten colleagues of pegawai@ with accounts in Seksi Pelayanan Umum, a leader who
    oversees only that seksi, and one ASN with an account outside the distrik."""
    units = {u.code: u for u in OrgUnit.objects.all()}
    User = get_user_model()
    pegawai_group = Group.objects.get(name=Role.PEGAWAI)
    colleagues = []
    for i in range(10):
        user = User.objects.create_user(email=f"rekan{i}@walesi.test", password=DEMO_PASSWORD)
        user.groups.add(pegawai_group)
        colleagues.append(user)
        factories.employee(units["WLS.PEL"], user=user, name=f"Rekan {i}")
    outside_unit = factories.unit("LAIN", name="Distrik Lain", kind=OrgUnit.Kind.DISTRIK)
    outsider = User.objects.create_user(email="luar@walesi.test", password=DEMO_PASSWORD)
    outsider.groups.add(pegawai_group)
    factories.employee(outside_unit, user=outsider, name="Orang Luar")
    leader = User.objects.create_user(email="kasi@walesi.test", password=DEMO_PASSWORD)
    leader.groups.add(Group.objects.get(name=Role.PIMPINAN))
    LeadershipScope.objects.create(user=leader, unit=units["WLS.PEL"])
    return {
        **demo_org,
        "units": units,
        "colleagues": colleagues,
        "outsider": outsider,
        "outside_unit": outside_unit,
        "scoped_leader": leader,
        "pegawai": User.objects.get(email="pegawai@walesi.test"),
    }


@pytest.fixture
def open_pulse(org):
    today = dates.today()
    return services.pulse_open(
        opened_by=None,
        title="Pulse uji",
        opens_on=today - dt.timedelta(days=1),
        closes_on=today + dt.timedelta(days=10),
        units=[org["units"]["WLS"]],
    )


def answer(pulse, user, scores=(4, 4, 3, 5, 2), text=""):
    services.pulse_answer(pulse=pulse, user=user, scores=list(scores), open_answer=text)


def close(pulse):
    Pulse.objects.filter(pk=pulse.pk).update(status=Pulse.Status.CLOSED)
    pulse.refresh_from_db()
    return pulse


def employee_of(user):
    return Employee.objects.get(user=user)
