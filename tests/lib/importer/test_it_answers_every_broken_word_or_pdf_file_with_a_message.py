"""Corrupted Word and PDF files: whatever python's zip, lxml or pypdf make of them, the importer
answers with a DocumentError (a message for staff), never another exception (an HTTP 500)."""

from __future__ import annotations

import contextlib
import random

import pytest

from pelayan.lib.importer import DocumentError, parse_services
from tests.lib.importer import corpus


@pytest.mark.parametrize("build", [corpus.docx_ktp, corpus.pdf_puskesmas])
def test_it_answers_every_corrupted_file_with_a_document_error(build):
    data, name = build()
    rng = random.Random(2026)  # noqa: S311 - reproducible corruption, not a secret
    for _ in range(150):
        broken = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            broken[rng.randrange(len(broken))] = rng.randrange(256)
        with contextlib.suppress(DocumentError):
            parse_services(bytes(broken), name)
