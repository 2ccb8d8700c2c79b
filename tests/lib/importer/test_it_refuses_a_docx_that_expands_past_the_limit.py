"""A .docx is a zip archive: its document body is read in chunks and never past MAX_XML_BYTES."""

from __future__ import annotations

import time

import pytest

from pelayan.lib.importer import LimitExceededError, NotADocumentError, NotAStandardError, parse_services
from pelayan.lib.importer.limits import Limits
from tests.lib.importer import abuse
from tests.lib.importer.support import make_docx


def test_it_refuses_a_docx_that_expands_past_the_limit():
    data, name = abuse.docx_bomb()  # 270 KB that expands to 90 MB
    start = time.perf_counter()
    with pytest.raises(LimitExceededError, match=r"melebihi batas 8 MB \[MAX_XML_BYTES\]") as caught:
        parse_services(data, name)
    assert caught.value.limit == "MAX_XML_BYTES"
    assert time.perf_counter() - start < 1.0


def test_it_stops_decompressing_at_the_limit_when_the_archive_understates_the_size():
    data, name = abuse.docx_bomb(expanded=3 * 1024 * 1024)
    # The declared size is under this limit; the bytes produced are not.
    from io import BytesIO
    from zipfile import ZipFile

    declared = ZipFile(BytesIO(data)).getinfo("word/document.xml").file_size
    with pytest.raises(LimitExceededError, match="MAX_XML_BYTES"):
        parse_services(data, name, Limits(max_xml_bytes=declared - 1))


def test_it_refuses_an_archive_whose_declared_size_is_false():
    data, name = abuse.docx_lying_sizes()
    with pytest.raises(NotADocumentError, match="rusak"):
        parse_services(data, name)


def test_it_refuses_an_archive_of_too_many_entries():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(30):
            archive.writestr(f"word/media/{n}.bin", b"")
        archive.writestr("word/document.xml", "<x/>")
    with pytest.raises(LimitExceededError, match="MAX_DOCX_MEMBERS"):
        parse_services(buffer.getvalue(), "banyak.docx", Limits(max_docx_members=20))


def test_it_still_reads_a_word_document_within_the_limits():
    data = make_docx(["KEPUTUSAN"], [("1", "Persyaratan", "KTP")] * 3)
    # One label is not a standard, but the body was read to find it.
    with pytest.raises(NotAStandardError, match="hanya 1 dari 14"):
        parse_services(data, "kecil.docx")


def test_it_refuses_a_word_body_that_is_not_well_formed_xml():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(NotADocumentError, match=r"berkas \.docx rusak"):
        parse_services(buffer.getvalue(), "patah.docx")
