import pytest

pytestmark = pytest.mark.django_db

ADMIN_URLS = [
    "/admin/snippets/performance/orgunit/",
    "/admin/snippets/performance/employee/",
    "/admin/snippets/performance/performanceperiod/",
    "/admin/snippets/performance/leadershipscope/",
]


def test_hr_admin_group_manages_performance_models(demo_org, login):
    from django.contrib.auth.models import Group

    from portal.roles import Role

    perms = set(Group.objects.get(name=Role.ADMIN_KEPEGAWAIAN).permissions.values_list("codename", flat=True))
    assert {"change_employee", "add_orgunit", "change_performanceperiod", "delete_leadershipscope"} <= perms
    client = login("admin@walesi.test")
    for url in ADMIN_URLS:
        assert client.get(url).status_code == 200, url
    page = client.get("/admin/snippets/performance/employee/").content.decode()
    assert "Yosina Wenda" in page
    assert "snippets/performance/" in client.get("/admin/").content.decode()  # the menu group is shown


def test_trainer_does_not_see_performance_admin(demo_org, login):
    from django.contrib.auth.models import Group

    from portal.roles import Role

    perms = set(Group.objects.get(name=Role.PELATIH).permissions.values_list("content_type__app_label", flat=True))
    assert "performance" not in perms
    client = login("pelatih@walesi.test")
    for url in ADMIN_URLS:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert "snippets/performance" not in response["Location"]
    assert "snippets/performance/" not in client.get("/admin/").content.decode()  # not in the menu either
