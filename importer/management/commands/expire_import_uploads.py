"""pelayan expire-import-uploads: delete uploads that waited longer than PELAYAN_IMPORT_PENDING_HOURS."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from importer.services import pending_uploads_expire


class Command(BaseCommand):
    help = "Hapus unggahan impor yang kedaluwarsa beserta berkasnya (delete expired import uploads)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = pending_uploads_expire()
        self.stdout.write(f"{count} unggahan kedaluwarsa dihapus ({count} expired uploads deleted)")
