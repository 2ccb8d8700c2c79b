"""Fixtures and helpers for the case endpoints: the demo agencies with their logins, a token per
login, a clock the services read, and small request helpers."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from accounts.services import api_token_create
from tests.cases.conftest import (  # noqa: F401 (fixtures used by the test modules)
    camat,
    demo,
    kecamatan_operator,
    kedopok_service,
    kelurahan_operator,
    login,
    other_kelurahan_operator,
)

WIB = ZoneInfo("Asia/Jakarta")
# Wednesday 4 November 2026, office hours.
T0 = dt.datetime(2026, 11, 4, 9, 0, tzinfo=WIB)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
KEDOPOK = "kec-kedopok/surat-pengantar-izin-keramaian"
BANGLI_COMPLAINT = "dpmptsp-bangli/pengaduan-masyarakat"
LOGINS = {
    "kelurahan": "kec-kedopok.kedopok.operator-kelurahan",
    "other_kelurahan": "kec-kedopok.jrebeng-lor.operator-kelurahan",
    "kecamatan": "kec-kedopok.operator-kecamatan",
    "camat": "kec-kedopok.camat",
}


class Clock:
    """What ``timezone.now()`` answers while the test runs; moved on by hand."""

    def __init__(self, start: dt.datetime):
        self.current = start

    def __call__(self) -> dt.datetime:
        return self.current

    def advance(self, **delta: float) -> dt.datetime:
        self.current += dt.timedelta(**delta)
        return self.current


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """The API takes no ``now``: the services read ``timezone.now()``, so the test moves that."""
    fake = Clock(T0)
    monkeypatch.setattr(timezone, "now", fake)
    return fake


@pytest.fixture
def media(settings, tmp_path):
    """Uploaded files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def tokens(request, media) -> dict[str, str]:
    request.getfixturevalue("demo")
    request.getfixturevalue("demo_signers")  # the camat signs with the demo identity
    return {key: api_token_create(user=login(username), name="test")[1] for key, username in LOGINS.items()}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def applicant() -> dict[str, str]:
    return {"name": "Karang Taruna RW 03", "phone": "0812 3456 7890", "email": "karang.taruna@example.id"}


def create_case(client: Client, token: str | None, body: dict[str, Any], key: str = "", **files: Any):
    headers = bearer(token) if token else {}
    if key:
        headers["Idempotency-Key"] = key
    if files:
        data = {"payload": json.dumps(body), **files}
        return client.post("/api/v1/cases", data=data, headers=headers)
    return client.post("/api/v1/cases", data=body, content_type="application/json", headers=headers)


def kedopok_case(client: Client, token: str, key: str = "") -> dict[str, Any]:
    """A Kedopok case opened by the kelurahan operator with the form and KTP, the KK left out."""
    response = create_case(
        client,
        token,
        {"service": KEDOPOK, "applicant": applicant(), "channel": "website"},
        key=key,
        formulir=pdf("formulir.pdf"),
        ktp=pdf("ktp.pdf"),
    )
    assert response.status_code == 201, response.content
    return response.json()


def act(client: Client, token: str, number: str, action: str, version: int, **fields: Any):
    return client.post(
        f"/api/v1/cases/{number}/actions",
        data={"action": action, "version": version, **fields},
        content_type="application/json",
        headers=bearer(token),
    )


def get_case(client: Client, token: str, number: str):
    return client.get(f"/api/v1/cases/{number}", headers=bearer(token))
