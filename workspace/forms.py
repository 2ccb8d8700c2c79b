"""Reading the workspace's posted forms into the arguments of the case services.

Only parsing: whether the input is acceptable is the services' call (they raise ``InvalidInput``
with the fields at fault); what is checked here is what cannot reach them in another shape — a
date that is not a date, an officer id that is not a number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _

from cases.services import Applicant, InvalidInput
from workspace.presenters import zone_of

NOTE_MAX = 4000
SEARCH_MAX = 40


def search_text(params: QueryDict) -> str:
    return params.get("nomor", "").strip()[:SEARCH_MAX]


def applicant_from(data: QueryDict) -> Applicant:
    return Applicant(
        name=data.get("name", ""),
        phone=data.get("phone", ""),
        email=data.get("email", ""),
        address=data.get("address", ""),
        institution=data.get("institution", ""),
    )


def received_at_from(data: QueryDict, agency: Any) -> datetime | None:
    """The moment a letter or visitor arrived, typed in the agency's zone; blank = now."""
    text = data.get("received_at", "").strip()
    if not text:
        return None
    for pattern in ("%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"):
        try:
            return datetime.strptime(text, pattern).replace(tzinfo=zone_of(agency))
        except ValueError:
            continue
    raise InvalidInput(
        _("Waktu diterima tidak terbaca; tulis tanggal dan jam."), {"received_at": "unreadable"}
    )


@dataclass(frozen=True)
class ActionInput:
    action: str
    version: int
    note: str
    missing: list[str]
    unit: str | None
    assignee_id: int | None


def version_from(data: QueryDict) -> int:
    try:
        return int(data.get("version", ""))
    except ValueError:
        # A form without its version cannot be told from a stale one: treat it as stale.
        return 0


def action_from(data: QueryDict) -> ActionInput:
    assignee = data.get("assignee", "").strip()
    # isascii too: "²".isdigit() is True but int("²") fails.
    if assignee and not (assignee.isascii() and assignee.isdigit() and len(assignee) <= 18):
        raise InvalidInput(_("Petugas yang dipilih tidak dikenal."), {"assignee": "unknown"})
    return ActionInput(
        action=data.get("action", ""),
        version=version_from(data),
        note=data.get("note", "")[: NOTE_MAX + 1],
        missing=data.getlist("missing"),
        unit=data.get("unit", "").strip() or None,
        assignee_id=int(assignee) if assignee else None,
    )
