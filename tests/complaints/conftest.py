"""Fixtures for complaints: the four demo agencies published with their complaint handling, and
the officers the decrees name."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model

from standards.demo import load_demo
from standards.models import Agency

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
# Wednesday 4 November 2026, office hours.
T0 = dt.datetime(2026, 11, 4, 9, 0, tzinfo=WIB)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def demo(db):
    return load_demo(with_users=True)


def login(username: str):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def kalbar(demo) -> Agency:
    return Agency.objects.get(slug="kesra-kalbar")


@pytest.fixture
def bangli(demo) -> Agency:
    return Agency.objects.get(slug="dpmptsp-bangli")


@pytest.fixture
def kedopok(demo) -> Agency:
    return Agency.objects.get(slug="kec-kedopok")


@pytest.fixture
def banten(demo) -> Agency:
    return Agency.objects.get(slug="perkim-banten")


@pytest.fixture
def officer():
    return login
