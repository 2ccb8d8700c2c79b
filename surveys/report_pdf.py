"""The performance report as a printable PDF, in the layout agencies send with their IKM: the
nine elements with their mean (NRR) and weighted mean (NRR × 1/9), the index, the converted score
and the quality of service, then the time limits kept. Rendered by WeasyPrint; loads nothing."""

from __future__ import annotations

from datetime import datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

from pelayan.lib import skm
from surveys import selectors as sel

STYLESHEET = Path(__file__).resolve().parent / "static" / "surveys" / "report-pdf.css"


def _nothing_fetched(url: str, timeout: int = 10, ssl_context: Any = None) -> dict[str, Any]:
    # The report is built from our own figures only: no image, font or stylesheet from anywhere.
    raise ValueError(f"not loaded in a report: {url[:80]}")


def _decimal(value: Fraction | None, places: int) -> str:
    return "—" if value is None else str(skm.to_decimal(value, places)).replace(".", ",")


def report_pdf(
    *, report: sel.Report, service: Any | None, limits: list[dict[str, Any]], printed_at: datetime
) -> bytes:
    from weasyprint import CSS, HTML

    ikm = report.ikm
    elements = [
        {
            "code": element.code,
            "name": element.name,
            "answered": ikm.answered[element.code],
            "mean": _decimal(ikm.means[element.code], 2),
            "weighted": _decimal(
                ikm.means[element.code] / 9 if ikm.means[element.code] is not None else None, 3
            ),
        }
        for element in skm.ELEMENTS
    ]
    html = render_to_string(
        "surveys/report_pdf.html",
        {
            "report": report,
            "agency": report.agency,
            "service": service,
            "period": report.period,
            "elements": elements,
            "ikm": _decimal(ikm.ikm, 3),
            "converted": _decimal(ikm.converted, 2),
            "grade": ikm.grade,
            "limits": limits,
            "printed_at": printed_at,
        },
    )
    document = HTML(string=html, url_fetcher=_nothing_fetched).render(
        stylesheets=[CSS(filename=str(STYLESHEET))]
    )
    return document.write_pdf()
