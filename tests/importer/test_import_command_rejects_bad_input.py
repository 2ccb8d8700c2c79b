from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from standards.models import Standard
from tests.lib.importer.support import make_pdf

BAD = {
    "kosong.txt": (b"", "kosong"),
    "gambar.png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "bukan dokumen"),
    "pindaian.pdf": (make_pdf([["x"]], text_layer=False), "lapisan teks"),
    "surat.txt": (b"Dengan hormat, kami mengundang Bapak/Ibu rapat koordinasi.", "bukan Standar Pelayanan"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(BAD))
def test_it_fails_with_a_clear_message_and_creates_nothing(agency, tmp_path, name):
    data, message = BAD[name]
    path = tmp_path / name
    path.write_bytes(data)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_standard", str(path), "--agency", agency.slug, stdout=io.StringIO(), stderr=err)
    assert message in err.getvalue()
    assert Standard.objects.count() == 0


@pytest.mark.django_db
def test_it_fails_in_json_mode_with_the_message_on_stdout(tmp_path):
    path = tmp_path / "kosong.txt"
    path.write_bytes(b"")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_standard", str(path), "--dry-run", "--json", stdout=out, stderr=io.StringIO())
    assert "kosong" in json.loads(out.getvalue())["error"]


@pytest.mark.django_db
def test_it_needs_an_agency_to_write(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("x")
    with pytest.raises(CommandError, match="--agency"):
        call_command("import_standard", str(path), stdout=io.StringIO())
