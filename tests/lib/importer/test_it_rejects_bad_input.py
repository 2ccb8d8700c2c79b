"""Empty files, binaries, scanned PDFs and texts that are not standards: a clear error, no result."""

from __future__ import annotations

import zipfile
from io import BytesIO

import pytest

from pelayan.lib.importer import (
    EmptyDocumentError,
    NotADocumentError,
    NotAStandardError,
    ScannedPdfError,
    parse_document,
)
from tests.lib.importer.support import make_pdf


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n"])
def test_it_rejects_an_empty_file(data):
    with pytest.raises(EmptyDocumentError, match="kosong"):
        parse_document(data, "kosong.txt")


def test_it_rejects_a_binary_that_is_not_a_document():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    with pytest.raises(NotADocumentError, match="bukan dokumen"):
        parse_document(png, "gambar.png")


def test_it_rejects_a_zip_that_is_not_a_word_file():
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.csv", "a,b\n")
    with pytest.raises(NotADocumentError):
        parse_document(buffer.getvalue(), "arsip.docx")


def test_it_rejects_a_scanned_pdf_without_text():
    with pytest.raises(ScannedPdfError, match="lapisan teks"):
        parse_document(make_pdf([["x"]], text_layer=False), "pindaian.pdf")


def test_it_rejects_a_broken_pdf():
    with pytest.raises(NotADocumentError):
        parse_document(b"%PDF-1.4\n garbage without objects", "rusak.pdf")


def test_it_rejects_a_document_that_is_not_a_standard():
    letter = (
        "Dengan hormat,\nBersama ini kami sampaikan undangan rapat koordinasi pada hari Senin.\n"
        "Biaya perjalanan ditanggung masing-masing.\nDemikian, atas perhatiannya kami ucapkan terima kasih."
    )
    with pytest.raises(NotAStandardError, match="bukan Standar Pelayanan"):
        parse_document(letter.encode(), "undangan.txt")
