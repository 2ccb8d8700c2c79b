"""Fixtures for the staff workspace: the demo agencies with their logins, and clients signed in
as each role of the Kedopok journey."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cases.services import Applicant, case_create
from tests.cases import conftest as cases_fixtures

# The case engine's fixtures, per role, shared rather than copied.
demo = cases_fixtures.demo
kedopok_service = cases_fixtures.kedopok_service
kelurahan_operator = cases_fixtures.kelurahan_operator
other_kelurahan_operator = cases_fixtures.other_kelurahan_operator
kecamatan_operator = cases_fixtures.kecamatan_operator
camat = cases_fixtures.camat
login = cases_fixtures.login

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def as_kelurahan(kelurahan_operator) -> Client:
    return signed_in(kelurahan_operator)


@pytest.fixture
def as_other_kelurahan(other_kelurahan_operator) -> Client:
    return signed_in(other_kelurahan_operator)


@pytest.fixture
def as_kecamatan(kecamatan_operator) -> Client:
    return signed_in(kecamatan_operator)


@pytest.fixture
def as_camat(camat) -> Client:
    return signed_in(camat)


def kedopok_case(service, operator, *, files=("formulir", "ktp"), name="Karang Taruna RW 03", minutes_ago=30):
    """A Kedopok case entered by the kelurahan operator, now with the kecamatan to check."""
    now = dt.datetime.now(dt.UTC)
    return case_create(
        service=service,
        actor=operator,
        applicant=Applicant(name=name, phone="0812 3456 7890"),
        channel="website",
        received_at=now - dt.timedelta(minutes=minutes_ago),
        files=[(key, pdf(f"{key}.pdf")) for key in files],
    ).case


@pytest.fixture
def returned_case(kedopok_service, kelurahan_operator, kecamatan_operator):
    from cases.services import Actor, case_act

    case = kedopok_case(kedopok_service, kelurahan_operator)
    return case_act(
        case=case, actor=Actor(kecamatan_operator), action="kembalikan", version=case.version,
        missing=["kk"], note="Fotokopi KK belum dilampirkan",
    )  # fmt: skip


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files go to a temporary folder, not the project's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
