"""Pelayan settings. Every environment variable is read through config.env and documented in
docs/configuration.md."""

from __future__ import annotations

import os
import secrets
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_choice, env_header, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

# Where this process runs: production (the default, so a forgotten variable fails safe),
# development (local commands; the Makefile sets it) or test (the suite; config.settings_test).
PELAYAN_ENV = env_choice("PELAYAN_ENV", ["production", "development", "test"], "production")
DEBUG = env_bool("PELAYAN_DEBUG", False)
# A fixed key would be a shared secret. It is only used for DEBUG runs and in the development and
# test environments; production never uses it.
SECRET_KEY = env_str("PELAYAN_SECRET_KEY", "")
USING_INSECURE_KEY = not SECRET_KEY
# Production without a key: the command-line tools that neither serve requests nor make anything
# the key signs (config.secret_key.KEYLESS_COMMANDS: `pelayan due`, `migrate`, `signing`, ...) run
# with a random key of their own, trusted by nothing; serving (config/wsgi.py, config/asgi.py) and
# every other command stop with config.secret_key.MISSING_KEY.
SECRET_KEY_MISSING = USING_INSECURE_KEY and not DEBUG and PELAYAN_ENV == "production"
if SECRET_KEY_MISSING:
    SECRET_KEY = "unset-" + secrets.token_urlsafe(48)
elif USING_INSECURE_KEY:
    SECRET_KEY = "insecure-local-only-" + "0" * 40  # only reachable in local/test runs
