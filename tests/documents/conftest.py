"""Fixtures for documents: the demo agencies, a demo CA and media under the test's own folder, and a
Kedopok case brought to the camat's signing step."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.services import Actor, Applicant, case_act, case_create
from standards.demo import load_demo
from standards.models import Service

WIB = ZoneInfo("Asia/Jakarta")
# Wednesday 4 November 2026, office hours.
T0 = dt.datetime(2026, 11, 4, 9, 0, tzinfo=WIB)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def login(username: str):
    return get_user_model().objects.get(username=username)


@pytest.fixture(autouse=True)
def signing_dir(settings, tmp_path):
    settings.PELAYAN_SIGNING_DIR = tmp_path / "signing"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = "https://pelayan.example.id"
    return settings.PELAYAN_SIGNING_DIR


@pytest.fixture
def demo(db):
    return load_demo(with_users=True)


@pytest.fixture
def kedopok_service(demo) -> Service:
    return Service.objects.get(agency__slug="kec-kedopok", slug="surat-pengantar-izin-keramaian")


@pytest.fixture
def kelurahan_operator(demo):
    return login("kec-kedopok.kedopok.operator-kelurahan")


@pytest.fixture
def kecamatan_operator(demo):
    return login("kec-kedopok.operator-kecamatan")


@pytest.fixture
def camat(demo):
    user = login("kec-kedopok.camat")
    user.first_name, user.last_name = "Budi", "Santoso"
    user.save()
    return user


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def case_at_signing(kedopok_service, kelurahan_operator, kecamatan_operator, camat):
    created = case_create(
        service=kedopok_service,
        actor=kelurahan_operator,
        applicant=Applicant(name="Karang Taruna RW 03", address="Jl. Mawar 3, Kedopok"),
        channel="website",
        details={
            "keperluan": "Pentas seni Agustusan",
            "waktu": "17 November 2026",
            "tempat": "Lapangan RW 03",
        },
        files=[("formulir", pdf("formulir.pdf")), ("ktp", pdf("ktp.pdf")), ("kk", pdf("kk.pdf"))],
        now=T0,
    )
    case = created.case
    for user, action, minute in [(kecamatan_operator, "lengkap", 2), (kecamatan_operator, "ajukan-camat", 3)]:
        case = case_act(case=case, actor=Actor(user), action=action, version=case.version,
                        now=T0 + dt.timedelta(minutes=minute))  # fmt: skip
    assert case.step == "tandatangan"
    case.applicant_pin = created.pin  # shown once at creation; kept here for the applicant's requests
    return case
