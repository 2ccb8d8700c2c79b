"""Fixtures for surveys: the demo agencies with their logins (the case engine's fixtures), Kedopok
cases taken to the end through the services, and signed-in clients."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cases.services import Actor, Applicant, case_create
from documents.services import case_act_with_documents
from tests.cases import conftest as cases_fixtures

demo = cases_fixtures.demo
kedopok_service = cases_fixtures.kedopok_service
kelurahan_operator = cases_fixtures.kelurahan_operator
kecamatan_operator = cases_fixtures.kecamatan_operator
camat = cases_fixtures.camat
login = cases_fixtures.login

WIB = ZoneInfo("Asia/Jakarta")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# The Kedopok procedure after the kelurahan's entry, with the minute (of the last) each is taken.
FINISH = [("kecamatan", "lengkap"), ("kecamatan", "ajukan-camat"), ("camat", "tandatangani"),
          ("camat", "kembalikan-kecamatan"), ("kecamatan", "kirim-kelurahan")]  # fmt: skip


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def kedopok_case(service, operator, at: dt.datetime, name: str = "Karang Taruna RW 03"):
    return case_create(
        service=service, actor=operator, applicant=Applicant(name=name, phone="0812 3456 7890"),
        channel="website", files=[("formulir", pdf("formulir.pdf")), ("ktp", pdf("ktp.pdf"))], now=at,
    ).case  # fmt: skip


def finish(case, *, officers: dict, at: dt.datetime, minutes: int):
    """Take ``case`` to the end, the last step ``minutes`` after ``at`` (the others before it)."""
    current = case
    for i, (who, action) in enumerate(FINISH):
        moment = at + dt.timedelta(minutes=minutes - (len(FINISH) - 1 - i) * 0.5)
        current = case_act_with_documents(case=current, actor=Actor(officers[who]), action=action,
                                          version=current.version, now=moment)  # fmt: skip
    return current


@pytest.fixture
def officers(kecamatan_operator, camat) -> dict:
    return {"kecamatan": kecamatan_operator, "camat": camat}


@pytest.fixture
def finished_case(kedopok_service, kelurahan_operator, officers):
    at = dt.datetime.now(WIB).replace(microsecond=0) - dt.timedelta(days=1)
    case = kedopok_case(kedopok_service, kelurahan_operator, at)
    return finish(case, officers=officers, at=at, minutes=10)


@pytest.fixture
def open_case(kedopok_service, kelurahan_operator):
    return kedopok_case(kedopok_service, kelurahan_operator, dt.datetime.now(WIB) - dt.timedelta(hours=1))


@pytest.fixture
def as_kecamatan(kecamatan_operator) -> Client:
    return signed_in(kecamatan_operator)


def all_answers(value: int = 4) -> dict[str, str]:
    return {f"u{i}": str(value) for i in range(1, 10)}
