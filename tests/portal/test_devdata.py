"""Demo seeders, scale builders and bench modules named in settings: a misspelt one fails loudly."""

import io
import logging

from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

import pytest

from portal.devdata.loading import setting_attribute, setting_callable, setting_module


def a_builder(user_ids, *, seed):
    return None


NOT_CALLABLE = 3


@pytest.mark.parametrize(
    ("dotted", "message"),
    [
        ("portal.demoo.seed", "no module 'portal.demoo'"),
        ("not_an_app.scale.build", "no module 'not_an_app'"),
        ("tests.portal.test_devdata.a_bulider", "has no function 'a_bulider'"),
        ("tests.portal.test_devdata.NOT_CALLABLE", "has no function 'NOT_CALLABLE'"),
        ("build", "dotted paths"),
    ],
)
def test_a_misspelt_function_is_an_error_naming_the_setting(dotted, message):
    with pytest.raises(ImproperlyConfigured) as excinfo:
        setting_callable(dotted, setting="PORTAL_SCALE_BUILDERS")
    assert "PORTAL_SCALE_BUILDERS" in str(excinfo.value) and message in str(excinfo.value)


def test_a_named_function_is_returned():
    assert setting_callable("tests.portal.test_devdata.a_builder", setting="PORTAL_SCALE_BUILDERS") is a_builder


def test_an_import_error_inside_an_existing_module_is_not_hidden(tmp_path, monkeypatch):
    (tmp_path / "broken_seeder.py").write_text("import not_installed_anywhere\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError):
        setting_module("broken_seeder", setting="PORTAL_DEMO_SEEDERS")


def test_a_bench_module_without_cases_or_misspelt_is_an_error(settings):
    from bench.runner import load_cases

    with pytest.raises(ImproperlyConfigured, match="defines no BENCH_CASES"):
        setting_attribute("portal.demo", "BENCH_CASES", setting="PORTAL_BENCH_MODULES")
    settings.PORTAL_BENCH_MODULES = ["learning.devdata.bench", "learning.devdata.bnech"]
    with pytest.raises(ImproperlyConfigured, match="PORTAL_BENCH_MODULES names 'learning.devdata.bnech'"):
        load_cases()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("seeders", "message"),
    [
        (["portal.demo", "home.devdata.demoo"], "no module 'home.devdata.demoo'"),
        (["portal.demo", "portal.roles"], "'portal.roles' has no function 'seed'"),
    ],
)
def test_seed_demo_refuses_a_misspelt_seeder_before_writing_anything(settings, seeders, message):
    from portal.models import User

    settings.PORTAL_DEMO_SEEDERS = seeders
    with pytest.raises(ImproperlyConfigured, match=message):
        call_command("seed_demo", stdout=io.StringIO())
    assert not User.objects.exists()


@pytest.mark.django_db
def test_seed_demo_prints_the_accounts_and_one_summary_line(settings, caplog):
    settings.PORTAL_DEMO_SEEDERS = ["portal.demo", "home.devdata.demo"]
    caplog.set_level(logging.INFO)
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert (
        lines[0] == "Demo data ready at http://127.0.0.1:8000/ (6 accounts, 3 standards, 5 articles, 1 announcements)."
    )
    assert lines[1].startswith("Demo accounts (password for all: Walesi-Demo-2026)")
    assert len(lines) == 2 + 6 and "admin@walesi.test" in lines[-1]
    assert not [r for r in caplog.records if r.name.startswith("wagtail") and r.levelno < logging.WARNING]


def test_every_demo_seeder_reports_counts(settings):
    for path in settings.PORTAL_DEMO_SEEDERS:
        assert callable(setting_callable(f"{path}.counts", setting="PORTAL_DEMO_SEEDERS")), path


@pytest.mark.django_db
def test_user_factory_builds_users_of_a_role_who_can_log_in(client):
    from portal.roles import Role, has_role

    from .factories import UserFactory

    first, second = UserFactory(roles=[Role.PELATIH]), UserFactory()
    assert first.email != second.email
    assert has_role(first, Role.PELATIH) and not has_role(second, Role.PELATIH)
    assert first.emailaddress_set.get().verified
    assert client.login(email=first.email, password="Walesi-Demo-2026")
