"""Writes of the front office: settings, kiosk devices, the guest book, queue tickets.

A visitor who states the purpose of a service (a queue line with a service) starts a case at
that moment through ``cases.services.case_create`` on the in-person channel, so the standard's
walk-in clock ("1 jam" in Banten, "Administrasi: 15 Menit" in Kalbar) runs from then. Every
state change records one audit event in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import events
from cases.models import Case, Channel
from cases.services import Applicant, CaseError, case_create
from frontdesk.models import (
    ChecklistItem,
    Counter,
    DailySequence,
    EntrySource,
    GuestEntry,
    KioskDevice,
    QueueLine,
    Ticket,
    TicketStatus,
)
from frontdesk.photos import PhotoRefused, id_photo_prepare
from frontdesk.selectors import front_office_role_ids, local_day, token_digest, units_for_line
from standards.models import Agency, Service, ServiceKind

KIOSK_ACTIVATION_TTL = dt.timedelta(hours=24)
CHECKLIST_MAX_ITEMS = 20
LINES_MAX = 26
# Tries at "call next" when another desk took the candidate ticket first.
CALL_ATTEMPTS = 20


class FrontdeskError(Exception):
    """A front-office action that cannot be done: ``message`` for people, ``fields`` names the
    inputs at fault (field → sentence)."""

    status = 400

    def __init__(self, message: str, fields: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class StaleTicket(FrontdeskError):
    status = 409


def _refuse(fields: dict[str, str]) -> None:
    if fields:
        raise FrontdeskError(next(iter(fields.values())), fields)


def _text(value: str, *, field: str, label: str, limit: int, required: bool, errors: dict[str, str]) -> str:
    value = " ".join((value or "").split())
    if required and not value:
        errors[field] = _("%(label)s wajib diisi.") % {"label": label}
    elif len(value) > limit:
        errors[field] = _("%(label)s paling banyak %(n)s karakter.") % {"label": label, "n": limit}
    return value


# -- settings (agency admin) -------------------------------------------------------------------


def counter_save(
    *, agency: Agency, actor: Any, number: int, name: str = "", is_active: bool = True,
    counter: Counter | None = None,
) -> Counter:  # fmt: skip
    errors: dict[str, str] = {}
    if not 1 <= number <= 99:
        errors["number"] = _("Nomor meja antara 1 dan 99.")
    name = _text(name, field="name", label=_("Keterangan"), limit=80, required=False, errors=errors)
    clash = Counter.objects.filter(agency=agency, number=number).exclude(pk=counter.pk if counter else None)
    if not errors and clash.exists():
        errors["number"] = _("Meja %(n)s sudah ada.") % {"n": number}
    _refuse(errors)
    with transaction.atomic():
        row = counter or Counter(agency=agency)
        row.number, row.name, row.is_active = number, name, is_active
        row.save()
        events.frontdesk_settings_changed(
            actor=actor, agency=agency, what="counter", data={"number": number, "active": is_active}
        )
    return row


def queue_line_save(
    *, agency: Agency, actor: Any, prefix: str, name: str, service: Service | None = None,
    position: int = 0, is_active: bool = True, line: QueueLine | None = None,
) -> QueueLine:  # fmt: skip
    errors: dict[str, str] = {}
    prefix = (prefix or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{1,2}", prefix):
        errors["prefix"] = _("Awalan nomor satu atau dua huruf A–Z.")
    name = _text(name, field="name", label=_("Keperluan"), limit=120, required=True, errors=errors)
    if service is not None and service.agency_id != agency.pk:
        errors["service"] = _("Layanan bukan milik instansi ini.")
    others = QueueLine.objects.filter(agency=agency).exclude(pk=line.pk if line else None)
    if "prefix" not in errors and others.filter(prefix=prefix).exists():
        errors["prefix"] = _("Awalan %(p)s sudah dipakai.") % {"p": prefix}
    if line is None and others.count() >= LINES_MAX:
        errors["prefix"] = _("Paling banyak %(n)s jenis antrean.") % {"n": LINES_MAX}
    _refuse(errors)
    with transaction.atomic():
        row = line or QueueLine(agency=agency)
        row.prefix, row.name, row.service, row.position, row.is_active = (
            prefix,
            name,
            service,
            position,
            is_active,
        )
        row.save()
        events.frontdesk_settings_changed(
            actor=actor, agency=agency, what="queue_line",
            data={"prefix": prefix, "service": service.slug if service else None, "active": is_active},
        )  # fmt: skip
    return row


def checklist_replace(*, agency: Agency, actor: Any, texts: Sequence[str]) -> list[ChecklistItem]:
    """Put a new check-in checklist in force (one text per item; none switches it off). Old
    items are kept inactive: entries keep the texts they confirmed anyway."""
    errors: dict[str, str] = {}
    cleaned = [" ".join(t.split()) for t in texts if t and t.strip()]
    if len(cleaned) > CHECKLIST_MAX_ITEMS:
        errors["checklist"] = _("Paling banyak %(n)s butir.") % {"n": CHECKLIST_MAX_ITEMS}
    if any(len(t) > 200 for t in cleaned):
        errors["checklist"] = _("Setiap butir paling banyak 200 karakter.")
    _refuse(errors)
    with transaction.atomic():
        ChecklistItem.objects.filter(agency=agency, is_active=True).update(is_active=False)
        items = [
            ChecklistItem.objects.create(agency=agency, text=text, position=i)
            for i, text in enumerate(cleaned)
        ]
        events.frontdesk_settings_changed(
            actor=actor, agency=agency, what="checklist", data={"items": len(items)}
        )
    return items


# -- kiosk devices -----------------------------------------------------------------------------


def kiosk_device_create(*, agency: Agency, actor: Any, name: str, acts_as: Any) -> tuple[KioskDevice, str]:
    """Register a tablet; returns it with its one-time activation code (shown once)."""
    errors: dict[str, str] = {}
    name = _text(name, field="name", label=_("Nama perangkat"), limit=80, required=True, errors=errors)
    if (
        acts_as is None
        or not acts_as.memberships.filter(
            role_id__in=front_office_role_ids(agency=agency), unit__isnull=True
        ).exists()
    ):
        errors["acts_as"] = _("Pilih petugas meja depan instansi ini.")
    _refuse(errors)
    code = secrets.token_urlsafe(9)
    with transaction.atomic():
        device = KioskDevice.objects.create(
            agency=agency, name=name, acts_as=acts_as, created_by=actor,
            activation_hash=token_digest(code), activation_expires_at=timezone.now() + KIOSK_ACTIVATION_TTL,
        )  # fmt: skip
        events.kiosk_device_created(actor=actor, device=device)
    return device, code


def kiosk_device_activate(*, code: str, now: dt.datetime | None = None) -> tuple[KioskDevice, str]:
    """Turn the tablet that opened the activation code into the kiosk: returns the device and
    the tablet's secret. The code works once and for 24 hours."""
    now = now or timezone.now()
    code = (code or "").strip()
    refused = FrontdeskError(_("Kode aktivasi tidak berlaku."), {"code": _("Kode aktivasi tidak berlaku.")})
    if not code or len(code) > 64:
        raise refused
    with transaction.atomic():
        device = (
            KioskDevice.objects.select_for_update()
            .filter(activation_hash=token_digest(code), revoked_at__isnull=True)
            .select_related("agency")
            .first()
        )
        if device is None or device.activation_expires_at is None or device.activation_expires_at < now:
            raise refused
        token = secrets.token_urlsafe(32)
        device.token_hash = token_digest(token)
        device.activation_hash = ""
        device.activation_expires_at = None
        device.activated_at = now
        device.save(update_fields=["token_hash", "activation_hash", "activation_expires_at", "activated_at"])
        events.kiosk_device_activated(device=device)
    return device, token


