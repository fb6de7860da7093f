"""/healthz/ reports the database and Redis; with Redis down it says 503 and the portal still renders."""

from django.test import override_settings

import pytest

pytestmark = pytest.mark.django_db

DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1
DEAD_CACHE = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": DEAD_REDIS,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
}


def test_healthz_ok(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True


@pytest.mark.redis
def test_healthz_reports_live_redis(client, redis_url):
    with override_settings(REDIS_URL=redis_url):
        body = client.get("/healthz/").json()
    assert body["checks"]["redis"]["ok"] is True


@override_settings(REDIS_URL=DEAD_REDIS, CACHES=DEAD_CACHE)
def test_redis_down_is_503_and_pages_still_render(client, login, demo_users):
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["checks"]["redis"]["ok"] is False
    assert client.get("/").status_code == 200
    assert client.get("/akun/login/").status_code == 200
    client = login("pegawai@walesi.test")
    assert "Yosina" in client.get("/").content.decode()
