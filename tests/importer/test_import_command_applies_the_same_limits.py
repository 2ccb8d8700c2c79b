"""pelayan import-standard refuses abusive files with the same messages, on stderr, exit status 1."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from standards.models import Standard
from tests.lib.importer import abuse

CASES = {
    "docx_bomb": "[MAX_XML_BYTES]",
    "docx_entity_bomb": "deklarasi DTD/entitas",
    "pdf_shared_stream": "[MAX_PDF_CONTENT_BYTES]",
    "million_lines": "[MAX_LINES]",
    "oversized": "[MAX_INPUT_BYTES]",
    "polyglot_pdf_zip": "isinya PDF",
    "unclosed_tags": "bukan Standar Pelayanan",
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(CASES))
def test_it_refuses_an_abusive_file_with_the_limit_on_stderr(agency, tmp_path, case):
    data, name = abuse.ALL[case]()
    path = tmp_path / name
    path.write_bytes(data)
    err = io.StringIO()
    start = time.perf_counter()
    with pytest.raises(CommandError):
        call_command("import_standard", str(path), "--agency", agency.slug, stdout=io.StringIO(), stderr=err)
    assert time.perf_counter() - start < 5.0
    assert CASES[case] in err.getvalue()
    assert Standard.objects.count() == 0


def test_the_command_exits_with_status_one(tmp_path):
    data, name = abuse.docx_bomb()
    path = tmp_path / name
    path.write_bytes(data)
    env = {
        **os.environ,
        "PELAYAN_ALLOW_INSECURE_KEY": "1",
        "PELAYAN_SQLITE_PATH": str(tmp_path / "db.sqlite3"),
    }
    done = subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
        [sys.executable, "-m", "pelayan.cli", "import-standard", str(path), "--dry-run"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "[MAX_XML_BYTES]" in done.stderr
    assert done.stdout == ""
