"""Pelayan settings. Every environment variable is read through config.env and documented in
docs/configuration.md."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("PELAYAN_DEBUG", False)
# A fixed key would be a shared secret; without one we only allow running in DEBUG (local demo/tests).
SECRET_KEY = env_str("PELAYAN_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("PELAYAN_ALLOW_INSECURE_KEY", False):
        raise ImproperlyConfigured(
            "PELAYAN_SECRET_KEY is required unless PELAYAN_DEBUG=1 or PELAYAN_ALLOW_INSECURE_KEY=1 (local use only)."
        )
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
    "ninja",
    "audit",
    "accounts",
    "standards",
    "calendars",
    "importer",
    "api",
    "public",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": _sqlite_path,
            "OPTIONS": {
                # WAL lets readers run while a writer commits; IMMEDIATE avoids "database is locked"
                # upgrades in the middle of a write transaction.
                "transaction_mode": "IMMEDIATE",
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; "
                    "PRAGMA busy_timeout=5000;"
                ),
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
LOGIN_URL = "admin:login"

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

# Importer: the parse of an uploaded decree runs in a child process with these ceilings
# (pelayan.lib.importer.limits); an upload waiting for "create draft" is deleted after the hours given.
IMPORTER_TIMEOUT_SECONDS = env_int("PELAYAN_IMPORT_TIMEOUT_SECONDS", 4)
IMPORTER_MEMORY_MB = env_int("PELAYAN_IMPORT_MEMORY_MB", 1024)
IMPORTER_PENDING_HOURS = env_int("PELAYAN_IMPORT_PENDING_HOURS", 24)

# Background work through the tasks API (django-tasks backport of django.tasks).
TASKS = {
    "default": {
        "BACKEND": env_str("PELAYAN_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("PELAYAN_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("PELAYAN_LOG_LEVEL", "INFO")},
}