ALLOWED_HOSTS = env_list("PELAYAN_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("PELAYAN_CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("PELAYAN_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "csp",
    "axes",
    "audit",
    "accounts",
    "standards",
    "calendars",
    "cases",
    "importer",
    "api",
    "public",
    "scheduling",
    "workspace",
    "documents",
    "surveys",
    "open311",
    "lapor",
    "complaints",
    "notifications",
    "frontdesk",
    "consultations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "config.error_pages.SiteNotFoundPageMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: turns a refused (locked-out) login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Embedded SQLite (WAL) by default; PostgreSQL (or any engine dj-database-url knows) via DATABASE_URL.
_database_url = env_str("DATABASE_URL", "")
if _database_url:
    DATABASES = {
        "default": dj_database_url.parse(_database_url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60))
    }
else:
    _sqlite_path = Path(env_str("PELAYAN_SQLITE_PATH", str(BASE_DIR / "var" / "pelayan.sqlite3")))
    # A fresh clone has no var/; SQLite cannot create the folder itself.
    _sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            # Django's SQLite backend with its writers queued (see config/sqlite/base.py).
            "ENGINE": "config.sqlite",
            "NAME": _sqlite_path,
            # Kept open between requests, as on a server database: opening one (the backend's
            # functions, the PRAGMAs below) cost more than most public pages' queries.
            "CONN_MAX_AGE": env_int("DATABASE_CONN_MAX_AGE", 60),
            # A file, not the shared in-memory database: tests with concurrent writers need real
            # SQLite locking (busy timeout, WAL), which the in-memory cache mode does not have.
            "TEST": {"NAME": str(Path(tempfile.gettempdir()) / f"pelayan-test-{os.getpid()}.sqlite3")},
            "OPTIONS": {
                # WAL lets readers run while a writer commits; IMMEDIATE avoids "database is locked"
                # upgrades in the middle of a write transaction.
                "transaction_mode": "IMMEDIATE",
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; "
                    f"PRAGMA busy_timeout={env_int('PELAYAN_SQLITE_BUSY_TIMEOUT_MS', 5000)};"
                ),
                # Python's own wait for the lock, kept equal to SQLite's (seconds).
                "timeout": env_int("PELAYAN_SQLITE_BUSY_TIMEOUT_MS", 5000) / 1000,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The staff workspace signs officers in; the admin keeps its own login page.
LOGIN_URL = "workspace:login"

# Login protection (django-axes): every authenticate() call with a request is counted, whichever
# form made it. The axes backend only refuses locked-out attempts (before any password is hashed);
# ModelBackend then checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("PELAYAN_LOGIN_FAILURE_LIMIT", 5)
_cooloff_minutes = env_int("PELAYAN_LOGIN_COOLOFF_MINUTES", 15)
AXES_COOLOFF_TIME = timedelta(minutes=_cooloff_minutes) if _cooloff_minutes > 0 else None
# By account (wherever the attempts come from) and, separately, by address (whichever accounts
# it tries).
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.login_protection.lockout_response"
AXES_CLIENT_IP_CALLABLE = "accounts.login_protection.client_ip"
# Our own admin for attempts (accounts.admin) unlocks through the audited service.
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# Request header (Django META name, e.g. HTTP_X_FORWARDED_FOR) holding the visitor's address
# behind a proxy; unset: the connection's address.
PELAYAN_CLIENT_IP_HEADER = env_str("PELAYAN_CLIENT_IP_HEADER", "")

# Indonesian first, English second.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Stored in UTC; shown in each agency's own zone (WIB/WITA/WIT).
TIME_ZONE = "Asia/Jakarta"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve files straight from the apps' static folders when collectstatic has not run (local demo, tests).
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = Path(env_str("PELAYAN_MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# One file given for a requirement of a case (PDF, JPEG or PNG).
PELAYAN_CASE_FILE_MAX_BYTES = env_int("PELAYAN_CASE_FILE_MAX_BYTES", 5 * 1024 * 1024)
# The ID photo taken at the guest-book kiosk (frontdesk/photos.py).
PELAYAN_FRONTDESK_PHOTO_MAX_BYTES = env_int("PELAYAN_FRONTDESK_PHOTO_MAX_BYTES", 8 * 1024 * 1024)
# Documents (docs/documents.md): signing identities and the demo CA live here, never in the repository.
PELAYAN_SIGNING_DIR = Path(env_str("PELAYAN_SIGNING_DIR", str(BASE_DIR / "var" / "signing")))
# Extra trusted roots (PEM files) for validating signed documents, beside the demo CA when present.
PELAYAN_SIGNING_TRUST_ROOTS = env_list("PELAYAN_SIGNING_TRUST_ROOTS", [])
# A sign transition only through documents.services.case_sign, signed (docs/documents.md); 0 lets an
# official without a signing identity take the sign step unsigned, for development only.
PELAYAN_SIGNING_REQUIRED = env_bool("PELAYAN_SIGNING_REQUIRED", True)
# A signing attempt still unfinished after this many seconds was cut off: it counts as failed and may
# be retried (a remote signer's own timeout must be shorter).
PELAYAN_SIGNING_TIMEOUT_SECONDS = env_int("PELAYAN_SIGNING_TIMEOUT_SECONDS", 300)
# The largest PDF anyone may upload on /v/<code> to check it.
PELAYAN_VERIFY_UPLOAD_MAX_BYTES = env_int("PELAYAN_VERIFY_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)

# SP4N-LAPOR! (docs/complaints.md): statuses go out through this adapter; "folder" writes them as
# JSON files for an operator or a bridge, "http" POSTs them to PELAYAN_LAPOR_URL.
PELAYAN_LAPOR_ADAPTER = env_str("PELAYAN_LAPOR_ADAPTER", "folder")
PELAYAN_LAPOR_OUTBOX_DIR = Path(
    env_str("PELAYAN_LAPOR_OUTBOX_DIR", str(BASE_DIR / "var" / "lapor" / "outbox"))
)
PELAYAN_LAPOR_URL = env_str("PELAYAN_LAPOR_URL", "")
PELAYAN_LAPOR_TOKEN = env_str("PELAYAN_LAPOR_TOKEN", "")

# Importer: the parse of an uploaded decree runs in a child process with these ceilings
# (pelayan.lib.importer.limits); an upload waiting for "create draft" is deleted after the hours given.
IMPORTER_TIMEOUT_SECONDS = env_int("PELAYAN_IMPORT_TIMEOUT_SECONDS", 4)
IMPORTER_MEMORY_MB = env_int("PELAYAN_IMPORT_MEMORY_MB", 1024)
IMPORTER_PENDING_HOURS = env_int("PELAYAN_IMPORT_PENDING_HOURS", 24)

# Background work through the tasks API (django-tasks backport of django.tasks). Tasks are queued in
# the database and run by `pelayan worker`; the test suite switches to the immediate backend
# (tests/conftest.py) so tasks run inline there.
TASKS = {
    "default": {
        "BACKEND": env_str("PELAYAN_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# How often `pelayan worker` queues the SLA sweep (calendars.tasks.sla_sweep).
SLA_SWEEP_SECONDS = env_int("PELAYAN_SLA_SWEEP_SECONDS", 60)
if SLA_SWEEP_SECONDS < 1:
    raise ImproperlyConfigured("PELAYAN_SLA_SWEEP_SECONDS must be at least 1.")

# Channels (docs/configuration.md "Channels"): the outbox and the inbound adapters. Every adapter has a
# local implementation (files under var/), the default, so nothing leaves the machine unless configured.
_VAR = BASE_DIR / "var"
# E-mail goes through Django's backends: the file backend into var/outbox/email by default.
EMAIL_BACKEND = env_str("PELAYAN_EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = Path(env_str("PELAYAN_EMAIL_FILE_PATH", str(_VAR / "outbox" / "email")))
EMAIL_HOST = env_str("PELAYAN_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("PELAYAN_EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("PELAYAN_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("PELAYAN_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("PELAYAN_EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = env_int("PELAYAN_EMAIL_TIMEOUT_SECONDS", 20)
DEFAULT_FROM_EMAIL = env_str("PELAYAN_EMAIL_FROM", "Pelayan <pelayan@localhost>")
PELAYAN_EMAIL_MESSAGE_ID_DOMAIN = env_str("PELAYAN_EMAIL_MESSAGE_ID_DOMAIN", "pelayan.local")
# WhatsApp Cloud API (outbound through a transport: "folder" writes JSON files, "http" posts).
PELAYAN_WHATSAPP_TRANSPORT = env_choice("PELAYAN_WHATSAPP_TRANSPORT", ["folder", "http"], "folder")
PELAYAN_WHATSAPP_OUTBOX_DIR = Path(env_str("PELAYAN_WHATSAPP_OUTBOX_DIR", str(_VAR / "outbox" / "whatsapp")))
PELAYAN_WHATSAPP_API_BASE = env_str("PELAYAN_WHATSAPP_API_BASE", "https://graph.facebook.com")
PELAYAN_WHATSAPP_API_VERSION = env_str("PELAYAN_WHATSAPP_API_VERSION", "v21.0")
PELAYAN_WHATSAPP_PHONE_NUMBER_ID = env_str("PELAYAN_WHATSAPP_PHONE_NUMBER_ID", "demo-phone-number-id")
PELAYAN_WHATSAPP_ACCESS_TOKEN = env_str("PELAYAN_WHATSAPP_ACCESS_TOKEN", "")
# The approved template sent outside the 24-hour window; its one body parameter is the reference.
PELAYAN_WHATSAPP_TEMPLATE = env_str("PELAYAN_WHATSAPP_TEMPLATE", "pelayan_pemberitahuan")
PELAYAN_WHATSAPP_TEMPLATE_LANGUAGE = env_str("PELAYAN_WHATSAPP_TEMPLATE_LANGUAGE", "id")
# Webhook: the verify token of the subscription challenge and the app secret of X-Hub-Signature-256.
PELAYAN_WHATSAPP_VERIFY_TOKEN = env_str("PELAYAN_WHATSAPP_VERIFY_TOKEN", "")
PELAYAN_WHATSAPP_APP_SECRET = env_str("PELAYAN_WHATSAPP_APP_SECRET", "")
# SMS gateway.
PELAYAN_SMS_TRANSPORT = env_choice("PELAYAN_SMS_TRANSPORT", ["folder", "http"], "folder")
PELAYAN_SMS_OUTBOX_DIR = Path(env_str("PELAYAN_SMS_OUTBOX_DIR", str(_VAR / "outbox" / "sms")))
PELAYAN_SMS_GATEWAY_URL = env_str("PELAYAN_SMS_GATEWAY_URL", "http://127.0.0.1:9/sms")
PELAYAN_SMS_GATEWAY_TOKEN = env_str("PELAYAN_SMS_GATEWAY_TOKEN", "")
PELAYAN_SMS_SENDER_ID = env_str("PELAYAN_SMS_SENDER_ID", "PELAYAN")
PELAYAN_SMS_MAX_PARTS = env_int("PELAYAN_SMS_MAX_PARTS", 3)
PELAYAN_SMS_WEBHOOK_SECRET = env_str("PELAYAN_SMS_WEBHOOK_SECRET", "")
PELAYAN_OUTBOX_HTTP_TIMEOUT_SECONDS = env_int("PELAYAN_OUTBOX_HTTP_TIMEOUT_SECONDS", 15)
# Outbox retries: attempt n failing waits base × 2^(n-1) seconds (capped); after the last, failed.
PELAYAN_OUTBOX_MAX_ATTEMPTS = env_int("PELAYAN_OUTBOX_MAX_ATTEMPTS", 6)
PELAYAN_OUTBOX_RETRY_BASE_SECONDS = env_int("PELAYAN_OUTBOX_RETRY_BASE_SECONDS", 60)
PELAYAN_OUTBOX_RETRY_MAX_SECONDS = env_int("PELAYAN_OUTBOX_RETRY_MAX_SECONDS", 3600)
# How often the worker sends what is due (retries, and anything a lost task left queued); a
# message "sending" for longer than the lease belonged to a worker that died and is queued again.
PELAYAN_OUTBOX_SWEEP_SECONDS = env_int("PELAYAN_OUTBOX_SWEEP_SECONDS", 30)
PELAYAN_OUTBOX_SENDING_LEASE_SECONDS = env_int("PELAYAN_OUTBOX_SENDING_LEASE_SECONDS", 600)
PELAYAN_OUTBOX_BODY_MAX_CHARS = env_int("PELAYAN_OUTBOX_BODY_MAX_CHARS", 20_000)
PELAYAN_OUTBOX_ATTACHMENTS_MAX = env_int("PELAYAN_OUTBOX_ATTACHMENTS_MAX", 5)
PELAYAN_OUTBOX_ATTACHMENT_MAX_BYTES = env_int("PELAYAN_OUTBOX_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
if PELAYAN_OUTBOX_MAX_ATTEMPTS < 1 or PELAYAN_OUTBOX_SWEEP_SECONDS < 1:
    raise ImproperlyConfigured(
        "PELAYAN_OUTBOX_MAX_ATTEMPTS and PELAYAN_OUTBOX_SWEEP_SECONDS must be at least 1."
    )
if not 1 <= PELAYAN_OUTBOX_RETRY_BASE_SECONDS <= PELAYAN_OUTBOX_RETRY_MAX_SECONDS:
    raise ImproperlyConfigured(
        "Need 1 <= PELAYAN_OUTBOX_RETRY_BASE_SECONDS <= PELAYAN_OUTBOX_RETRY_MAX_SECONDS."
    )
# Inbound: where a stored message goes (dotted path of a callable taking an InboundMessage and
# returning a reference); e-mail intake ("maildir", "imap" or "" for none) and its bounds.
PELAYAN_INBOUND_HANDLER = env_str("PELAYAN_INBOUND_HANDLER", "complaints.inbound.handle_inbound")
PELAYAN_INBOUND_EMAIL = env_choice("PELAYAN_INBOUND_EMAIL", ["maildir", "imap", ""], "maildir")
PELAYAN_INBOUND_MAILDIR = Path(env_str("PELAYAN_INBOUND_MAILDIR", str(_VAR / "inbound" / "maildir")))
PELAYAN_IMAP_HOST = env_str("PELAYAN_IMAP_HOST", "")
PELAYAN_IMAP_PORT = env_int("PELAYAN_IMAP_PORT", 993)
PELAYAN_IMAP_USER = env_str("PELAYAN_IMAP_USER", "")
PELAYAN_IMAP_PASSWORD = env_str("PELAYAN_IMAP_PASSWORD", "")
PELAYAN_IMAP_MAILBOX = env_str("PELAYAN_IMAP_MAILBOX", "INBOX")
PELAYAN_IMAP_PROCESSED_MAILBOX = env_str("PELAYAN_IMAP_PROCESSED_MAILBOX", "")
PELAYAN_IMAP_TIMEOUT_SECONDS = env_int("PELAYAN_IMAP_TIMEOUT_SECONDS", 30)
PELAYAN_INBOUND_POLL_SECONDS = env_int("PELAYAN_INBOUND_POLL_SECONDS", 60)
PELAYAN_INBOUND_POLL_BATCH = env_int("PELAYAN_INBOUND_POLL_BATCH", 50)
PELAYAN_INBOUND_EMAIL_MAX_BYTES = env_int("PELAYAN_INBOUND_EMAIL_MAX_BYTES", 25 * 1024 * 1024)
PELAYAN_INBOUND_WEBHOOK_MAX_BYTES = env_int("PELAYAN_INBOUND_WEBHOOK_MAX_BYTES", 256 * 1024)
PELAYAN_INBOUND_BODY_MAX_CHARS = env_int("PELAYAN_INBOUND_BODY_MAX_CHARS", 20_000)
PELAYAN_INBOUND_ATTACHMENTS_MAX = env_int("PELAYAN_INBOUND_ATTACHMENTS_MAX", 5)
PELAYAN_INBOUND_ATTACHMENT_MAX_BYTES = env_int("PELAYAN_INBOUND_ATTACHMENT_MAX_BYTES", 5 * 1024 * 1024)
if PELAYAN_INBOUND_POLL_SECONDS < 1:
    raise ImproperlyConfigured("PELAYAN_INBOUND_POLL_SECONDS must be at least 1.")
# The recap of the Buku Pengaduan the worker delivers to each standard's recap roles: "day",
# "week", "month", or "" for none (a recap can always be made by hand in the workspace).
PELAYAN_COMPLAINT_RECAP_PERIOD = env_choice(
    "PELAYAN_COMPLAINT_RECAP_PERIOD", ["day", "week", "month", ""], "month"
)

# SQLite ignores the covering (INCLUDE) columns of the report indexes; PostgreSQL uses them.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("PELAYAN_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# HTTPS: off by default so local runs over http work; production turns them on (docs/configuration.md).
SECURE_SSL_REDIRECT = env_bool("PELAYAN_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("PELAYAN_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("PELAYAN_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("PELAYAN_HSTS_PRELOAD", False)
# Behind a TLS-terminating proxy: the header it sets and the value meaning "the visitor used https".
SECURE_PROXY_SSL_HEADER = env_header("PELAYAN_PROXY_SSL_HEADER")

# Content-Security-Policy: everything from this site only, no inline script or style anywhere (the
# admin, the public pages, the vendored Swagger UI and htmx all load their code from static files).
# data: images are Swagger UI's and the admin's icons inside their stylesheets.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"forbidden_without_traceback": {"()": "config.logging.ForbiddenWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("PELAYAN_LOG_LEVEL", "INFO")},
    "loggers": {
        # Filters on a logger run before its records reach any handler, the test's capture included.
        "django.request": {"filters": ["forbidden_without_traceback"]},
    },
}
