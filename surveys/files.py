"""Survey results from a file: CSV or XLSX, one row per respondent, one column per element
(U1…U9, answers 1–4, blanks allowed). Bounded in size and rows; every bad cell is reported by
row and column (pelayan.lib.skm.parse_rows)."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from pelayan.lib import skm

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
XLSX_MAGIC = b"PK\x03\x04"


class FileRefused(ValueError):
    """The file as a whole cannot be read (too large, not CSV/XLSX, unreadable)."""


@dataclass
class FileResult:
    responses: list[dict[str, int | None]]
    errors: list[skm.RowError]


def _csv_rows(data: bytes) -> tuple[list[str], Iterator[list[str]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, [])
    return header, reader


def _xlsx_rows(data: bytes, max_rows: int) -> tuple[list[object], Iterator[tuple[object, ...]]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # A small file that unpacks to gigabytes is refused before openpyxl reads it.
            if sum(i.file_size for i in archive.infolist()) > 20 * MAX_BYTES:
                raise FileRefused("berkas XLSX terlalu besar setelah dibuka")
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except FileRefused:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise FileRefused(f"berkas XLSX tidak dapat dibaca: {exc.__class__.__name__}") from None
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True, max_row=max_rows + 2)
    header = list(next(rows, ()))
    return header, rows


def read_responses(
    data: bytes, *, name: str = "", max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS
) -> FileResult:
    """The responses and errors of a CSV or XLSX file (told apart by content, not by name)."""
    if len(data) > max_bytes:
        raise FileRefused(f"berkas lebih dari {max_bytes // (1024 * 1024)} MB")
    if not data.strip():
        raise FileRefused("berkas kosong")
    if data.startswith(XLSX_MAGIC):
        header, rows = _xlsx_rows(data, max_rows)
    elif b"\x00" in data[:1024]:
        raise FileRefused("bukan berkas CSV atau XLSX")
    else:
        header, rows = _csv_rows(data)
    responses, errors = skm.parse_rows(header, rows, max_rows=max_rows)
    return FileResult(responses, errors)
