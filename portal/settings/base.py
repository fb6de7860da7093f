"""Settings shared by every environment; everything that differs comes from the environment."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me-walesi-portal")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so their templates override Wagtail's and allauth's.
    "portal",
    "portal.notifications",
    "home",
    "learning",
    "performance",
    "performance.dashboard",
    "performance.pulse",
    "performance.development",
    "performance.supervision",
    "performance.campaigns",
    "performance.adoption",
    "performance.survey",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.locale_middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.errors.FriendlyErrorPagesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.middleware.PortalCSPMiddleware",
    "portal.middleware.StaffMFAMiddleware",
    "portal.middleware.AdminAccessMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.portal",
                "home.context_processors.organisation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while a background write runs; the timeout avoids "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
    # A covering index's INCLUDE columns are a PostgreSQL speed-up; SQLite builds the plain index and says so on
    # every command. Nothing to act on in the zero-setup default.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: the dashboard's grouped queries are estimated expensive enough to trigger it, and compiling them
    # took longer than running them (EXPLAIN ANALYZE of /pimpinan/ at 5,000 employees: 217 ms of JIT in 379 ms).
    # A web portal's queries are short; JIT pays off only for long analytical scans. PG_JIT=on brings it back.
    DATABASES["default"].setdefault("OPTIONS", {})
    if os.environ.get("PG_JIT", "off") != "on":
        DATABASES["default"]["OPTIONS"]["options"] = "-c jit=off"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "portal.User"

# Django's and allauth's backends, loading the user's roles in the same query (portal/auth_backends.py).
AUTHENTICATION_BACKENDS = [
    "portal.auth_backends.RolesModelBackend",
    "portal.auth_backends.RolesAuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and time -------------------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jayapura"  # WIT, UTC+09:00, no DST
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and media ----------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 30

# --- Cache and Celery: Redis when REDIS_URL is set, in-process otherwise ------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_caches(url: str, *, key_prefix: str = "walesi") -> dict:
    """CACHES for a Redis at `url` (also used by the tests marked `redis`, with a prefix of their own).

    A Redis outage falls back to this process's memory (portal/cache.py): pages and sign-in keep working.
    """
    return {
        "default": {
            "BACKEND": "portal.cache.FallbackRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }


LOCMEM_CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "walesi"}}
CACHES = redis_caches(REDIS_URL) if REDIS_URL else LOCMEM_CACHES

# Sessions live in the database so that a Redis outage does not log everybody out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_ENABLE_UTC = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 4 * 60
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ACKS_LATE = False  # opted into per task, only where the task is idempotent
CELERY_TASK_REJECT_ON_WORKER_LOST = False
# Longer than any countdown or ETA we use (the longest retry backoff is capped at 1 hour).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * 60 * 60}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing must not hang a web request when Redis is down: fail fast; the periodic sweeps catch up.
CELERY_TASK_PUBLISH_RETRY = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Every periodic task, in one place (run by exactly one `celery beat`); each says why it runs when it does.
CELERY_BEAT_SCHEDULE: dict = {
    # Renders any certificate whose PDF task was lost (broker outage); idempotent, so a short period costs little.
    "learning-certificate-sweep": {"task": "learning.tasks.certificate_sweep", "schedule": 15 * 60},
    # 07:00 WIT, before the working day starts; a learner gets at most one mail a day however often it runs.
    "learning-reminders-daily": {"task": "learning.tasks.reminders_daily", "schedule": crontab(hour=7, minute=0)},
    # Campaigns: later joiners (the roster import writes in bulk, no signal) and enrolments a broker outage
    # dropped; idempotent, so hourly costs one query per campaign when nothing changed.
    "campaigns-sweep": {"task": "performance.campaigns.tasks.campaigns_sweep_task", "schedule": 60 * 60},
    # Campaign reminders at 07:15 WIT (7 days before, the due day, overdue); each event once per learner.
    "campaigns-reminders": {
        "task": "performance.campaigns.tasks.campaign_reminders_daily",
        "schedule": crontab(hour=7, minute=15),
    },
    # 23:30 WIT: one snapshot per unit and day of the dashboard's figures; a second run the same day writes nothing.
    "adoption-snapshots": {
        "task": "performance.adoption.tasks.snapshots_nightly",
        "schedule": crontab(hour=23, minute=30),
    },
    # Resends the task of every BackgroundJob (exports ...) whose task a broker outage dropped; idempotent.
    "portal-background-job-sweep": {"task": "portal.tasks.background_job_sweep", "schedule": 5 * 60},
    # Sends the roster invitations whose task a broker outage dropped; idempotent (invited_at).
    "performance-invitation-sweep": {"task": "performance.tasks.invitation_sweep", "schedule": 10 * 60},
    # 08:00 WIT: pulse invitations a broker outage dropped, and the one reminder of each pulse closing within two
    # days, to those who have not answered; idempotent.
    "pulse-reminder-sweep": {
        "task": "performance.pulse.tasks.pulse_reminder_sweep",
        "schedule": crontab(hour=8, minute=0),
    },
    # 03:30 WIT: forget SKM rate-limit counters and spent form tokens that can no longer matter; idempotent.
    "survey-purge-spent": {"task": "survey.tasks.purge_spent_records", "schedule": crontab(hour=3, minute=30)},
    # Mails notices whose task the broker dropped (pending for over 10 minutes); idempotent (row lock, status).
    "notifications-email-sweep": {"task": "portal.notifications.tasks.email_sweep", "schedule": 5 * 60},
    # 07:05 WIT: due-soon and overdue notices of plan actions and assigned courses; every notice has an event key,
    # so a second run (or a missed day caught up) sends nothing twice.
    "development-due-notices": {
        "task": "performance.development.tasks.due_notices_daily",
        "schedule": crontab(hour=7, minute=5),
    },
    # 07:10 WIT: the day before a dialogue's next date, both sides are reminded (once per dialogue and date).
    "supervision-dialogue-reminders": {
        "task": "performance.supervision.tasks.dialogue_reminders_daily",
        "schedule": crontab(hour=7, minute=10),
    },
}

# --- Accounts (django-allauth) -----------------------------------------------------------------------
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_CHANGE_EMAIL = True  # a changed address is verified before it replaces the old one
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_ADAPTER = "portal.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Portal ASN Walesi] "
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/300s/key"}  # 5 failures per account per 5 minutes
# Accounts are provisioned by HR from the roster; a setting opens public signup.
PORTAL_SIGNUP_OPEN = env_bool("PORTAL_SIGNUP_OPEN", False)
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Portal ASN Walesi"
# Staff roles (trainer, supervisor, leadership, HR) must enroll TOTP before any staff page.
PORTAL_REQUIRE_MFA_FOR_STAFF = env_bool("PORTAL_REQUIRE_MFA_FOR_STAFF", False)
# URL prefixes that are staff pages regardless of the view; views add themselves with @staff_page.
PORTAL_STAFF_PATH_PREFIXES = ["/admin/", "/django-admin/"]
# Python packages whose every view is a staff page unless marked @own_page (portal.roles): the performance apps
# (performance, development, supervision, survey, dashboard) show or change other people's performance data.
PORTAL_STAFF_VIEW_MODULES = ["performance"]

# --- Mail --------------------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# A hung mail server must not hold a notice's row lock (or a worker) for long: the task retries instead.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Portal ASN Walesi <noreply@walesi.test>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security headers and CSP (django-csp 4) ---------------------------------------------------------
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
CSRF_FAILURE_VIEW = "portal.errors.csrf_failure"
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview views SAMEORIGIN
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": [
            "'self'",
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# The Wagtail admin uses inline scripts and styles of its own; it gets a relaxed policy on its paths only.
PORTAL_CSP_RELAXED_PREFIXES = ["/admin/", "/django-admin/"]

# --- Wagtail ----------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Portal ASN Walesi"
# The origin users reach; every absolute link is built from it (portal/links.py).
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
# The CSP allows no outside host: no Gravatar avatars (broken images) and no release check (console errors).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- Portal ------------------------------------------------------------------------------------------
PORTAL_MIN_JP_PER_YEAR = 20  # PP 11/2017 art. 203(4) as amended: at least 20 JP a year for a PNS
PORTAL_MINUTES_PER_JP = 45  # common practice; unconfirmed, so a setting
# Modules whose seed(stdout=None) builds demo data, in dependency order; each app adds its own. A seeder reports
# what it holds through counts() -> {label: number} for seed_demo's summary line; a misspelt entry is an error.
PORTAL_DEMO_SEEDERS = [
    "portal.demo",
    "home.devdata.demo",
    "learning.devdata.demo",
    "performance.devdata.demo",
    "performance.pulse.devdata.demo",
    "performance.development.devdata.demo",
    "performance.supervision.devdata.demo",
    "performance.campaigns.devdata.demo",
    "performance.adoption.devdata.demo",
    "performance.survey.devdata.demo",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
    },
}

# --- Learning records ---------------------------------------------------------------------------------
PORTAL_QUIZ_GRACE_SECONDS = 30  # a submission this late after the time limit still counts (slow connections)
# Builders of organisation data for generate_scale_data: dotted functions fn(user_ids, *, seed); a misspelt one is
# an error (portal/devdata/loading.py).
PORTAL_SCALE_BUILDERS: list[str] = [
    "performance.devdata.scale.build_scale_org",
    "performance.survey.devdata.scale.build_scale_survey",
    "performance.campaigns.devdata.scale.build_scale_campaign",  # before adoption: its snapshot counts the campaign
    "performance.adoption.devdata.scale.build_scale_adoption",
]
# Modules with a BENCH_CASES list that `python -m bench` runs besides its own; a misspelt one is an error.
PORTAL_BENCH_MODULES: list[str] = [
    "learning.devdata.bench",
    "performance.devdata.bench",
    "performance.pulse.devdata.bench",
    "performance.development.devdata.bench",
    "performance.supervision.devdata.bench",
    "performance.adoption.devdata.bench",
    "performance.campaigns.devdata.bench",
    "performance.survey.devdata.bench",
]

# --- Citizens' satisfaction survey (SKM) -----------------------------------------------------------------------
SURVEY_TOKEN_MAX_AGE = 2 * 60 * 60  # seconds a public form stays valid (slow phones, long queues)
SURVEY_RATE_LIMIT_PER_HOUR = 30  # per address; generous, since a carrier puts many phones behind one address
