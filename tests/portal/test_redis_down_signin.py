"""Sign-in and password reset keep working while Redis is down (issue 9, item 1).

The cache settings are the ones production builds from REDIS_URL, pointed at a port nobody listens on.
"""

import logging
import re
import time

from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

import pytest

from portal.demo import DEMO_PASSWORD
from portal.settings.base import redis_caches

pytestmark = pytest.mark.django_db

DEAD_REDIS = "redis://127.0.0.1:1/8"  # nothing listens on port 1


@pytest.fixture
def dead_redis_cache():
    with override_settings(REDIS_URL=DEAD_REDIS, CACHES=redis_caches(DEAD_REDIS)):
        yield
        cache.clear()  # also empties the in-process fallback


def test_login_with_redis_down_signs_in_quickly_and_logs(client, demo_users, dead_redis_cache, caplog):
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        response = client.post(
            reverse("account_login"), {"login": "pegawai@walesi.test", "password": DEMO_PASSWORD}, follow=True
        )
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert response.wsgi_request.user.is_authenticated
    assert "Yosina Wenda" in client.get("/").content.decode()
    assert elapsed < 3, f"sign-in took {elapsed:.1f} s with Redis down"
    assert "Redis cache unreachable" in caplog.text


def test_password_reset_with_redis_down_sends_the_mail(client, demo_users, dead_redis_cache):
    response = client.post(reverse("account_reset_password"), {"email": "pegawai@walesi.test"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/akun/password/reset/key/\S+)", mail.outbox[0].body).group(1)
    page = client.get(link, follow=True)
    assert page.status_code == 200


def test_failed_logins_are_still_limited_per_process_with_redis_down(client, demo_users, dead_redis_cache):
    for _ in range(5):
        response = client.post(reverse("account_login"), {"login": "pegawai@walesi.test", "password": "salah-123456"})
        assert response.status_code == 200
    response = client.post(reverse("account_login"), {"login": "pegawai@walesi.test", "password": DEMO_PASSWORD})
    assert not response.wsgi_request.user.is_authenticated
    assert "Terlalu banyak percobaan masuk yang gagal" in response.content.decode()
