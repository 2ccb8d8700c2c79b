"""The day's guest book as an XLSX workbook (openpyxl)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from openpyxl import Workbook

from frontdesk.models import GuestEntry
from standards.models import Agency

# A cell that starts like a formula would run as one in a spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def guest_book_xlsx(*, agency: Agency, day: dt.date, entries: Iterable[GuestEntry]) -> bytes:
    zone = ZoneInfo(agency.timezone)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=day.isoformat())
    sheet.append([_safe(agency.name)])
    sheet.append([_("Buku tamu"), day.isoformat()])
    sheet.append(
        [
            _("No."), _("Jam"), _("Nama"), _("Instansi/lembaga"), _("Keperluan"), _("Kontak"),
            _("Layanan"), _("Bagian"), _("Nomor antrean"), _("Nomor registrasi"), _("Dicatat melalui"),
        ]
    )  # fmt: skip
    for n, entry in enumerate(entries, start=1):
        ticket = getattr(entry, "ticket", None)
        sheet.append(
            [
                n,
                entry.visited_at.astimezone(zone).strftime("%H:%M"),
                _safe(entry.name),
                _safe(entry.institution),
                _safe(entry.purpose),
                _safe(entry.contact),
                _safe(entry.line.name) if entry.line else "",
                _safe(entry.unit.name) if entry.unit else "",
                ticket.number if ticket else "",
                entry.case.display_number if entry.case else "",
                str(entry.get_source_display()),
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
