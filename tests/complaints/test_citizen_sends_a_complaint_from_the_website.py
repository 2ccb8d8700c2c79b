"""The public form: no account, the fields the standard asks, a receipt with number and PIN once,
the tracking page shows the answer and takes a rating."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from complaints.models import Complaint
from complaints.services import complaint_act
from tests.complaints.conftest import PDF


def _post(client, slug, **data):
    page = client.get(f"/pengaduan/{slug}/")
    assert page.status_code == 200
    key = page.context["form"].initial["kunci"]
    return client.post(f"/pengaduan/{slug}/", {"kunci": key, "kind": "pengaduan", **data})


@pytest.mark.django_db
def test_kedopok_asks_name_occupation_address_and_email_and_names_each_missing_field(client, kedopok):
    response = _post(client, "kec-kedopok", content="Jalan rusak")

    assert response.status_code == 400
    form = response.context["form"]
    assert set(form.errors) == {"name", "occupation", "address", "email"}
    assert Complaint.objects.count() == 0


@pytest.mark.django_db
def test_a_citizen_gets_number_and_pin_once_and_rates_the_answer_on_the_tracking_page(
    client, kedopok, officer
):
    response = _post(
        client, "kec-kedopok", content="Jalan rusak di RT 3", name="Ani", occupation="Guru",
        address="Kedopok", email="ani@example.id",
    )  # fmt: skip
    assert response.status_code == 302
    receipt = client.get(response["Location"])
    complaint = Complaint.objects.get()
    assert complaint.reference in receipt.content.decode()
    assert receipt.context["receipt"]["pin"]
    assert client.get(response["Location"]).context["receipt"] is None  # shown once

    petugas = officer("kec-kedopok.petugas-pengaduan")
    steps = [
        (petugas, "catat", {}),
        (officer("kec-kedopok.kasi-pelayanan"), "teruskan-sekcam", {}),
        (officer("kec-kedopok.sekcam"), "koordinasikan", {"unit": "seksi-pelayanan"}),
        (officer("kec-kedopok.seksi-pelayanan.staf-seksi"), "tindak-lanjut", {}),
        (petugas, "sampaikan-hasil", {"answer": "Sudah diperbaiki."}),
    ]
    for user, action, extra in steps:
        current = Complaint.objects.select_related("case").get()
        complaint_act(complaint=current, actor=user, action=action, version=current.case.version, **extra)

    tracking = client.get("/lacak/permohonan/")
    assert "Sudah diperbaiki." in tracking.content.decode()
    client.post("/pengaduan/nilai/", {"rating": "4", "comment": "Cepat"})
    assert Complaint.objects.get().rating == 4


@pytest.mark.django_db
def test_bangli_asks_identity_and_evidence_as_attachments(client, bangli):
    response = _post(client, "dpmptsp-bangli", content="Izin lambat", name="Komang", address="Bangli")
    assert response.status_code == 400
    assert {"identity", "file_1"} <= set(response.context["form"].errors)

    page = client.get("/pengaduan/dpmptsp-bangli/")
    response = client.post(
        "/pengaduan/dpmptsp-bangli/",
        {
            "kunci": page.context["form"].initial["kunci"], "kind": "pengaduan", "content": "Izin lambat",
            "name": "Komang", "address": "Bangli",
            "identity": SimpleUploadedFile("ktp.pdf", PDF, content_type="application/pdf"),
            "file_1": SimpleUploadedFile("bukti.pdf", PDF, content_type="application/pdf"),
        },
    )  # fmt: skip
    assert response.status_code == 302
    assert Complaint.objects.get().files.count() == 2


@pytest.mark.django_db
def test_an_agency_without_a_website_channel_has_no_form(client, kalbar):
    assert client.get("/pengaduan/kesra-kalbar/").status_code == 404
