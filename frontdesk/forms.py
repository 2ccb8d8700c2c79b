"""Reading the front office's forms into service arguments, bounded."""

from __future__ import annotations

import datetime as dt

from django.http import QueryDict

from frontdesk.services import GuestForm

MAX_CHECKLIST_IDS = 50


def _int(value: str | None) -> int | None:
    value = (value or "").strip()
    if not value.isdigit() or len(value) > 9:
        return None
    return int(value)


def guest_form_from(data: QueryDict) -> GuestForm:
    ids = [_int(v) for v in data.getlist("checklist")[:MAX_CHECKLIST_IDS]]
    return GuestForm(
        name=data.get("name", "")[:1000],
        purpose=data.get("purpose", "")[:2000],
        institution=data.get("institution", "")[:1000],
        contact=data.get("contact", "")[:1000],
        line_id=_int(data.get("line")),
        unit_slug=data.get("unit", "")[:64],
        checklist=tuple(i for i in ids if i is not None),
    )


def day_from(value: str | None, default: dt.date) -> dt.date | None:
    """The ``tanggal`` of a list (YYYY-MM-DD); ``None`` when it cannot be read."""
    if not value:
        return default
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def int_from(value: str | None) -> int | None:
    return _int(value)
