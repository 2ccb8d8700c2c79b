"""Staff entry for walk-ins, phone, letters, fax and box slips, the box log, the printable
register and its XLSX export."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from complaints.models import BoxOpening, Complaint


@pytest.mark.django_db
def test_an_officer_logs_a_box_opening_records_a_slip_and_exports_the_register(client, bangli, officer):
    client.force_login(officer("dpmptsp-bangli.petugas-pengaduan"))
    response = client.post(
        "/kerja/pengaduan/kotak/dpmptsp-bangli/", {"opened_at": "2026-11-30T08:00", "slips": "2"}
    )
    assert response.status_code == 302
    opening = BoxOpening.objects.get()
    assert (opening.slips, opening.opened_by.username) == (2, "dpmptsp-bangli.petugas-pengaduan")

    form = client.get("/kerja/pengaduan/catat/dpmptsp-bangli/").context["form"]
    response = client.post(
        "/kerja/pengaduan/catat/dpmptsp-bangli/",
        {"kunci": form.initial["kunci"], "channel": "complaint_box", "kind": "saran", "content": "Antrian panjang", "anonymous": "on",
         "received_at": "2026-11-30T08:00"},
    )  # fmt: skip
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.case.track == "manual" and complaint.anonymous

    register = client.get(f"/kerja/pengaduan/buku/dpmptsp-bangli/{complaint.register_year}/")
    assert register.status_code == 200 and "Antrian panjang" in register.content.decode()
    export = client.get(f"/kerja/pengaduan/buku/dpmptsp-bangli/{complaint.register_year}/xlsx/")
    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("No.", "Tanggal", "Nama")
    assert rows[1][0] == 1 and rows[1][2] == "Anonim" and rows[1][5] == "Kotak pengaduan"


@pytest.mark.django_db
def test_a_bad_slip_count_is_named_on_its_field(client, bangli, officer):
    client.force_login(officer("dpmptsp-bangli.petugas-pengaduan"))
    response = client.post(
        "/kerja/pengaduan/kotak/dpmptsp-bangli/", {"opened_at": "2026-11-30T08:00", "slips": "900"}
    )
    assert response.status_code == 400
    assert "slips" in response.context["form"].errors
