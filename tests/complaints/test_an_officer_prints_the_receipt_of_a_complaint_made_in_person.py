"""A complaint recorded by an officer (in person, phone, letter, fax, box) gets the printable
receipt the standard promises: the number, the PIN once, the register number and where to track
it. Printed again later it carries no PIN; another agency's officer cannot open it."""

from __future__ import annotations

import re

import pytest

from cases.services import case_pin_check
from complaints.models import Complaint


def _record(client, **data):
    form = client.get("/kerja/pengaduan/catat/kec-kedopok/").context["form"]
    return client.post(
        "/kerja/pengaduan/catat/kec-kedopok/", {"kunci": form.initial["kunci"], "kind": "pengaduan", **data}
    )


@pytest.mark.django_db
def test_the_officer_gets_a_printable_receipt_with_the_pin_once(client, kedopok, officer):
    client.force_login(officer("kec-kedopok.petugas-pengaduan"))
    response = _record(
        client, channel="in_person", content="Antrean terlalu lama.", name="Bu Sari", occupation="Guru",
        address="Kedopok", email="sari@example.id",
    )  # fmt: skip
    complaint = Complaint.objects.select_related("case").get()
    assert response.status_code == 302
    assert response["Location"] == f"/kerja/pengaduan/{complaint.pk}/tanda-terima/"

    page = client.get(response["Location"]).content.decode()
    assert complaint.reference in page and f"{complaint.register_label}" in page and "Bu Sari" in page
    assert "/lacak/" in page
    pin = re.search(r'id="receipt-pin">(\d{6})<', page).group(1)
    assert case_pin_check(number=complaint.reference, pin=pin) == complaint.case  # the citizen can track it

    again = client.get(response["Location"]).content.decode()
    assert complaint.reference in again
    assert 'id="receipt-pin"' not in again and "PIN hanya ditampilkan sekali" in again


@pytest.mark.django_db
def test_an_anonymous_slip_prints_without_a_name_and_others_cannot_open_it(client, kedopok, bangli, officer):
    client.force_login(officer("kec-kedopok.petugas-pengaduan"))
    _record(client, channel="in_person", content="Petugas tidak ramah.", name="Pak Budi", anonymous="on")
    complaint = Complaint.objects.get()
    page = client.get(f"/kerja/pengaduan/{complaint.pk}/tanda-terima/").content.decode()
    assert "Anonim" in page and "Pak Budi" not in page

    client.force_login(officer("dpmptsp-bangli.petugas-pengaduan"))
    assert client.get(f"/kerja/pengaduan/{complaint.pk}/tanda-terima/").status_code == 404
