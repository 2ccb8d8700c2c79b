"""A submission gives back its case only to whoever made it, stores nothing when refused, and
takes one file per requirement."""

from __future__ import annotations

import json
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.models import Case, CaseFile
from cases.services import Applicant, Conflict, case_create
from standards.models import Service
from tests.api.case_fixtures import BANGLI_COMPLAINT, PDF, applicant, create_case, media  # noqa: F401
from tests.cases.conftest import login


@pytest.fixture
def bangli(demo):
    return Service.objects.get(agency__slug="dpmptsp-bangli", slug="pengaduan-masyarakat")


@pytest.mark.django_db
def test_a_reused_idempotency_key_gives_nobody_else_the_case(client, bangli, media):  # noqa: F811
    case_create(service=bangli, actor=login("dpmptsp-bangli.operator-it"), applicant=Applicant(name="Rahasia"),
                channel="website", track="online", idempotency_key="k-42")  # fmt: skip

    with pytest.raises(Conflict):
        case_create(service=bangli, actor=None, applicant=Applicant(name="Orang lain"), channel="website",
                    track="online", idempotency_key="k-42")  # fmt: skip
    body = {"service": BANGLI_COMPLAINT, "track": "online", "channel": "website", "applicant": applicant()}
    response = create_case(client, None, body, key="k-42")

    assert response.status_code == 409
    assert "number" not in response.json()
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_the_citizen_form_does_not_hand_over_a_case_for_a_known_key(client, bangli, media):  # noqa: F811
    first = case_create(service=bangli, actor=None, applicant=Applicant(name="Made"), channel="website",
                        track="online", idempotency_key="kunci-tebakan").case  # fmt: skip
    data = {"pemohon_nama": "Made", "kunci": "kunci-tebakan"}
    form = client.get("/dpmptsp-bangli/pengaduan-masyarakat/ajukan/").context["form"]
    for key in form.requirement_keys:
        data[key] = SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf")

    response = client.post("/dpmptsp-bangli/pengaduan-masyarakat/ajukan/", data)

    assert response.status_code == 409
    assert first.display_number.encode() not in client.get("/lacak/permohonan/").content


@pytest.mark.django_db
def test_a_refused_submission_leaves_no_file_on_disk(client, demo, media):  # noqa: F811
    body = {"service": BANGLI_COMPLAINT, "track": "online", "channel": "website", "applicant": applicant()}
    response = client.post("/api/v1/cases", data={
        "payload": json.dumps(body),
        "alamat": SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf"),
        "identitas": SimpleUploadedFile("b.txt", b"hello, not a pdf", content_type="application/pdf"),
    })  # fmt: skip

    assert response.status_code == 400
    assert [f["field"] for f in response.json()["error"]["fields"]] == ["files.identitas"]
    assert (Case.objects.count(), CaseFile.objects.count()) == (0, 0)
    assert [name for _dir, _subdirs, names in os.walk(media) for name in names] == []


@pytest.mark.django_db
def test_the_api_takes_one_file_per_requirement(client, demo, media):  # noqa: F811
    body = {"service": BANGLI_COMPLAINT, "track": "online", "channel": "website", "applicant": applicant()}
    files = [
        SimpleUploadedFile(f"a{i}.pdf", PDF + bytes([i]), content_type="application/pdf") for i in range(3)
    ]

    response = client.post("/api/v1/cases", data={"payload": json.dumps(body), "alamat": files})

    assert response.status_code == 400
    assert CaseFile.objects.count() == 0
