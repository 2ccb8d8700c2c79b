"""`pelayan documents verify-archive`: re-hash every stored document and report mismatches."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Documents: verify-archive re-hashes every stored file against its recorded SHA-256."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify-archive", help="re-hash every stored file; exit 1 on any mismatch")

    def handle(self, *args, action, **options):
        from documents.selectors import archive_verify

        report = archive_verify()
        for problem in report.problems:
            self.stdout.write(f"MISMATCH {problem.number} ({problem.code}): {problem.reason}")
        self.stdout.write(f"{report.checked} documents checked, {len(report.problems)} mismatches")
        if report.problems:
            raise CommandError("archive has mismatching files")
