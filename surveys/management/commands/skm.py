"""pelayan skm compute FILE [--json]: the IKM of a paper or spreadsheet survey (CSV or XLSX).

Exits 0 with the figures, 1 when a row or column is bad (each named by row and column; nothing
is computed from a file with errors), 2 on usage errors.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pelayan.lib import skm
from surveys.files import MAX_BYTES, FileRefused, read_responses


class Command(BaseCommand):
    help = "Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017): hitung IKM dari berkas CSV/XLSX."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        compute = sub.add_parser("compute", help="hitung nilai per unsur, IKM, nilai konversi dan mutu")
        compute.add_argument("file", help="berkas CSV atau XLSX: satu baris per responden, kolom U1…U9")
        compute.add_argument("--json", action="store_true", help="satu objek JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Berkas tidak ditemukan: {path} (file not found)")
        if path.stat().st_size > MAX_BYTES:
            raise CommandError(f"Berkas lebih dari {MAX_BYTES // (1024 * 1024)} MB (file too large)")
        try:
            result = read_responses(path.read_bytes(), name=path.name)
        except FileRefused as exc:
            raise CommandError(f"{path}: {exc}") from None
        if result.errors:
            self._errors(result.errors, options["json"])
            raise SystemExit(1)
        figures = skm.compute(result.responses)
        if options["json"]:
            self.stdout.write(json.dumps({"file": path.name, **figures.as_json()}, ensure_ascii=False))
            return
        self._table(path.name, figures)

    def _errors(self, errors: list[skm.RowError], as_json: bool) -> None:
        if as_json:
            self.stdout.write(json.dumps({"errors": [e.as_json() for e in errors]}, ensure_ascii=False))
            return
        for e in errors:
            where = f"baris {e.row}" + (f", kolom {e.column}" if e.column else "")
            self.stderr.write(f"{where}: {e.message}")

    def _table(self, name: str, figures: skm.IkmResult) -> None:
        data = figures.as_json()
        lines = [
            f"{name}: {figures.respondents} responden",
            "",
            f"{'Unsur':<48} {'Dijawab':>8} {'Rata-rata':>10}",
        ]
        for element in skm.ELEMENTS:
            row = data["elements"][element.code]
            mean = row["mean"] or "—"
            lines.append(f"{element.code + ' ' + element.name:<48} {row['answered']:>8} {mean:>10}")
        lines += [
            "",
            f"IKM (Σ rata-rata × 1/9): {data['ikm'] or '—'}",
            f"Nilai konversi (× 25):   {data['converted'] or '—'}",
            f"Mutu pelayanan:          {data['grade'] or '—'} {data['quality'] or ''}".rstrip(),
        ]
        self.stdout.write("\n".join(lines))
