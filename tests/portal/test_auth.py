"""Accounts: login by email, logout, password reset, closed signup, MFA with TOTP, lockout."""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

from portal.demo import DEMO_PASSWORD
from portal.roles import Role

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def _forget_rate_limits():
    # Only allauth's rate-limit keys, should this run on a Redis cache (tests marked redis) that others share.
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("allauth:rl:*")
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    _forget_rate_limits()
    yield
    _forget_rate_limits()


def current_totp(secret: str) -> str:
    counters = list(yield_hotp_counters_from_time())
    counter = counters[len(counters) // 2]  # the middle one is "now" (tolerance on either side)
    return format_hotp_value(hotp_value(secret, counter))


def allauth_login(client, email, password=DEMO_PASSWORD, follow=False):
    return client.post(reverse("account_login"), {"login": email, "password": password}, follow=follow)


def test_login_by_email_shows_name_then_logout(client, demo_site):
    UserFactory(email="pegawai@walesi.test", first_name="Yosina", last_name="Wenda", roles=[Role.PEGAWAI])
    response = allauth_login(client, "pegawai@walesi.test", follow=True)
    assert response.status_code == 200
    assert response.wsgi_request.user.email == "pegawai@walesi.test"
    home = client.get("/")
    assert "Yosina Wenda" in home.content.decode()

    response = client.post(reverse("account_logout"), follow=True)
    assert not response.wsgi_request.user.is_authenticated
    assert "Yosina Wenda" not in client.get("/").content.decode()


def test_login_with_wrong_password_is_refused_in_indonesian(client):
    UserFactory(email="pegawai@walesi.test", roles=[Role.PEGAWAI])
    response = allauth_login(client, "pegawai@walesi.test", password="salah-sekali-123")
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert "tidak benar" in response.content.decode() or "salah" in response.content.decode().lower()


def test_email_is_case_insensitive(client, demo_site):
    UserFactory(email="pegawai@walesi.test", roles=[Role.PEGAWAI])
    response = allauth_login(client, "Pegawai@Walesi.TEST", follow=True)
    assert response.wsgi_request.user.is_authenticated


def test_password_reset_sends_mail_and_link_sets_new_password(client, demo_users):
    response = client.post(reverse("account_reset_password"), {"email": "pegawai@walesi.test"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["pegawai@walesi.test"]
    link = re.search(r"https?://[^/\s]+(/akun/password/reset/key/\S+)", message.body).group(1)

    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    new_password = "Baru-Sekali-2026!"
    response = client.post(form_url, {"password1": new_password, "password2": new_password}, follow=True)
    assert response.status_code == 200
    client.logout()
    assert client.login(email="pegawai@walesi.test", password=new_password)


def test_password_reset_for_unknown_email_sends_nothing_revealing(client, db):
    response = client.post(reverse("account_reset_password"), {"email": "tidak-ada@walesi.test"})
    assert response.status_code == 302  # same answer as for a known address: no account enumeration
    assert all("reset/key" not in m.body for m in mail.outbox)


def test_public_signup_is_closed_by_default(client, db):
    response = client.post(
        reverse("account_signup"),
        {"email": "orang@contoh.test", "password1": "Sangat-Rahasia-99", "password2": "Sangat-Rahasia-99"},
    )
    assert response.status_code == 200
    assert not get_user_model().objects.filter(email="orang@contoh.test").exists()
    assert "Daftar" not in client.get(reverse("account_login")).content.decode()


@override_settings(PORTAL_SIGNUP_OPEN=True)
def test_signup_opens_with_the_setting(client, db):
    response = client.post(
        reverse("account_signup"),
        {"email": "orang@contoh.test", "password1": "Sangat-Rahasia-99", "password2": "Sangat-Rahasia-99"},
    )
    assert response.status_code == 302
    assert get_user_model().objects.filter(email="orang@contoh.test").exists()


def test_lockout_message_after_too_many_failures(client):
    UserFactory(email="pegawai@walesi.test", roles=[Role.PEGAWAI])
    for _ in range(5):
        allauth_login(client, "pegawai@walesi.test", password="salah-sekali-123")
    response = allauth_login(client, "pegawai@walesi.test")  # even the right password is refused now
    assert not response.wsgi_request.user.is_authenticated
    assert "Terlalu banyak percobaan masuk yang gagal" in response.content.decode()


def enroll_totp(client) -> str:
    response = client.get(reverse("mfa_activate_totp"))
    if response.status_code == 302 and response["Location"].startswith(reverse("account_reauthenticate")):
        # allauth asks for the password again before a security change
        client.post(reverse("account_reauthenticate"), {"password": DEMO_PASSWORD})
        response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200, response
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(reverse("mfa_activate_totp"), {"code": current_totp(secret)})
    assert response.status_code == 302, response.content.decode()[:500]
    return secret


def test_mfa_enrollment_then_login_requires_totp(client, demo_site):
    user = UserFactory(email="pelatih@walesi.test", roles=[Role.PELATIH])
    allauth_login(client, "pelatih@walesi.test")
    secret = enroll_totp(client)
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists()
    client.post(reverse("account_logout"))

    response = allauth_login(client, "pelatih@walesi.test")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    assert not client.get("/").wsgi_request.user.is_authenticated  # password alone is not enough

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert not response.wsgi_request.user.is_authenticated
    response = client.post(reverse("mfa_authenticate"), {"code": current_totp(secret)}, follow=True)
    assert response.wsgi_request.user.email == "pelatih@walesi.test"


@override_settings(PORTAL_REQUIRE_MFA_FOR_STAFF=True)
@pytest.mark.parametrize(
    ("role", "superuser"), [(Role.PELATIH, False), (Role.ADMIN_KEPEGAWAIAN, True)], ids=["pelatih", "admin"]
)
def test_staff_must_enroll_mfa_before_staff_pages(client, demo_site, role, superuser):
    user = UserFactory(roles=[role], is_superuser=superuser, is_staff=superuser)
    allauth_login(client, user.email)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    enroll_totp(client)
    assert client.get("/admin/").status_code == 200


@override_settings(PORTAL_REQUIRE_MFA_FOR_STAFF=True)
def test_mfa_requirement_leaves_learners_alone(client, demo_site):
    UserFactory(email="pegawai@walesi.test", roles=[Role.PEGAWAI])
    allauth_login(client, "pegawai@walesi.test")
    assert client.get("/").status_code == 200
    assert client.get(reverse("account_change_password")).status_code == 200


def test_wagtail_admin_login_goes_through_allauth(client, db):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=%2Fadmin%2Fpages%2F" in response["Location"]
    response = client.get("/admin/login/?next=https://evil.example/")
    assert "evil" not in response["Location"]


def test_changed_email_is_verified_before_it_is_used(client, demo_users):
    allauth_login(client, "pegawai@walesi.test")
    mail.outbox.clear()
    response = client.post(reverse("account_email"), {"action_add": "", "email": "yosina.baru@walesi.test"})
    assert response.status_code == 302
    assert any("yosina.baru@walesi.test" in m.to for m in mail.outbox)  # a confirmation goes to the new address
    user = get_user_model().objects.get(pk=demo_users["pegawai@walesi.test"].pk)
    assert user.email == "pegawai@walesi.test"  # unchanged until confirmed
