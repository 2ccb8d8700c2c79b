"""HTML to PDF: the letter layout (kop surat, number, place and date, body from the template
version, signatory, QR to the verification page), rendered by WeasyPrint."""

from __future__ import annotations

import base64
import datetime as dt
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import segno
from django.conf import settings
from django.template import Context, Engine, TemplateSyntaxError
from django.template.loader import render_to_string

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
STYLESHEET = Path(__file__).resolve().parent / "static" / "documents" / "letter.css"
# The id of the empty box the visible signature is drawn into (see letter.html).
SIGNATURE_ANCHOR = "signature-box"
# WeasyPrint reports every layout step at INFO; one letter is not worth five log lines.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def indonesian_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def verify_url(code: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}/v/{code}"


def qr_data_uri(url: str) -> str:
    svg = segno.make(url, error="m").svg_inline(scale=4, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    # Where the signature goes: page index and box in PDF points (x1, y1, x2, y2), origin bottom left.
    signature_page: int
    signature_box: tuple[int, int, int, int]


# A template version's text is an agency admin's input: a standalone engine with no loaders and no
# tag libraries beyond the built-in ones, so it can neither include other templates nor load tags.
_BODY_ENGINE = Engine(loaders=[], libraries={}, autoescape=True)
_REFUSED_TAGS = re.compile(r"{%\s*(debug|include|extends|load|ssi)\b")


def body_render(body: str, context: dict[str, Any]) -> str:
    """The template version's text with the document's values (Django template language,
    autoescaped: an agency admin's text cannot inject markup through the values)."""
    if _REFUSED_TAGS.search(body):
        raise TemplateSyntaxError("debug, include, extends, load and ssi are not allowed in a letter")
    return _BODY_ENGINE.from_string(body).render(Context(context))


def _fetcher():
    """What a letter may load: data: URIs (the QR) and the agency's uploaded logo. No network, no
    other file: a template's text cannot pull server files in as images or attachments."""
    from urllib.parse import unquote, urlparse

    from weasyprint.urls import URLFetcher

    logos = (Path(settings.MEDIA_ROOT) / "letterheads").resolve()

    class LetterFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if url.startswith("file:"):
                path = Path(unquote(urlparse(url).path)).resolve()
                if path.is_relative_to(logos) and path.is_file():
                    return super().fetch(url, headers)
            raise ValueError(f"not loaded in a letter: {url[:80]}")

    return LetterFetcher(allowed_protocols=("data", "file"))


def render_pdf(*, context: dict[str, Any], body: str) -> Rendered:
    from weasyprint import CSS, HTML

    html = render_to_string(
        "documents/letter.html",
        {**context, "body": body_render(body, context), "signature_anchor": SIGNATURE_ANCHOR},
    )
    document = HTML(string=html, base_url=str(settings.MEDIA_ROOT), url_fetcher=_fetcher()).render(
        stylesheets=[CSS(filename=str(STYLESHEET))]
    )
    page_index, box = 0, (0, 0, 0, 0)
    for index, page in enumerate(document.pages):
        anchor = page.anchors.get(SIGNATURE_ANCHOR)
        if anchor is None:
            continue
        # Anchors are CSS pixels from the top left (x1, y1, x2, y2); PDF points are 0.75 px from
        # the bottom left.
        x1, y1, x2, y2 = anchor
        page_index = index
        box = (
            round(x1 * 0.75), round((page.height - y2) * 0.75),
            round(x2 * 0.75), round((page.height - y1) * 0.75),
        )  # fmt: skip
    pdf = document.write_pdf(pdf_variant="pdf/a-2b", pdf_identifier=context["public_code"].encode())
    return Rendered(pdf=pdf, signature_page=page_index, signature_box=box)


STAMP_LINES = ("Ditandatangani secara elektronik oleh", "{name}", "{title}", "{time}")


def render_stamp(*, name: str, title: str, time: str, width: int, height: int) -> bytes:
    """The visible signature block (name, title, time) as a one-page PDF of exactly the box's
    size, which the signer draws into the signature field. WeasyPrint embeds its font (DejaVu
    Sans), as PDF/A requires; pyHanko's own text stamps use Courier, which is not embedded."""
    from django.utils.html import escape
    from weasyprint import CSS, HTML

    lines = "".join(
        f"<p>{escape(line.format(name=name, title=title, time=time))}</p>" for line in STAMP_LINES
    )
    css = CSS(string=STAMP_CSS % {"width": max(width, 1), "height": max(height, 1)})
    return HTML(string=f"<body>{lines}</body>", url_fetcher=_fetcher()).write_pdf(stylesheets=[css])


STAMP_CSS = """
@page { size: %(width)spt %(height)spt; margin: 0; }
body { margin: 0; height: 100%%; box-sizing: border-box; border: 0.75pt solid #000; padding: 2pt 3pt;
       font-family: "DejaVu Sans", sans-serif; font-size: 6.5pt; line-height: 1.25; overflow: hidden; }
p { margin: 0; white-space: nowrap; overflow: hidden; }
p:nth-child(2) { font-weight: bold; }
"""
