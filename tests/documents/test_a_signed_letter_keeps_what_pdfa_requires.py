"""WeasyPrint renders letters as PDF/A-2b; signing must not take that away. The signed letter
(an incremental update) still declares PDF/A-2b in its XMP metadata, still carries the output
intent, and every font in it, the visible signature block's included, is embedded (pyHanko's own
text stamp would add Courier, not embedded, which PDF/A forbids).

These are the properties signing could break, checked with poppler's ``pdffonts`` and pyHanko's
reader; a full PDF/A conformance check needs veraPDF (Java, not installable from PyPI), which the
suite does not run."""

from __future__ import annotations

import subprocess
from io import BytesIO

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from tests.documents.helpers import signed_letter


def fonts(pdf: bytes, tmp_path) -> list[tuple[str, str]]:
    """(name, embedded yes/no) of every font, as poppler's pdffonts lists them."""
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout  # noqa: S603, S607
    rows = listing.splitlines()[2:]
    # name, type (one or two words), encoding, then emb sub uni and the object id.
    return [(row.split()[0], row.split()[-5]) for row in rows if row.strip()]


def pdfa_declaration(pdf: bytes) -> tuple[str, str, int]:
    root = PdfFileReader(BytesIO(pdf), strict=False).root
    xmp = root["/Metadata"].get_object().data.decode()
    part = xmp.split('pdfaid:part="')[1].split('"')[0]
    conformance = xmp.split('pdfaid:conformance="')[1].split('"')[0]
    return part, conformance, len(root["/OutputIntents"])


@pytest.mark.django_db
def test_the_signed_letter_still_declares_pdfa_2b_with_every_font_embedded(case_at_signing, camat, demo_ca,
                                                                            tmp_path):  # fmt: skip
    document = signed_letter(case_at_signing, camat).document
    rendered = document.rendered_file.open("rb").read()
    signed = document.file.open("rb").read()

    assert pdfa_declaration(rendered) == ("2", "B", 1)
    assert pdfa_declaration(signed) == ("2", "B", 1)
    assert signed.startswith(rendered)  # an incremental update: the PDF/A letter is kept byte for byte

    signed_fonts = fonts(signed, tmp_path)
    assert len(signed_fonts) > len(fonts(rendered, tmp_path))  # the signature block brings its own font
    assert all(embedded == "yes" for _name, embedded in signed_fonts), signed_fonts
    assert not any("Courier" in name for name, _ in signed_fonts)
