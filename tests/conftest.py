"""Shared fixtures. In CI (CI=true) a skipped test fails the run: nothing may be skipped for lack of a service."""

import os
import shutil

import pytest

from portal.demo import DEMO_PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"Skipped in CI, which must run everything: {reason}"


@pytest.fixture(autouse=True)
def _redis_cache_when_marked(request):
    """Tests marked `redis` get the real Redis cache (under a key prefix of this run, removed afterwards); every
    other test keeps the test settings' local-memory cache."""
    if request.node.get_closest_marker("redis") is None:
        yield None
        return
    url = request.getfixturevalue("redis_url")
    from django.core.cache import cache, caches, close_caches

    from asgiref.local import Local

    from portal.settings.base import redis_caches

    # Swapped in the cache handler, not with override_settings: Celery cannot read Django's settings through one.
    close_caches()
    caches._settings = caches.settings = redis_caches(url, key_prefix=f"walesi-test-{os.getpid()}")
    caches._connections = Local()
    try:
        yield url
        cache.delete_pattern("*")  # only this prefix's keys
    finally:
        close_caches()
        caches._settings = caches.settings = caches.configure_settings(None)
        caches._connections = Local()


@pytest.fixture(autouse=True)
def _fresh_organisation_cache(_redis_cache_when_marked):
    """The organisation settings and the BerAKHLAK values are cached across requests; a rolled-back test must not
    leave its copy behind."""
    from django.core.cache import cache

    from home.context_processors import CACHE_KEY
    from home.selectors import CORE_VALUES_CACHE_KEY

    cache.delete_many([CACHE_KEY, CORE_VALUES_CACHE_KEY])
    yield
    cache.delete_many([CACHE_KEY, CORE_VALUES_CACHE_KEY])


@pytest.fixture
def demo_site(db):
    """The site with its published HomePage at / (no other content: tests that need it seed it)."""
    from tests.home.factories import site_home

    return site_home()


@pytest.fixture
def demo_users(demo_site):
    """The demo accounts of every role, as seed_demo creates them (with the site)."""
    from portal import demo

    return demo.seed()


@pytest.fixture
def demo_org(demo_site, demo_users):
    """The demo accounts plus the demo organisation of the distrik, assessed on the three published standards."""
    from performance.devdata import demo
    from tests.performance.factories import published_standards

    published_standards(demo_site)
    data = demo.seed()
    data["users"] = demo_users
    return data


@pytest.fixture
def demo_content(demo_users):
    """The demo accounts plus the published demo content: standards, articles, announcement, the three courses."""
    from home.devdata import demo as home_demo
    from learning.devdata import demo as learning_demo

    home_demo.seed()
    learning_demo.seed()
    return demo_users


@pytest.fixture
def login(client):
    """Log the test client in as a demo account by email."""

    def _login(email: str):
        client.logout()
        assert client.login(email=email, password=DEMO_PASSWORD), f"cannot log in as {email}"
        return client

    return _login


@pytest.fixture
def redis_url():
    url = os.environ.get("REDIS_URL", "")
    if not url:
        pytest.skip("needs a live Redis: set REDIS_URL (CI sets it)")
    return url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; never downloads a browser."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture
def access_matrix(client, login):
    """Check every role against every URL: `access_matrix(urls, expected, roles)`; "login" means redirected to
    the login page. Returns the failures (an empty list when the matrix holds)."""

    def check(urls: dict[str, str], expected: dict[str, tuple], roles: list[str]) -> list[str]:
        failures = []
        for index, role in enumerate(roles):
            c = client if role == "anonymous" else login(f"{role}@walesi.test")
            if role == "anonymous":
                c.logout()
            for name, url in urls.items():
                want = expected[name][index]
                response = c.get(url)
                if want == "login":
                    ok = response.status_code == 302 and "/akun/login/" in response["Location"]
                else:
                    ok = response.status_code == want
                if not ok:
                    failures.append(f"{role} {name}: expected {want}, got {response.status_code}")
        return failures

    return check


@pytest.fixture
def query_count():
    """Queries of one GET, after a warm-up GET (per-process caches filled as on a running server)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(client, url) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        return len(ctx.captured_queries)

    return count


@pytest.fixture
def constant_queries(demo_org, login, query_count):
    """`constant_queries(email, url)`: the page's query count for that account, asserted to be the same after
    the demo organisation grows (15 more team members, 6 more assessed periods) and within the page budget."""
    from tests.performance.factories import grow_demo_org

    def check(email: str, url: str, budget: int = 15) -> int:
        client = login(email)
        client.get(url)  # warm per-process caches (content types, site settings)
        small = query_count(client, url)
        grow_demo_org(demo_org, extra_members=15, extra_periods=6)
        large = query_count(client, url)
        assert small == large, f"{url}: {small} queries before, {large} after"
        assert large <= budget
        return large

    return check


@pytest.fixture
def team(demo_org, demo_content):
    """Supervision, development and the team view: the demo organisation with the published content, plus an
    account for another supervisor (kasi_pmk, who supervises pegawai2) and for a trainer: who may do what."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from portal.demo import DEMO_PASSWORD
    from portal.roles import Role

    User = get_user_model()
    other = User.objects.create_user(email="kasi.pmk@walesi.test", password=DEMO_PASSWORD)
    other.groups.add(Group.objects.get(name=Role.ATASAN), Group.objects.get(name=Role.PEGAWAI))
    employees = demo_org["employees"]
    employees["kasi_pmk"].user = other
    employees["kasi_pmk"].save(update_fields=["user"])
    users = {u.email.split("@")[0]: u for u in User.objects.all()}
    return {**demo_org, "users": users, "employees": employees}


@pytest.fixture(autouse=True)
def _language_reset():
    """A request in English leaves English active in the thread (the locale middleware activates the language
    and nothing turns it back): every test starts and ends in the portal's default language."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
