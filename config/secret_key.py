"""Which processes may run in production without PELAYAN_SECRET_KEY (docs/configuration.md).

The key signs sessions, CSRF tokens, the survey links and the case PINs' hashes, so anything that
serves requests, or makes or checks what the key signs, must have the real one. The command-line
tools below do neither: without a key they run with a random key of their own (config/settings.py),
which nothing they produce depends on. Everything else stops with ``MISSING_KEY``.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

MISSING_KEY = (
    "PELAYAN_SECRET_KEY is required in production to serve requests and for `pelayan {command}`. "
    "The built-in key is public: it is used only with PELAYAN_DEBUG=1 or PELAYAN_ENV=development/test "
    "(PELAYAN_ALLOW_INSECURE_KEY is not honoured). Commands that need no key: {keyless}."
)

# Django's and Pelayan's command names (underscored, as pelayan.cli passes them on).
KEYLESS_COMMANDS = frozenset({
    "help", "version", "migrate", "makemigrations", "showmigrations", "sqlmigrate", "collectstatic",
    "compilemessages", "createcachetable", "due", "skm", "signing", "token", "documents",
    "unlock_login", "expire_import_uploads", "import_standard", "open311_key", "lapor", "inbound_poll",
})  # fmt: skip


def missing_key_message(command: str) -> str:
    keyless = ", ".join(sorted(c.replace("_", "-") for c in KEYLESS_COMMANDS))
    return MISSING_KEY.format(command=command.replace("_", "-"), keyless=keyless)


def secret_key_require(command: str) -> None:
    """Stop unless this process has a real key or runs a command that needs none."""
    from django.conf import settings

    if getattr(settings, "SECRET_KEY_MISSING", False) and command not in KEYLESS_COMMANDS:
        raise ImproperlyConfigured(missing_key_message(command))
