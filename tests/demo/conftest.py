"""The demo seeded through its management command, as `make run` does."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from pelayan.lib.standard_schema import Components
from standards.models import Standard, StandardStatus


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The demo creates dozens of logins; the production hasher would make every seed take seconds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def seed_demo(*args: str) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out, stderr=out)
    return out.getvalue()


@pytest.fixture
def seeded(db) -> str:
    return seed_demo()


@pytest.fixture
def published(seeded):
    """The published standard of an agency's one demo service, by agency slug."""

    def get(agency_slug: str) -> Standard:
        return Standard.objects.select_related("service__agency", "service__unit").get(
            service__agency__slug=agency_slug, status=StandardStatus.PUBLISHED
        )

    return get


@pytest.fixture
def components(published):
    def get(agency_slug: str) -> Components:
        return published(agency_slug).parsed_components()

    return get
