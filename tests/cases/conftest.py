"""Fixtures for the case engine: the four demo agencies, published and compiled, with their logins."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from standards.demo import load_demo
from standards.models import Service


@pytest.fixture
def demo(db):
    return load_demo(with_users=True)


def login(username: str):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def kedopok_service(demo) -> Service:
    return Service.objects.get(agency__slug="kec-kedopok", slug="surat-pengantar-izin-keramaian")


@pytest.fixture
def kelurahan_operator(demo):
    return login("kec-kedopok.kedopok.operator-kelurahan")


@pytest.fixture
def other_kelurahan_operator(demo):
    return login("kec-kedopok.jrebeng-lor.operator-kelurahan")


@pytest.fixture
def kecamatan_operator(demo):
    return login("kec-kedopok.operator-kecamatan")


@pytest.fixture
def camat(demo, demo_signers):
    """The camat signs Kedopok's letter, with the demo identity `make seed` gives them."""
    return login("kec-kedopok.camat")
