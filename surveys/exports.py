"""The performance report as an XLSX workbook (openpyxl): summary, elements, time limits."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from cases.models import CaseStatus
from pelayan.lib import skm
from surveys.selectors import Report


def _sheet(book: Workbook, title: str, header: list[str], rows: list[list[Any]], first: bool = False) -> None:
    sheet = book.active if first else book.create_sheet()
    sheet.title = title
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))


def report_xlsx(report: Report, *, limits: list[dict[str, Any]]) -> bytes:
    data = report.ikm.as_json()
    book = Workbook()
    services = ", ".join(s.name for s in report.services)
    _sheet(
        book,
        "Ringkasan",
        ["Keterangan", "Nilai"],
        [
            ["Instansi", report.agency.name],
            ["Layanan", services],
            ["Periode", report.period.label],
            ["Permohonan diterima", report.cases_total],
            *[
                [f"Permohonan {label.lower()}", report.cases_by_status.get(v, 0)]
                for v, label in CaseStatus.choices
            ],
            ["Dikembalikan untuk dilengkapi (kali)", report.returns],
            ["Permohonan yang pernah dikembalikan", report.returned_cases],
            ["Responden SKM", report.ikm.respondents],
            ["Pengguna layanan (permohonan selesai)", report.population],
            ["Sampel minimal (Krejcie-Morgan)", report.sample_needed],
            ["Sampel tercapai", "ya" if report.sample_reached else "tidak"],
            ["IKM", float(data["ikm"]) if data["ikm"] else None],
            ["Nilai konversi IKM", float(data["converted"]) if data["converted"] else None],
            ["Mutu pelayanan", f"{data['grade']} ({data['quality']})" if data["grade"] else None],
        ],
        first=True,
    )
    _sheet(
        book,
        "Unsur SKM",
        ["Kode", "Unsur", "Dijawab", "Nilai rata-rata"],
        [
            [
                e.code,
                e.name,
                data["elements"][e.code]["answered"],
                float(data["elements"][e.code]["mean"]) if data["elements"][e.code]["mean"] else None,
            ]
            for e in skm.ELEMENTS
        ],
    )
    _sheet(
        book,
        "Batas waktu",
        ["Batas waktu", "Janji", "Jam selesai", "Tepat waktu", "Persentase tepat waktu",
         "Median waktu kerja (detik)", "Persentil 90 (detik)", "Waktu dijanjikan (detik)"],
        [
            [row["label"], row["promise"], lim.stopped, lim.met,
             round(lim.on_time_rate * 100, 2) if lim.on_time_rate is not None else None,
             lim.median, lim.p90, lim.budget]
            for row, lim in zip(limits, report.limits, strict=True)
        ],
    )  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