def kiosk_device_revoke(*, device: KioskDevice, actor: Any, now: dt.datetime | None = None) -> KioskDevice:
    with transaction.atomic():
        device.revoked_at = now or timezone.now()
        device.token_hash = ""
        device.activation_hash = ""
        device.save(update_fields=["revoked_at", "token_hash", "activation_hash"])
        events.kiosk_device_revoked(actor=actor, device=device)
    return device


# -- tickets -----------------------------------------------------------------------------------


def _ticket_issue(
    *, line: QueueLine, now: dt.datetime, entry: GuestEntry | None, case: Case | None
) -> Ticket:
    """The next number of ``line`` today. Runs inside the caller's transaction: the day's
    counter row stays locked until it commits, and a rollback gives the number back."""
    day = local_day(line.agency, now)
    try:
        with transaction.atomic():
            DailySequence.objects.get_or_create(line=line, day=day)
    except IntegrityError:
        pass  # made by another transaction at the same moment; it exists now
    # UPDATE … SET last = last + 1 takes the row lock on every database (on SQLite the write lock).
    DailySequence.objects.filter(line=line, day=day).update(last=F("last") + 1)
    seq = DailySequence.objects.filter(line=line, day=day).values_list("last", flat=True).get()
    ticket = Ticket.objects.create(
        agency=line.agency, line=line, day=day, seq=seq, entry=entry, case=case, issued_at=now
    )
    events.ticket_issued(actor=None, ticket=ticket)
    return ticket


