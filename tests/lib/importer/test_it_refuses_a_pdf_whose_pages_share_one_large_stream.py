"""PDF content is counted per page that draws it, pages are capped, and pypdf's errors are messages."""

from __future__ import annotations

import time

import pytest

from pelayan.lib.importer import LimitExceededError, NotADocumentError, parse_services
from pelayan.lib.importer.limits import Limits
from tests.lib.importer import abuse
from tests.lib.importer.support import make_pdf


def test_it_refuses_a_pdf_whose_pages_share_one_large_stream():
    data, name = abuse.pdf_shared_stream()  # 38 KB on disk, 200 pages of one 2 MB stream
    start = time.perf_counter()
    with pytest.raises(LimitExceededError, match=r"\[MAX_PDF_CONTENT_BYTES\]"):
        parse_services(data, name)
    assert time.perf_counter() - start < 2.0


def test_it_refuses_a_pdf_of_too_many_pages():
    data = make_pdf([["Persyaratan"]] * 12)
    with pytest.raises(LimitExceededError, match=r"jumlah halaman PDF melebihi batas 10 \[MAX_PDF_PAGES\]"):
        parse_services(data, "tebal.pdf", Limits(max_pdf_pages=10))


def test_it_turns_pypdfs_own_limit_error_into_a_message():
    # One stream that decodes past pypdf's own 75 MB ceiling; our content limit is lifted so that
    # pypdf's LimitReachedError is what stops it.
    data, name = abuse.pdf_shared_stream(pages=1, stream_bytes=80 * 1000 * 1000)
    with pytest.raises(NotADocumentError, match="rusak"):
        parse_services(data, name, Limits(max_pdf_content_bytes=10**9))
