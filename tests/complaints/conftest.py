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


@pytest.fixture
def channels(settings, tmp_path):
    """The inbound channels configured with test secrets, the local adapters writing into tmp."""
    from tests.channels import SMS_SECRET, WA_SECRET, WA_VERIFY

    settings.PELAYAN_WHATSAPP_APP_SECRET = WA_SECRET
    settings.PELAYAN_WHATSAPP_VERIFY_TOKEN = WA_VERIFY
    settings.PELAYAN_SMS_WEBHOOK_SECRET = SMS_SECRET
    settings.PELAYAN_WHATSAPP_OUTBOX_DIR = tmp_path / "outbox" / "whatsapp"
    settings.PELAYAN_SMS_OUTBOX_DIR = tmp_path / "outbox" / "sms"
    settings.PELAYAN_INBOUND_EMAIL = "maildir"
    settings.PELAYAN_INBOUND_MAILDIR = tmp_path / "maildir"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return settings
