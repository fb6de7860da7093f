"""MFA for staff covers every view of the performance apps by default (issue 9, item 2).

With production's setting on, a staff account without TOTP reaches no page that shows or changes another
person's performance data, GET or POST; an employee's own pages opt out explicitly with @own_page.
"""

from django.urls import URLPattern, URLResolver, get_resolver, reverse

import pytest

from portal.middleware import is_staff_view, view_module

pytestmark = pytest.mark.django_db

STAFF = ["atasan@walesi.test", "pimpinan@walesi.test", "admin@walesi.test"]


@pytest.fixture
def mfa_required(settings):
    settings.PORTAL_REQUIRE_MFA_FOR_STAFF = True


@pytest.fixture
def staff_urls(demo_org):
    from performance.models import Assessment, Employee, PerformancePeriod

    member = Employee.objects.get(user__email="pegawai@walesi.test")
    period = PerformancePeriod.objects.order_by("-start_date").first()
    assessment = Assessment.objects.filter(employee=member).order_by("-pk").first()
    urls = [
        ("get", f"/pegawai/{member.nip}/"),
        ("get", f"/tim/{member.nip}/periode/{period.pk}/"),
        ("post", f"/tim/{member.nip}/periode/{period.pk}/"),
        ("get", "/tim/"),
        ("get", "/pimpinan/"),
        ("get", "/kepegawaian/"),
        ("get", "/admin/"),
    ]
    if assessment is not None:
        urls += [
            ("get", f"/penilaian/{assessment.pk}/"),
            ("post", f"/penilaian/{assessment.pk}/koreksi/"),
        ]
    return urls


@pytest.mark.parametrize("email", STAFF)
def test_staff_without_totp_is_sent_to_enrol_everywhere(client, login, mfa_required, staff_urls, email):
    from performance.models import Assessment

    before = list(Assessment.objects.order_by("pk").values_list("pk", "status", "revision"))
    login(email)
    enrol = reverse("mfa_activate_totp")
    for method, url in staff_urls:
        response = getattr(client, method)(url, {"status": "draft"} if method == "post" else None)
        assert response.status_code == 302, f"{email} {method.upper()} {url}: {response.status_code}"
        assert response["Location"].startswith(enrol), f"{email} {method.upper()} {url}"
    assert list(Assessment.objects.order_by("pk").values_list("pk", "status", "revision")) == before


def test_a_plain_employee_is_not_asked_for_mfa(client, login, mfa_required, demo_org):
    login("pegawai@walesi.test")
    assert client.get("/pegawai/saya/").status_code == 200


@pytest.mark.parametrize("name", ["dashboard:my_profile", "pulse:list"])
def test_own_pages_do_not_ask_staff_for_mfa(client, login, mfa_required, demo_org, name):
    """One's own profile and pulse (and acknowledging one's own assessment) show only one's own data."""
    login("atasan@walesi.test")
    assert client.get(reverse(name)).status_code == 200


def _walk(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def test_every_view_of_the_performance_apps_is_a_staff_page_unless_marked_own(rf, settings):
    """Structural: a new view in any performance app is covered without anyone remembering."""
    request = rf.get("/x/")
    found = 0
    for route, callback in _walk(get_resolver()):
        if not view_module(callback).startswith("performance"):
            continue
        found += 1
        own = getattr(callback, "portal_own_page", False)
        assert is_staff_view(request, callback) is (not own), route
    assert found >= 10


def test_the_rule_holds_for_a_view_nobody_marked(rf):
    def new_view(request):
        return None

    new_view.__module__ = "performance.supervision.views"
    assert is_staff_view(rf.get("/dialog/1/"), new_view)
    new_view.__module__ = "learning.views"
    assert not is_staff_view(rf.get("/belajar/"), new_view)


def test_a_staff_members_own_assessment_is_not_a_staff_page(client, login, mfa_required, demo_org):
    """A supervisor reads the assessment her own supervisor made of her without MFA; anyone else's stays behind it."""
    from performance.models import Assessment

    own = Assessment.objects.filter(employee__user__email="atasan@walesi.test").exclude(status="draft").first()
    other = Assessment.objects.filter(employee__user__email="pegawai@walesi.test").exclude(status="draft").first()
    assert own is not None and other is not None
    login("atasan@walesi.test")
    assert client.get(f"/penilaian/{own.pk}/").status_code == 200
    response = client.get(f"/penilaian/{other.pk}/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_activate_totp"))
