"""Signed-in users without admin access get the 403 page, not a redirect loop (issue 9, item 12)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "email,path",
    [
        ("pegawai@walesi.test", "/admin/"),
        ("atasan@walesi.test", "/admin/"),
        ("pegawai@walesi.test", "/admin/pages/"),
        ("pegawai@walesi.test", "/django-admin/"),
        ("atasan@walesi.test", "/django-admin/"),
        ("pelatih@walesi.test", "/django-admin/"),
        ("pelatih@walesi.test", "/django-admin/portal/user/"),
    ],
)
def test_no_access_is_403_not_a_redirect(client, login, demo_users, email, path):
    login(email)
    response = client.get(path)
    assert response.status_code == 403
    assert "Akses ditolak" in response.content.decode()


@pytest.mark.parametrize("email,path", [("pelatih@walesi.test", "/admin/"), ("admin@walesi.test", "/django-admin/")])
def test_who_has_access_still_gets_in(client, login, demo_users, email, path):
    login(email)
    assert client.get(path).status_code == 200


def test_signed_out_still_goes_to_the_login_page(client, demo_site):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]