def ticket_take(*, line: QueueLine, now: dt.datetime | None = None) -> Ticket:
    """A ticket without a guest-book entry (a visitor only collecting a letter)."""
    with transaction.atomic():
        return _ticket_issue(line=line, now=now or timezone.now(), entry=None, case=None)


def ticket_call_next(
    *, counter: Counter, actor: Any, lines: Sequence[QueueLine] = (), now: dt.datetime | None = None
) -> Ticket | None:
    """Call the longest-waiting ticket of today (of ``lines``, or of every line) to ``counter``.
    Two desks calling at once never get the same ticket: the claim is an UPDATE that only
    succeeds while the ticket still waits, and the loser takes the next one."""
    now = now or timezone.now()
    if Ticket.objects.filter(
        counter=counter, status__in=[TicketStatus.CALLED, TicketStatus.SERVING]
    ).exists():
        raise FrontdeskError(
            _("%(counter)s masih memanggil atau melayani satu nomor; selesaikan dulu.")
            % {"counter": counter},
            {"counter": "busy"},
        )
    day = local_day(counter.agency, now)
    waiting = Ticket.objects.filter(agency=counter.agency, day=day, status=TicketStatus.WAITING)
    if lines:
        waiting = waiting.filter(line__in=list(lines))
    for _attempt in range(CALL_ATTEMPTS):
        try:
            with transaction.atomic():
                candidates = waiting.order_by("issued_at", "id")
                if connection.features.has_select_for_update_skip_locked:
                    # Lock the ticket row only: locking its line and agency too would make every
                    # other desk skip every ticket of that line while one call is in flight.
                    candidates = candidates.select_for_update(skip_locked=True, of=("self",))
                ticket = candidates.select_related("line", "agency").first()
                if ticket is None:
                    return None
                claimed = Ticket.objects.filter(pk=ticket.pk, status=TicketStatus.WAITING).update(
                    status=TicketStatus.CALLED, counter=counter, officer=actor, called_at=now,
                    call_count=1, version=F("version") + 1,
                )  # fmt: skip
                if claimed != 1:
                    continue
                ticket.refresh_from_db()
                events.ticket_called(actor=actor, ticket=ticket)
                return ticket
        except IntegrityError:
            # The same desk pressed "call next" twice at once: the other press holds the desk.
            raise FrontdeskError(
                _("%(counter)s masih memanggil atau melayani satu nomor; selesaikan dulu.")
                % {"counter": counter},
                {"counter": "busy"},
            ) from None
    raise FrontdeskError(_("Antrean sedang ramai; coba panggil lagi."), {"counter": "contended"})


