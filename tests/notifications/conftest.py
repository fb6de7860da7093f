import pytest

from portal.notifications import kinds

from .factories import UserFactory

KIND = "uji.pesan"  # email on by default
QUIET_KIND = "uji.senyap"  # email off by default


@pytest.fixture(autouse=True)
def test_kinds():
    kinds.register_kind(KIND, label="Pesan uji", email_default=True)
    kinds.register_kind(QUIET_KIND, label="Pesan uji tanpa email", email_default=False)
    yield
    kinds.unregister_kind(KIND)
    kinds.unregister_kind(QUIET_KIND)


@pytest.fixture
def person(db):
    return UserFactory(email="yosina@walesi.test", first_name="Yosina", last_name="Wenda")


@pytest.fixture
def other(db):
    return UserFactory(email="markus@walesi.test", first_name="Markus", last_name="Lokobal")
