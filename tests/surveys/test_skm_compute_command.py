"""pelayan skm compute FILE: the figures of a paper or spreadsheet survey as a table or one JSON
object; bad rows named by row and column with exit status 1."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from openpyxl import Workbook

CSV = "No,U1,U2,U3,U4,U5,U6,U7,U8,U9,Saran\n1,4,4,3,4,3,3,4,2,3,\n2,3,2,3,4,3,3,4,2,3,lebih cepat\n3,3,,3,4,3,3,4,2,3,\n"


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("skm", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_json_has_the_means_index_score_and_grade(tmp_path):
    path = tmp_path / "skm.csv"
    path.write_text(CSV)
    data = json.loads(run("compute", str(path), "--json")[0])
    assert data["respondents"] == 3
    assert data["elements"]["U1"] == {"answered": 3, "mean": "3.33"}
    assert data["elements"]["U2"] == {"answered": 2, "mean": "3.00"}
    assert (data["ikm"], data["converted"], data["grade"], data["quality"]) == ("3.148", "78.70", "B", "Baik")


def test_the_table_reads_the_same_figures(tmp_path):
    path = tmp_path / "skm.csv"
    path.write_text(CSV)
    out, _ = run("compute", str(path))
    assert "U8 Penanganan pengaduan" in out
    assert "78.70" in out and "B Baik" in out


def test_an_xlsx_file(tmp_path):
    book = Workbook()
    book.active.append(["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"])
    for _ in range(4):
        book.active.append([4] * 9)
    path = tmp_path / "skm.xlsx"
    book.save(path)
    assert json.loads(run("compute", str(path), "--json")[0])["converted"] == "100.00"


def test_a_five_and_a_missing_column_are_named_with_exit_status_1(tmp_path):
    five = tmp_path / "five.csv"
    five.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n4,4,4,4,4,4,4,4,5\n")
    with pytest.raises(SystemExit) as exit_:
        run("compute", str(five), "--json")
    assert exit_.value.code == 1
    missing = tmp_path / "missing.csv"
    missing.write_text("U1,U2,U3,U4,U5,U6,U7,U9\n4,4,4,4,4,4,4,4\n")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit):
        call_command("skm", "compute", str(missing), stdout=out, stderr=err)
    assert "baris 1, kolom U8: kolom tidak ada" in err.getvalue()


def test_the_json_errors_list_row_and_column(tmp_path, capsys):
    five = tmp_path / "five.csv"
    five.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n4,4,4,4,4,4,4,4,5\n")
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("skm", "compute", str(five), "--json", stdout=out)
    assert json.loads(out.getvalue()) == {
        "errors": [{"row": 3, "column": "U9", "message": "jawaban 5 di luar 1–4"}]
    }


def test_a_file_that_is_not_a_table_is_refused(tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "x.csv"
    path.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(CommandError):
        run("compute", str(path))
