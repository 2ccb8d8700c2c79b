"""When a case finishes, the officer's case page and the applicant's tracking page offer the SKM."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cases.services import Actor, Applicant, case_create
from documents.services import case_act_with_documents
from standards.models import Service
from tests.cases.conftest import login


@pytest.fixture
def finished(demo, demo_signers):
    service = Service.objects.get(agency__slug="kec-kedopok", slug="surat-pengantar-izin-keramaian")
    created = case_create(
        service=service, actor=login("kec-kedopok.kedopok.operator-kelurahan"),
        applicant=Applicant(name="Panitia"), channel="website",
    )  # fmt: skip
    case = created.case
    for username, action in [
        ("kec-kedopok.operator-kecamatan", "lengkap"),
        ("kec-kedopok.operator-kecamatan", "ajukan-camat"),
        ("kec-kedopok.camat", "tandatangani"),
        ("kec-kedopok.camat", "kembalikan-kecamatan"),
        ("kec-kedopok.operator-kecamatan", "kirim-kelurahan"),
    ]:
        case = case_act_with_documents(
            case=case, actor=Actor(login(username)), action=action, version=case.version
        )
    assert case.status == "completed"
    return created.case.display_number, created.pin


def test_the_officers_case_page_links_the_survey(client, finished):
    number, _pin = finished
    client.force_login(
        login("kec-kedopok.operator-kecamatan"), backend="django.contrib.auth.backends.ModelBackend"
    )

    body = client.get(reverse("workspace:case", args=[number])).content.decode()

    assert "/skm/" in body and "<svg" in body


def test_the_tracking_page_links_the_survey(client, finished):
    number, pin = finished
    client.post(reverse("public:track"), {"nomor": number, "pin": pin})

    body = client.get(reverse("public:track_case")).content.decode()

    assert "/skm/" in body
