"""Typed readers for environment variables that fail loudly on bad values.

Every variable read here is documented in docs/configuration.md and .env.example.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"Environment variable {name} is required.")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"Environment variable {name} must be a boolean (1/0, true/false), got {value!r}."
    )


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"Environment variable {name} must be an integer, got {value!r}."
        ) from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name: str, choices: list[str], default: str) -> str:
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value not in choices:
        raise ImproperlyConfigured(
            f"Environment variable {name} must be one of {', '.join(choices)}, got {value!r}."
        )
    return value


def env_header(name: str) -> tuple[str, str] | None:
    """``X-Forwarded-Proto=https`` → ``("HTTP_X_FORWARDED_PROTO", "https")``, Django's form of a
    request header and the value that marks a secure request; unset or empty → None."""
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    header, sep, expected = value.partition("=")
    header, expected = header.strip(), expected.strip()
    if not sep or not header or not expected:
        raise ImproperlyConfigured(
            f"Environment variable {name} must look like X-Forwarded-Proto=https, got {value!r}."
        )
    return "HTTP_" + header.upper().replace("-", "_"), expected
