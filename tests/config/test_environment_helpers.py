import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str


def test_it_reads_booleans_in_the_usual_spellings(monkeypatch):
    for value, expected in [
        ("1", True),
        ("yes", True),
        ("On", True),
        ("0", False),
        ("false", False),
        ("", False),
    ]:
        monkeypatch.setenv("PELAYAN_X", value)
        assert env_bool("PELAYAN_X", default=not expected) is expected


def test_it_names_the_variable_when_a_boolean_is_malformed(monkeypatch):
    monkeypatch.setenv("PELAYAN_X", "maybe")

    with pytest.raises(ImproperlyConfigured, match="PELAYAN_X must be a boolean"):
        env_bool("PELAYAN_X", default=False)


def test_it_names_the_variable_when_an_integer_is_malformed(monkeypatch):
    monkeypatch.setenv("PELAYAN_N", "ten")

    with pytest.raises(ImproperlyConfigured, match="PELAYAN_N must be an integer"):
        env_int("PELAYAN_N", default=1)


def test_a_required_string_without_default_fails_loudly(monkeypatch):
    monkeypatch.delenv("PELAYAN_REQUIRED", raising=False)

    with pytest.raises(ImproperlyConfigured, match="PELAYAN_REQUIRED is required"):
        env_str("PELAYAN_REQUIRED")


def test_it_splits_lists_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("PELAYAN_HOSTS", "a.go.id, b.go.id,,")

    assert env_list("PELAYAN_HOSTS", default=[]) == ["a.go.id", "b.go.id"]
