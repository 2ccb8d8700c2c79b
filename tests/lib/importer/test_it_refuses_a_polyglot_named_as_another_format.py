"""The first bytes decide the format; a name that promises another one is refused, not guessed."""

from __future__ import annotations

import pytest

from pelayan.lib.importer import NotADocumentError, parse_services
from tests.lib.importer import abuse, corpus


def test_it_refuses_a_file_that_is_both_a_pdf_and_a_zip_named_docx():
    data, name = abuse.polyglot_pdf_zip()
    with pytest.raises(NotADocumentError, match=r"isinya PDF tetapi namanya tidak berakhiran \.pdf"):
        parse_services(data, name)


def test_it_refuses_a_zip_named_html():
    data, name = abuse.polyglot_zip_html()
    with pytest.raises(NotADocumentError, match="isinya arsip ZIP"):
        parse_services(data, name)


def test_it_refuses_html_named_pdf():
    data, _ = corpus.html_rsud()
    with pytest.raises(NotADocumentError, match="bukan berkas PDF"):
        parse_services(data, "rsud.pdf")


def test_it_reads_a_word_file_whatever_its_name_when_the_name_promises_no_format():
    data, _ = corpus.docx_ktp()
    assert parse_services(data, "unggahan")[0].source_format == "docx"
