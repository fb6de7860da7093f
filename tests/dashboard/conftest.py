from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from portal.demo import DEMO_PASSWORD
from portal.roles import Role


@pytest.fixture
def team(demo_org, demo_content):
    """The demo organisation with the published content, plus an account for another supervisor (kasi_pmk, who
    supervises pegawai2) and for a trainer: who may do what."""
    User = get_user_model()
    other = User.objects.create_user(email="kasi.pmk@walesi.test", password=DEMO_PASSWORD)
    other.groups.add(Group.objects.get(name=Role.ATASAN), Group.objects.get(name=Role.PEGAWAI))
    employees = demo_org["employees"]
    employees["kasi_pmk"].user = other
    employees["kasi_pmk"].save(update_fields=["user"])
    users = {u.email.split("@")[0]: u for u in User.objects.all()}
    return {**demo_org, "users": users, "employees": employees}


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
