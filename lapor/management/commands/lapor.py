"""`pelayan lapor import FILE --agency SLUG`: reports handed over by SP4N-LAPOR! as JSON become
complaints; `pelayan lapor push`: deliver the statuses waiting for LAPOR!.

The file's shape is described in pelayan/lib/lapor.py and docs/complaints.md. Every report that
cannot be taken is listed with its position, its tracking ID and the field at fault; the others
are taken. A report already taken (same tracking ID) is left as it is, so a file can be imported
again safely.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lapor.services import lapor_pushes_retry, lapor_reports_import
from pelayan.lib.lapor import FILE_MAX_BYTES, LaporFileError
from standards.selectors import agency_get


class Command(BaseCommand):
    help = "Import SP4N-LAPOR! reports (JSON) as complaints, or deliver queued statuses to LAPOR!."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        take = actions.add_parser("import", help="Import a JSON file of LAPOR! reports.")
        take.add_argument("file")
        take.add_argument("--agency", required=True, help="The agency's code (slug), e.g. kesra-kalbar.")
        actions.add_parser("push", help="Deliver the statuses waiting to be sent to LAPOR!.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "push":
            self.stdout.write(f"{lapor_pushes_retry()} status(es) attempted.")
            return
        agency = agency_get(slug=options["agency"])
        if agency is None:
            raise CommandError(f"No agency {options['agency']!r}.", returncode=1)
        path = Path(options["file"])
        try:
            if path.stat().st_size > FILE_MAX_BYTES:
                raise CommandError(f"{path}: larger than {FILE_MAX_BYTES // (1024 * 1024)} MB.", returncode=1)
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror or exc}", returncode=1) from exc
        try:
            result = lapor_reports_import(agency=agency, data=data)
        except LaporFileError as exc:
            raise CommandError(f"{path}: {exc}", returncode=1) from exc
        for complaint in result.created:
            self.stdout.write(f"+ {complaint.lapor_id} -> {complaint.reference} ({complaint.register_label})")
        for complaint in result.already:
            self.stdout.write(f"= {complaint.lapor_id} already taken in as {complaint.reference}")
        for error in result.errors:
            self.stderr.write(
                f"! report {error.position} {error.tracking_id or '(no tracking ID)'}: {error.field}: {error.message}"
            )
        self.stdout.write(
            f"{len(result.created)} imported, {len(result.already)} already there, {len(result.errors)} refused."
        )
        if result.errors:
            raise CommandError("Some reports were refused; see above.", returncode=2)
