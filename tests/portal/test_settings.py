"""Settings: one beat schedule naming real tasks; tests run on a local-memory cache unless marked `redis`."""

from django.conf import settings
from django.core.cache import cache, caches

import pytest

from portal import celery_app


def test_every_beat_entry_names_a_registered_task():
    celery_app.loader.import_default_modules()
    assert settings.CELERY_BEAT_SCHEDULE
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in celery_app.tasks, name


def test_unmarked_tests_use_the_local_memory_cache():
    assert caches["default"].__class__.__name__ == "LocMemCache"


@pytest.mark.redis
def test_tests_marked_redis_get_the_real_redis_cache_under_their_own_prefix(_redis_cache_when_marked):
    from django_redis.cache import RedisCache

    # portal.cache.FallbackRedisCache: the Redis cache that falls back to memory when Redis is down (issue 9).
    assert isinstance(caches["default"], RedisCache)
    assert caches.settings["default"]["LOCATION"] == _redis_cache_when_marked
    assert caches["default"].key_prefix.startswith("walesi-test-")
    cache.set("probe", "ok", 30)
    assert cache.get("probe") == "ok"
    assert caches["default"].client.get_client().exists(caches["default"].make_key("probe"))
