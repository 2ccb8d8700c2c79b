"""The report as a printable PDF in the usual IKM layout: per element NRR and NRR × 1/9, the
index, the converted score and the quality, then the time limits kept."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from surveys.services import Answers, response_record_paper


@pytest.fixture
def answered(finished_case, kedopok_service, kecamatan_operator):
    response_record_paper(
        service=kedopok_service, actor=kecamatan_operator,
        answers=Answers(values={f"U{i}": 3 for i in range(1, 10)}), answered_on=finished_case.ended_at.date(),
    )  # fmt: skip
    return finished_case


@pytest.mark.django_db
def test_the_pdf_report_carries_the_index_table(answered, as_kecamatan):
    response = as_kecamatan.get(
        "/kerja/skm/kec-kedopok/laporan.pdf",
        {"layanan": "surat-pengantar-izin-keramaian", "periode": f"{answered.ended_at:%Y-%m}"},
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Kecamatan Kedopok" in text and "Surat Pengantar Izin Keramaian" in text
    assert "U9" in text and "Sarana dan prasarana" in text
    assert "0,333" in text  # NRR 3 × 1/9, per element
    assert "75,00" in text and "Kurang baik" in text  # all threes: 3 × 25, grade C


@pytest.mark.django_db
def test_the_pdf_report_is_for_the_agencys_staff_only(answered, client):
    response = client.get("/kerja/skm/kec-kedopok/laporan.pdf")

    assert response.status_code in (302, 404)
