"""The seam to the scheduled consultations (app ``consultations``): today's appointments and
their check-in, through ``consultations.selectors.appointments_for_day`` and
``consultations.services.appointment_check_in``. Without that app installed the front office
runs on walk-ins only and the check-in page says that no schedule is kept here."""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import events
from frontdesk.models import EntrySource
from frontdesk.services import FrontdeskError, GuestForm, Visit, guest_entry_create
from standards.models import Agency


def schedule_available() -> bool:
    return apps.is_installed("consultations")


def _module(name: str) -> Any:
    return importlib.import_module(name)


@dataclass(frozen=True)
class AppointmentRow:
    ref: str
    appointment: Any
    label: str
    starts_at: dt.datetime | None
    visitor: str


def _visitor_name(appointment: Any) -> str:
    for path in ("applicant_name", "name", "case.applicant_name", "request.case.applicant_name"):
        value: Any = appointment
        for part in path.split("."):
            value = getattr(value, part, None)
        if isinstance(value, str) and value:
            return value
    return ""


def _starts_at(appointment: Any) -> dt.datetime | None:
    for attr in ("starts_at", "start", "start_at", "at"):
        value = getattr(appointment, attr, None)
        if isinstance(value, dt.datetime):
            return value
    return None


def appointments_today(*, agency: Agency, day: dt.date) -> list[AppointmentRow] | None:
    """Today's appointments, or ``None`` when no schedule is kept in this installation."""
    if not schedule_available():
        return None
    found = _module("consultations.selectors").appointments_for_day(agency=agency, day=day)
    return [AppointmentRow(str(a.pk), a, str(a), _starts_at(a), _visitor_name(a)) for a in found]


def visitor_check_in(
    *, agency: Agency, ref: str, officer: Any, form: GuestForm, day: dt.date, now: dt.datetime | None = None
) -> Visit:
    """Check a scheduled visitor in: the appointment is marked arrived and the visit is written
    into the guest book (with the checklist confirmed), in one transaction."""
    now = now or timezone.now()
    rows = appointments_today(agency=agency, day=day) or []
    row = next((r for r in rows if r.ref == ref), None)
    if row is None:
        raise FrontdeskError(_("Jadwal tidak ditemukan."), {"appointment": _("Jadwal tidak ditemukan.")})
    with transaction.atomic():
        _module("consultations.services").appointment_check_in(appointment=row.appointment, by=officer)
        visit = guest_entry_create(
            agency=agency, form=form, source=EntrySource.APPOINTMENT, officer=officer,
            appointment_ref=ref, now=now,
        )  # fmt: skip
        events.visitor_checked_in(actor=officer, entry=visit.entry, appointment_ref=ref)
    return visit
