"""`pelayan documents verify-archive` re-hashes every stored file; the page for a changed file no
longer says genuine."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from documents.selectors import document_verdict
from tests.documents.helpers import signed_letter


@pytest.mark.django_db
def test_an_intact_archive_passes_and_a_changed_file_is_reported(case_at_signing, camat, demo_ca):
    document = signed_letter(case_at_signing, camat).document
    out = io.StringIO()
    call_command("documents", "verify-archive", stdout=out)
    assert "1 documents checked, 0 mismatches" in out.getvalue()
    assert document_verdict(document).genuine

    path = Path(document.file.path)
    data = bytearray(path.read_bytes())
    data[-300] ^= 0x20
    path.write_bytes(bytes(data))

    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("documents", "verify-archive", stdout=out)
    assert f"MISMATCH {document.number}" in out.getvalue()
    verdict = document_verdict(document)
    assert not verdict.stored_hash_ok and not verdict.genuine
