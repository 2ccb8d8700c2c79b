"""Fixtures for consultations: the demo agencies (Banten's holding room and aula, Kalbar's three
bagian), their logins, media under the test's own folder, and Banten requests at each stage."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model

from consultations.services import RequestForm, consultation_dispose, consultation_request_submit
from standards.demo import load_demo
from standards.models import Agency, Service

WIB = ZoneInfo("Asia/Jakarta")
# Monday 30 November 2026, office hours.
MON = dt.datetime(2026, 11, 30, 9, 0, tzinfo=WIB)


def login(username: str):
    return get_user_model().objects.get(username=username)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = "https://pelayan.example.id"


@pytest.fixture
def demo(db):
    return load_demo(with_users=True)


@pytest.fixture
def banten(demo) -> Agency:
    return Agency.objects.get(slug="perkim-banten")


@pytest.fixture
def kalbar(demo) -> Agency:
    return Agency.objects.get(slug="kesra-kalbar")


@pytest.fixture
def banten_service(banten) -> Service:
    return Service.objects.get(agency=banten, slug="konsultasi")


def a_form(**changes) -> RequestForm:
    values = {
        "name": "Rina Wulandari", "applicant_type": "lsm", "institution": "LSM Rumah Layak",
        "email": "rina@example.org", "phone": "0812 3456 7890", "topic": "Program bedah rumah 2027",
        "purpose": "Menyiapkan usulan warga binaan", "requested_time": "Pekan pertama Desember, pagi",
    }  # fmt: skip
    values.update(changes)
    return RequestForm(**values)


def letter_request(service: Service, *, now: dt.datetime = MON):
    """A letter entered by the front office: received and waiting for the disposition."""
    return consultation_request_submit(
        service=service, form=a_form(), channel="letter", actor=login("perkim-banten.front-office"),
        received_at=now - dt.timedelta(minutes=10), now=now,
    ).request  # fmt: skip


def disposed_request(
    service: Service, *, officer: str = "perkim-banten.petugas-konsultasi", now: dt.datetime = MON
):
    request = letter_request(service, now=now)
    consultation_dispose(
        request=request, by=login("perkim-banten.pimpinan"), version=request.case.version, officer=login(officer),
        instruction="Mohon dilayani", now=now + dt.timedelta(minutes=30),
    )  # fmt: skip
    request.refresh_from_db()
    return request
