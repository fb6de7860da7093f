"""A Redis cache that keeps working while Redis is down, by falling back to this process's local memory.

django-redis with IGNORE_EXCEPTIONS turns every failed call into "no value" — but `cache.add()` then answers False,
and allauth's rate limiter reads a failed `add()` as "locked by someone else" and refuses the sign-in with a 429.
This backend answers from a local-memory cache instead: rate limits degrade to per-process (and are logged), pages
and sign-in keep working. After a failure Redis is left alone for `RETRY_AFTER` seconds, so a dead server costs one
connect timeout per process and outage window, not one per call.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

DOWN_ERRORS = (ConnectionInterrupted, RedisConnectionError, RedisTimeoutError, OSError)


class FallbackRedisCache(RedisCache):
    RETRY_AFTER = 15.0

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        options["IGNORE_EXCEPTIONS"] = False  # we catch them ourselves, so that add() keeps its meaning
        super().__init__(server, {**params, "OPTIONS": options})
        self._fallback = LocMemCache(f"fallback-{server}", {"TIMEOUT": params.get("TIMEOUT", 300)})
        self._down_until = 0.0
        self._lock = threading.Lock()

    @property
    def is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _mark_down(self, exc: BaseException) -> None:
        with self._lock:
            first = not self.is_down
            self._down_until = time.monotonic() + self.RETRY_AFTER
        if first:
            logger.warning(
                "Redis cache unreachable (%s); using this process's memory for %.0f s. "
                "Rate limits now count per process.",
                exc.__class__.__name__,
                self.RETRY_AFTER,
            )

    def _call(self, name: str, *args, **kwargs):
        if not self.is_down:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except DOWN_ERRORS as exc:
                self._mark_down(exc)
        if name == "delete_pattern":
            return 0
        return getattr(self._fallback, name)(*args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def decr(self, *args, **kwargs):
        return self._call("decr", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def clear(self):
        self._fallback.clear()
        return self._call("clear")

    def delete_pattern(self, *args, **kwargs):
        return self._call("delete_pattern", *args, **kwargs)
