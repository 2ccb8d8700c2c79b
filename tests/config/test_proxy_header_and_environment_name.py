import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_choice, env_header


def test_it_reads_the_proxy_header_as_django_names_it(monkeypatch):
    monkeypatch.setenv("PELAYAN_X", "X-Forwarded-Proto=https")

    assert env_header("PELAYAN_X") == ("HTTP_X_FORWARDED_PROTO", "https")


def test_an_unset_proxy_header_is_none(monkeypatch):
    monkeypatch.delenv("PELAYAN_X", raising=False)

    assert env_header("PELAYAN_X") is None


def test_it_refuses_a_proxy_header_without_its_value(monkeypatch):
    monkeypatch.setenv("PELAYAN_X", "X-Forwarded-Proto")

    with pytest.raises(ImproperlyConfigured, match="PELAYAN_X"):
        env_header("PELAYAN_X")


def test_it_refuses_an_unknown_environment_name(monkeypatch):
    monkeypatch.setenv("PELAYAN_X", "staging")

    with pytest.raises(ImproperlyConfigured, match="production, development, test"):
        env_choice("PELAYAN_X", ["production", "development", "test"], "production")
