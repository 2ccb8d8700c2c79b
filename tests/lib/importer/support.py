"""Helpers for importer tests: where the seeds are, and small Word/PDF files built in memory."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
# Beside the repository in CI; PELAYAN_SEEDS_DIR points elsewhere (a checkout kept in another folder).
SEEDS = Path(os.environ.get("PELAYAN_SEEDS_DIR") or REPO_ROOT.parent / "shared" / "seeds")


def seed_bytes(prefix: str) -> tuple[bytes, str]:
    """The seed file whose name starts with ``prefix``; skips the test when the folder is absent and
    fails it when the folder is there but the seed is not."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed folder {SEEDS} is absent (it sits beside the repository in CI)")
    matches = sorted(SEEDS.glob(f"{prefix}*"))
    if not matches:
        pytest.fail(f"the seed folder {SEEDS} has no seed named {prefix}*")
    return matches[0].read_bytes(), matches[0].name


def make_docx(
    paragraphs_before: list[str], rows: list[tuple[str, str, str]], paragraphs_after: list[str] = ()
) -> bytes:
    """A Word file: heading paragraphs, a three-column table (no, label, content), closing paragraphs.

    Content cells may hold several paragraphs separated by newlines.
    """
    import docx

    document = docx.Document()
    for text in paragraphs_before:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("NO", "KOMPONEN", "URAIAN"), strict=True):
        cell.text = text
    for number, label, content in rows:
        cells = table.add_row().cells
        cells[0].text = number
        cells[1].text = label
        lines = content.split("\n")
        cells[2].text = lines[0]
        for line in lines[1:]:
            cells[2].add_paragraph(line)
    for text in paragraphs_after:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str]] | None = None, text_layer: bool = True) -> bytes:
    """A PDF with one line of Helvetica text per entry; with text_layer=False, only a drawn box
    (what a scanner without OCR produces, as far as text extraction is concerned)."""
    pages = pages or [["(no text)"]]
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(len(pages))]
    font_id = 3 + 2 * len(pages)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for i, lines in enumerate(pages):
        if text_layer:
            ops = ["BT", "/F1 9 Tf", "11 TL", "40 800 Td"]
            for line in lines:
                ops.append(f"({_pdf_escape(line)}) Tj T*")
            ops.append("ET")
        else:
            ops = ["0.5 g", "40 40 500 700 re f"]
        stream = "\n".join(ops).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font_id} 0 R >> >> "
            f"/Contents {page_ids[i] + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()
