"""Entered over the API by the front office with ``received_at``, the consultation requests of the
two standards show the moments the decrees promise in ``clocks[].due_at`` of
``GET /api/v1/cases/{number}``: Banten's e-mail of Friday 16:40 has its reply letter due Tuesday
1 December 16:00, Banten's walk-in at Monday 15:30 is due 08:00 on Tuesday, and Kalbar's walk-in of
Friday 16:20 for Bagian Pelayanan Dasar has its 15-minute administration due Monday 07:35."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from accounts.services import api_token_create
from tests.consultations.conftest import WIB, login

LATER = dt.datetime(2026, 12, 1, 9, 0, tzinfo=WIB)


@pytest.fixture
def now(monkeypatch):
    # The API takes no ``now``: the services read ``timezone.now()``.
    monkeypatch.setattr(timezone, "now", lambda: LATER)


def _token(username: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_token_create(user=login(username), name='test')[1]}"}


def _enter(client, username: str, body: dict) -> dict:
    headers = _token(username)
    created = client.post("/api/v1/cases", data=body, content_type="application/json", headers=headers)
    assert created.status_code == 201, created.content
    shown = client.get(f"/api/v1/cases/{created.json()['number']}", headers=headers)
    assert shown.status_code == 200, shown.content
    return shown.json()


def _due(case: dict, key: str) -> dt.datetime:
    clock = next(c for c in case["clocks"] if c["key"] == key)
    return dt.datetime.fromisoformat(clock["due_at"])


@pytest.mark.django_db
def test_banten_email_after_friday_closing_is_due_tuesday_at_four(client, demo, now):
    case = _enter(client, "perkim-banten.front-office", {
        "service": "perkim-banten/konsultasi", "channel": "email",
        "applicant": {"name": "Rina Wulandari", "email": "rina@example.org"},
        "received_at": "2026-11-27T16:40:00+07:00",
    })  # fmt: skip
    assert _due(case, "surat-jawaban") == dt.datetime(2026, 12, 1, 16, 0, tzinfo=WIB)


@pytest.mark.django_db
def test_banten_walk_in_at_half_past_three_is_due_at_eight(client, demo, now):
    case = _enter(client, "perkim-banten.front-office", {
        "service": "perkim-banten/konsultasi", "channel": "in_person",
        "applicant": {"name": "Siti Aminah"}, "received_at": "2026-11-30T15:30:00+07:00",
    })  # fmt: skip
    assert _due(case, "hadir-langsung") == dt.datetime(2026, 12, 1, 8, 0, tzinfo=WIB)


@pytest.mark.django_db
def test_kalbar_walk_in_on_friday_afternoon_is_due_monday_and_goes_to_pelayanan_dasar(client, demo, now):
    case = _enter(client, "kesra-kalbar.petugas-informasi", {
        "service": "kesra-kalbar/pelayanan-konsultasi", "channel": "in_person",
        "applicant": {"name": "Yohanes"}, "received_at": "2026-11-27T16:20:00+07:00",
        "unit": "pelayanan-dasar",
    })  # fmt: skip
    assert _due(case, "administrasi") == dt.datetime(2026, 11, 30, 7, 35, tzinfo=WIB)
    assert case["unit"] == {"slug": "pelayanan-dasar", "name": "Bagian Pelayanan Dasar"}


@pytest.mark.django_db
def test_an_unknown_bagian_is_refused_on_its_field(client, demo, now):
    response = client.post("/api/v1/cases", data={
        "service": "kesra-kalbar/pelayanan-konsultasi", "channel": "in_person",
        "applicant": {"name": "Yohanes"}, "unit": "sekretariat",
    }, content_type="application/json", headers=_token("kesra-kalbar.petugas-informasi"))  # fmt: skip
    assert response.status_code == 400
    assert [f["field"] for f in response.json()["error"]["fields"]] == ["unit"]