_MOVES: dict[str, tuple[tuple[str, ...], str]] = {
    "recall": ((TicketStatus.CALLED,), TicketStatus.CALLED),
    "serve": ((TicketStatus.CALLED,), TicketStatus.SERVING),
    "finish": ((TicketStatus.CALLED, TicketStatus.SERVING), TicketStatus.DONE),
    "no_show": ((TicketStatus.CALLED,), TicketStatus.NO_SHOW),
}


def _ticket_move(
    *, ticket: Ticket, counter: Counter, actor: Any, version: int, move: str, now: dt.datetime | None
) -> Ticket:
    now = now or timezone.now()
    allowed, target = _MOVES[move]
    with transaction.atomic():
        changes: dict[str, Any] = {"status": target, "version": F("version") + 1}
        if move == "recall":
            changes.update(called_at=now, call_count=F("call_count") + 1)
        elif move == "serve":
            changes.update(served_at=now)
        else:
            changes.update(finished_at=now)
        updated = Ticket.objects.filter(
            pk=ticket.pk, version=version, counter=counter, status__in=allowed
        ).update(**changes)
        if updated != 1:
            raise StaleTicket(
                _("Nomor %(number)s sudah berubah; muat ulang halaman.") % {"number": ticket.number},
                {"ticket": "stale"},
            )
        ticket.refresh_from_db()
        recorder = {
            "recall": events.ticket_recalled, "serve": events.ticket_served,
            "finish": events.ticket_finished, "no_show": events.ticket_no_show,
        }[move]  # fmt: skip
        recorder(actor=actor, ticket=ticket)
    return ticket


def ticket_recall(
    *, ticket: Ticket, counter: Counter, actor: Any, version: int, now: dt.datetime | None = None
) -> Ticket:
    return _ticket_move(ticket=ticket, counter=counter, actor=actor, version=version, move="recall", now=now)


def ticket_serve(
    *, ticket: Ticket, counter: Counter, actor: Any, version: int, now: dt.datetime | None = None
) -> Ticket:
    return _ticket_move(ticket=ticket, counter=counter, actor=actor, version=version, move="serve", now=now)


def ticket_finish(
    *, ticket: Ticket, counter: Counter, actor: Any, version: int, now: dt.datetime | None = None
) -> Ticket:
    return _ticket_move(ticket=ticket, counter=counter, actor=actor, version=version, move="finish", now=now)


def ticket_no_show(
    *, ticket: Ticket, counter: Counter, actor: Any, version: int, now: dt.datetime | None = None
) -> Ticket:
    return _ticket_move(ticket=ticket, counter=counter, actor=actor, version=version, move="no_show", now=now)


# -- the guest book ----------------------------------------------------------------------------


@dataclass(frozen=True)
class GuestForm:
    """What a visitor (or the clerk for them) writes in the guest book."""

    name: str
    purpose: str
    institution: str = ""
    contact: str = ""
    line_id: int | None = None
    unit_slug: str = ""
    checklist: tuple[int, ...] = ()  # ids of the checklist items confirmed


@dataclass(frozen=True)
class Visit:
    entry: GuestEntry
    ticket: Ticket | None
    case: Case | None


_CASE_FIELDS = {
    "applicant.name": "name",
    "applicant.email": "contact",
    "applicant.phone": "contact",
    "applicant.institution": "institution",
    "unit": "unit",
}


def _applicant(form: GuestForm) -> Applicant:
    contact = form.contact
    if "@" in contact:
        return Applicant(name=form.name, email=contact, institution=form.institution)
    return Applicant(name=form.name, phone=contact, institution=form.institution)


def _consultation_walk_in_record(case: Case, officer: Any) -> None:
    """A walk-in on a consultation service gets its request (app ``consultations``) in the same
    write, so the officer's page only reads it. Without that app the case stands alone."""
    if case.service.kind != ServiceKind.CONSULTATION or not apps.is_installed("consultations"):
        return
    importlib.import_module("consultations.services").consultation_walk_in_record(case=case, actor=officer)


