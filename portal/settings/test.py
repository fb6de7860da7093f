from .base import *  # noqa: F401,F403
from .base import CONTENT_SECURITY_POLICY, LOCMEM_CACHES  # noqa: F401

SECRET_KEY = "test-secret-key-not-for-production-walesi"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Every test gets a local-memory cache, also in CI where REDIS_URL is set: no test shares a Redis with another run
# or with a dev server. Tests marked `redis` swap in the real Redis cache (tests/conftest.py).
CACHES = LOCMEM_CACHES
# Tests talk to the real broker only through the dedicated worker tests; everything else runs in-process.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
PORTAL_BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # Tests need no durability: a commit does not wait for the disk (the suite commits a great deal: test database
    # creation, TransactionTestCase flushes, live-server tests). Nothing else about PostgreSQL's behaviour changes.
    DATABASES["default"]["OPTIONS"]["options"] += " -c synchronous_commit=off"  # noqa: F405
