"""pelayan import-standard PATH [--agency SLUG] [--service NAME] [--new-service] [--dry-run] [--json]

A document becomes a new draft version of the agency's service it matches (same name, same decree
number, or a similar name); a new service is created only with --new-service."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from importer.selectors import service_match_for
from importer.services import document_import, document_preview, import_service_name
from pelayan.lib.importer import DocumentError
from standards.models import Agency
from standards.selectors import agency_get

SUPPORTED = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf", ".tsv")


class Command(BaseCommand):
    help = "Impor dokumen Standar Pelayanan (teks, HTML, Markdown, .docx, .pdf) menjadi draf standar."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="berkas atau folder berisi berkas")
        parser.add_argument("--agency", help="slug instansi pemilik draf")
        parser.add_argument("--service", help="nama layanan (jika dokumen hanya memuat satu layanan)")
        parser.add_argument(
            "--new-service",
            action="store_true",
            help="buat layanan baru alih-alih versi baru dari layanan yang cocok (create a new service)",
        )
        parser.add_argument("--dry-run", action="store_true", help="baca dan tampilkan saja, tanpa menyimpan")
        parser.add_argument("--json", action="store_true", help="keluaran JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        if not path.exists():
            raise CommandError(f"Berkas tidak ditemukan: {path} (file not found)")
        files = (
            sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
            if path.is_dir()
            else [path]
        )
        if path.is_dir() and not files:
            raise CommandError(f"Tidak ada dokumen yang didukung di {path} (no supported files)")
        agency = None
        if options["agency"]:
            agency = agency_get(slug=options["agency"])
            if agency is None:
                raise CommandError(f"Instansi dengan slug '{options['agency']}' tidak ada (unknown agency)")
        elif not options["dry_run"]:
            raise CommandError("--agency wajib diisi kecuali dengan --dry-run (--agency is required)")

        as_json = options["json"]
        outputs: list[dict[str, Any]] = []
        failures: list[str] = []
        progress = tqdm(files, unit="dok", disable=len(files) < 2, file=sys.stderr, desc="Impor")
        for file in progress:
            try:
                outputs.extend(self._one(file, agency, options))
            except DocumentError as exc:
                failures.append(f"{file}: {exc}")
                if not as_json:
                    self.stderr.write(f"{file}: {exc}")
        if as_json:
            if len(files) == 1 and len(outputs) >= 1:
                payload = dict(outputs[0])
                if len(outputs) > 1:
                    payload["services"] = outputs
            elif len(files) == 1:
                payload = {"error": failures[0] if failures else None}
            else:
                payload = {"documents": outputs, "errors": failures}
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
        if failures:
            if as_json and len(files) == 1:
                self.stderr.write(failures[0])
            raise CommandError(f"{len(failures)} dokumen gagal diimpor ({len(failures)} failed)")

    def _one(self, file: Path, agency: Agency | None, options: dict[str, Any]) -> list[dict[str, Any]]:
        data = file.read_bytes()
        out: list[dict[str, Any]] = []
        if options["dry_run"]:
            for result in document_preview(data=data, filename=file.name, service_name=options["service"]):
                payload = result.to_json()
                if agency is not None:
                    payload["agency"] = agency.name
                    payload["agency_slug"] = agency.slug
                    # Which service the draft would be a new version of (None: --new-service needed).
                    match = service_match_for(
                        agency=agency, name=import_service_name(result), decree=result.decree
                    )
                    payload["matched_service"] = match.name if match is not None else None
                out.append(payload)
                if not options["json"]:
                    self._describe(file, payload)
            return out
        assert agency is not None  # noqa: S101 - checked in handle()
        for draft in document_import(
            agency=agency,
            data=data,
            filename=file.name,
            actor=None,
            service_name=options["service"],
            new_service=options["new_service"],
        ):
            payload = draft.result.to_json()
            payload.update(
                agency=agency.name,
                agency_slug=agency.slug,
                service=draft.standard.service.name,
                standard_id=draft.standard.pk,
                version=draft.standard.version,
                matched_existing_service=draft.matched,
            )
            out.append(payload)
            if not options["json"]:
                self._describe(file, payload)
                self.stdout.write(
                    self.style.SUCCESS(
                        f"  draf #{draft.standard.pk} versi {draft.standard.version} dibuat untuk "
                        f"'{draft.standard.service.name}'"
                        + (" (versi baru layanan yang ada)" if draft.matched else " (layanan baru)")
                    )
                )
        return out

    def _describe(self, file: Path, payload: dict[str, Any]) -> None:
        found = len(payload["found"])
        self.stdout.write(
            f"{file.name}: {payload['service'] or '(layanan tanpa nama)'} — {found}/14 komponen"
        )
        for warning in payload["warnings"]:
            self.stdout.write(f"  ! {warning}")