def guest_entry_create(
    *,
    agency: Agency,
    form: GuestForm,
    source: str,
    officer: Any,
    device: KioskDevice | None = None,
    id_photo: UploadedFile | None = None,
    appointment_ref: str = "",
    now: dt.datetime | None = None,
) -> Visit:
    """Write one visitor into the guest book, give them a ticket of the line they chose, and —
    when that line is a service — open its case on the in-person channel at this moment, routed
    to the unit they asked for. ``officer`` is who records it: the clerk, or the officer a kiosk
    records under."""
    now = now or timezone.now()
    errors: dict[str, str] = {}
    name = _text(form.name, field="name", label=_("Nama"), limit=200, required=True, errors=errors)
    purpose = _text(
        form.purpose, field="purpose", label=_("Keperluan"), limit=500, required=True, errors=errors
    )
    institution = _text(form.institution, field="institution", label=_("Instansi/lembaga"), limit=200,
                        required=False, errors=errors)  # fmt: skip
    contact = _text(
        form.contact, field="contact", label=_("Kontak"), limit=200, required=False, errors=errors
    )
    lines = {
        line.pk: line
        for line in QueueLine.objects.filter(agency=agency, is_active=True).select_related(
            "agency", "service"
        )
    }
    line = None
    if form.line_id is not None:
        line = lines.get(form.line_id)
        if line is None:
            errors["line"] = _("Pilih salah satu layanan yang tersedia.")
    elif lines and source != EntrySource.APPOINTMENT:
        errors["line"] = _("Pilih layanan yang Anda tuju.")
    unit = None
    if form.unit_slug:
        offered = {u.slug: u for u in units_for_line(line=line)} if line else {}
        unit = offered.get(form.unit_slug)
        if unit is None:
            errors["unit"] = _("Bagian yang dipilih tidak menangani layanan ini.")
    required = list(ChecklistItem.objects.filter(agency=agency, is_active=True))
    confirmed = set(form.checklist)
    if any(item.pk not in confirmed for item in required):
        errors["checklist"] = _("Semua butir pemeriksaan kedatangan harus dipastikan.")
    photo = None
    if id_photo is not None:
        try:
            photo = id_photo_prepare(id_photo)
        except PhotoRefused as exc:
            errors["id_photo"] = exc.message
    _refuse(errors)
    clean = GuestForm(name=name, purpose=purpose, institution=institution, contact=contact)
    with transaction.atomic():
        case = None
        if line is not None and line.service is not None:
            try:
                case = case_create(
                    service=line.service,
                    actor=officer,
                    applicant=_applicant(clean),
                    channel=Channel.IN_PERSON,
                    unit=unit,
                    details={"keperluan": purpose, "buku_tamu": source},
                    now=now,
                ).case
            except CaseError as exc:
                fields = {_CASE_FIELDS[k]: exc.message for k in exc.fields if k in _CASE_FIELDS}
                raise FrontdeskError(exc.message, fields or {"line": exc.message}) from None
            _consultation_walk_in_record(case, officer if source != EntrySource.KIOSK else None)
        entry = GuestEntry(
            agency=agency, day=local_day(agency, now), visited_at=now, name=name, institution=institution,
            purpose=purpose, contact=contact, line=line, unit=unit, case=case, source=source, device=device,
            created_by=officer if source != EntrySource.KIOSK else None,
            checklist=[item.text for item in required], appointment_ref=appointment_ref,
        )  # fmt: skip
        if photo is not None:
            entry.id_photo.save(photo.name, photo, save=False)
        try:
            entry.save()
            ticket = _ticket_issue(line=line, now=now, entry=entry, case=case) if line is not None else None
            events.guest_entry_recorded(actor=officer if source != EntrySource.KIOSK else None, entry=entry)
        except BaseException:
            if entry.id_photo:
                entry.id_photo.storage.delete(entry.id_photo.name)
            raise
        if device is not None:
            KioskDevice.objects.filter(pk=device.pk).update(last_seen_at=now)
    return Visit(entry=entry, ticket=ticket, case=case)
