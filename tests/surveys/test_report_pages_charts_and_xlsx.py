"""The workspace report per agency and per service: tables beside accessible SVG charts (no
script, no style attribute) and the same figures in an XLSX workbook."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from surveys.services import Answers, response_record_paper

REPORT = "/kerja/skm/kec-kedopok/laporan/"


@pytest.fixture
def answered(finished_case, kedopok_service, kecamatan_operator):
    response_record_paper(
        service=kedopok_service, actor=kecamatan_operator,
        answers=Answers(values={f"U{i}": 3 for i in range(1, 10)}, suggestion="Antrean lebih tertib"),
        answered_on=finished_case.ended_at.date(),
    )  # fmt: skip
    return finished_case


def period_of(case) -> str:
    return f"{case.ended_at:%Y-%m}"


@pytest.mark.django_db
def test_the_service_report_shows_cases_time_limits_and_the_index(answered, as_kecamatan):
    page = as_kecamatan.get(
        REPORT, {"layanan": "surat-pengantar-izin-keramaian", "periode": period_of(answered)}
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert "Jangka waktu penyelesaian" in html
    assert "100,0 %" in html  # the one case finished in 10 minutes of 15
    assert "75,00" in html and "(Kurang baik)" in html  # all threes: 3 × 25
    assert 'role="img"' in html and '<title id="skm-unsur-t">' in html
    assert "Antrean lebih tertib" in html


@pytest.mark.django_db
def test_the_agency_report_and_every_period_kind(answered, as_kecamatan):
    for key in (
        period_of(answered),
        f"{answered.ended_at:%Y}",
        f"{answered.ended_at:%Y}-S{1 if answered.ended_at.month <= 6 else 2}",
    ):
        assert as_kecamatan.get(REPORT, {"periode": key}).status_code == 200
    assert as_kecamatan.get(REPORT, {"periode": "2026-13"}).status_code == 404
    assert as_kecamatan.get(REPORT, {"layanan": "tidak-ada"}).status_code == 404


@pytest.mark.django_db
def test_the_xlsx_export_has_the_same_figures(answered, as_kecamatan):
    response = as_kecamatan.get(
        "/kerja/skm/kec-kedopok/laporan.xlsx",
        {"layanan": "surat-pengantar-izin-keramaian", "periode": period_of(answered)},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    summary = {row[0]: row[1] for row in book["Ringkasan"].iter_rows(values_only=True)}
    assert summary["Nilai konversi IKM"] == 75.0
    assert summary["Mutu pelayanan"] == "C (Kurang baik)"
    limits = list(book["Batas waktu"].iter_rows(values_only=True))
    assert limits[1][2:5] == (1, 1, 100.0)
    assert [r[3] for r in book["Unsur SKM"].iter_rows(min_row=2, values_only=True)] == [3.0] * 9


@pytest.mark.django_db
def test_no_survey_page_has_inline_script_style_or_handlers(answered, as_kecamatan, client, kedopok_service):
    from surveys import selectors

    inline_script = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
    style_attribute = re.compile(r"\sstyle=", re.I)
    handler = re.compile(r"\son[a-z]+=", re.I)
    other = _fresh_finished_case(kedopok_service)
    as_kecamatan.post("/kerja/skm/kec-kedopok/mesin-skm/")
    pages = [
        as_kecamatan.get("/kerja/skm/"),
        as_kecamatan.get(REPORT, {"periode": period_of(answered)}),
        as_kecamatan.get("/kerja/skm/kec-kedopok/surat-pengantar-izin-keramaian/isi/"),
        as_kecamatan.get("/kerja/skm/kec-kedopok/tugas/"),
        as_kecamatan.get("/kec-kedopok/skm/kiosk/"),
        as_kecamatan.get("/kec-kedopok/skm/kiosk/terima-kasih/"),
        client.get(selectors.survey_link_for_case(case=other)),
        client.get("/kec-kedopok/surat-pengantar-izin-keramaian/kinerja/"),
    ]
    for response in pages:
        assert response.status_code == 200, response.wsgi_request.path
        html = response.content.decode()
        assert not inline_script.search(html), response.wsgi_request.path
        assert not style_attribute.search(html), response.wsgi_request.path
        assert not handler.search(html), response.wsgi_request.path


def _fresh_finished_case(service):
    import datetime as dt

    from tests.surveys.conftest import WIB, finish, kedopok_case, login

    start = dt.datetime.now(WIB).replace(microsecond=0) - dt.timedelta(days=2)
    case = kedopok_case(service, login("kec-kedopok.kedopok.operator-kelurahan"), start, name="Warga")
    officers = {"kecamatan": login("kec-kedopok.operator-kecamatan"), "camat": login("kec-kedopok.camat")}
    return finish(case, officers=officers, at=start, minutes=9)
