"""Writes of the consultations: a request opens its case on the consultation standard and gets its
receipt at once; the leadership disposes it; the officer accepts (with a slot, a room or a meeting
link, and a contact person) or rejects it with reasons; the citizen confirms the slot or asks for
another; the front office checks the visitor in; the officer closes it with notes and outcome.

Every move of the procedure goes through the case engine (``case_act``), so the standard's clocks
run exactly as for any case; this module adds what a consultation holds beside its case."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import events
from calendars.selectors import calendar_for
from cases.models import Case, Channel
from cases.services import (
    ActionForbidden,
    Actor,
    Applicant,
    CaseError,
    Conflict,
    InvalidInput,
    StandIn,
    case_act,
    case_create,
    may_act,
)
from consultations.models import (
    HOLDING,
    ApplicantType,
    Booking,
    BookingStatus,
    ConsultationRequest,
    Disposition,
    Mode,
    RequestState,
    Room,
)
from documents.models import Document, DocumentKind
from documents.rendering import indonesian_date
from documents.services import case_act_with_documents, document_render
from pelayan.lib.process import CompiledStep, CompiledTransition
from pelayan.lib.slots import slot_starts
from pelayan.lib.standard_schema import TransitionKind
from standards.models import Service, ServiceKind

logger = logging.getLogger("pelayan.consultations")

SLOT_MINUTES = 60
# "Pelaksanaan konsultasi akan dilakukan paling lambat 3 (tiga) hari setelah surat" (Banten).
OFFER_WORKING_DAYS = 3
MESSAGE_CHANNELS = {Channel.EMAIL, Channel.WHATSAPP, Channel.SMS}
APPLICANT = Actor(user=None, applicant=True)


class SlotTaken(Conflict):
    """Someone else holds this officer or this room at that moment."""

    code = "slot_taken"


@dataclass(frozen=True)
class RequestForm:
    """What the standard asks of a request (Banten: the applicant's identity and type, contact and
    e-mail, the topic, the purpose and the time wished)."""

    name: str
    topic: str
    applicant_type: str = ApplicantType.PERSON
    institution: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    purpose: str = ""
    requested_time: str = ""


@dataclass
class Submitted:
    request: ConsultationRequest
    pin: str | None
    receipt: Document | None


def _bounded(
    value: str, *, field: str, label: str, limit: int, required: bool, errors: dict[str, str]
) -> str:
    value = (value or "").strip()
    if required and not value:
        errors[field] = _("%(label)s wajib diisi.") % {"label": label}
    elif len(value) > limit:
        errors[field] = _("%(label)s paling banyak %(limit)s karakter.") % {"label": label, "limit": limit}
    return value


def _refuse(errors: dict[str, str]) -> None:
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)


def _clean_form(form: RequestForm, *, needs_email: bool) -> RequestForm:
    errors: dict[str, str] = {}
    topic = _bounded(
        form.topic, field="topic", label=_("Materi konsultasi"), limit=500, required=True, errors=errors
    )
    purpose = _bounded(form.purpose, field="purpose", label=_("Maksud dan tujuan"), limit=2000, required=False,
                       errors=errors)  # fmt: skip
    wished = _bounded(form.requested_time, field="requested_time", label=_("Waktu konsultasi"), limit=200,
                      required=False, errors=errors)  # fmt: skip
    if form.applicant_type not in ApplicantType.values:
        errors["applicant_type"] = _("Pilih jenis pemohon yang tersedia.")
    if needs_email and not (form.email or "").strip():
        errors["applicant.email"] = _("Alamat e-mail wajib diisi: surat jawaban dikirim ke sana.")
    _refuse(errors)
    return RequestForm(
        name=form.name, topic=topic, applicant_type=form.applicant_type, institution=form.institution,
        email=form.email, phone=form.phone, address=form.address, purpose=purpose, requested_time=wished,
    )  # fmt: skip


def _receipt_transition(step: CompiledStep | None) -> CompiledTransition | None:
    """The step's way out that records the letter as received (Banten: *terima*, with a receipt)."""
    if step is None or "tanda terima" not in step.text.lower():
        return None
    return next((t for t in step.transitions if t.kind == TransitionKind.COMPLETE), None)


def _local_text(moment: dt.datetime, zone: str) -> str:
    local = moment.astimezone(ZoneInfo(zone))
    return f"{indonesian_date(local.date())} pukul {local:%H.%M} {local.tzname() or ''}".strip()


def _send(
    request: ConsultationRequest, *, subject: str, body: str, document: Document | None, key: str
) -> Any:
    """Over the channel the request came by, through the outbox; by letter or in person the
    document is printed and handed over instead (the workspace links it)."""
    case = request.case
    if not apps.is_installed("notifications"):
        return None
    channel = case.channel if case.channel in MESSAGE_CHANNELS else None
    to = case.applicant_email if channel in (None, Channel.EMAIL) else case.applicant_phone
    if channel is None:
        if not case.applicant_email or case.channel not in (Channel.WEBSITE,):
            return None
        channel = Channel.EMAIL
    if not to:
        return None
    from notifications.services import message_send

    attachments: list[tuple[str, str, bytes]] = []
    if document is not None and channel == Channel.EMAIL:
        with document.file.open("rb") as handle:
            attachments.append((f"{document.kind}-{case.number}.pdf", "application/pdf", handle.read()))
    return message_send(
        channel=channel, to=to, subject=subject, body=body, agency=request.agency, case=case,
        attachments=attachments, dedupe_key=key,
    )  # fmt: skip


def _receipt_issue(request: ConsultationRequest, *, step: str, actor: Any, now: dt.datetime) -> Document:
    case = request.case
    receipt = document_render(
        agency=request.agency, kind=DocumentKind.RECEIPT, case=case, step=step,
        details={"materi": request.topic}, actor=actor, now=now,
    )  # fmt: skip
    _send(
        request,
        subject=_("Tanda terima permohonan konsultasi %(number)s") % {"number": case.display_number},
        body=_(
            "Permohonan konsultasi Anda telah kami terima dengan nomor registrasi %(number)s. "
            "Surat jawaban paling lambat %(due)s. Status dapat dilacak dengan nomor dan PIN Anda."
        )
        % {
            "number": case.display_number,
            "due": _local_text(case.due_at, case.agency.timezone) if case.due_at else "-",
        },
        document=receipt,
        key=f"consultation-receipt:{request.pk}",
    )
    return receipt


def consultation_request_submit(
    *,
    service: Service,
    form: RequestForm,
    channel: str,
    actor: Any | None = None,
    files: Sequence[tuple[str, UploadedFile]] = (),
    received_at: dt.datetime | None = None,
    idempotency_key: str = "",
    now: dt.datetime | None = None,
) -> Submitted:
    """A request on the website form, by e-mail (``actor=None``) or entered by the front office
    from a letter (``actor`` the officer). The receipt is issued at once; an officer entering a
    letter also records it as received, so it waits for the leadership's disposition."""
    now = now or timezone.now()
    if service.kind != ServiceKind.CONSULTATION:
        raise InvalidInput(_("Layanan ini bukan layanan konsultasi."), {"service": "not_consultation"})
    staff = actor is not None and actor.is_authenticated
    clean = _clean_form(form, needs_email=channel in (Channel.EMAIL, Channel.WEBSITE))
    details = {
        "konsultasi": True,
        "materi": clean.topic,
        "maksud": clean.purpose,
        "waktu": clean.requested_time,
        "jenis_pemohon": clean.applicant_type,
    }
    with transaction.atomic():
        created = case_create(
            service=service,
            actor=actor if staff else None,
            applicant=Applicant(
                name=clean.name, email=clean.email, phone=clean.phone, address=clean.address,
                institution=clean.institution,
            ),
            channel=channel,
            received_at=received_at,
            idempotency_key=idempotency_key,
            details=details,
            files=files,
            now=now,
            citizen_intake=not staff,
        )  # fmt: skip
        case = created.case
        if not created.created:
            return Submitted(case.consultation, None, None)
        request = ConsultationRequest.objects.create(
            case=case, agency_id=case.agency_id, applicant_type=clean.applicant_type, topic=clean.topic,
            purpose=clean.purpose, requested_time=clean.requested_time,
        )  # fmt: skip
        events.consultation_requested(actor=actor if staff else None, request=request)
        step = case.current_step()
        receipt = _receipt_issue(
            request, step=step.id if step else "", actor=actor if staff else None, now=now
        )
        receive = _receipt_transition(step)
        if staff and receive is not None and may_act(case=case, user=actor):
            case = case_act(case=case, actor=Actor(actor), action=receive.key, version=case.version, now=now)
            request.case = case
    return Submitted(request, created.pin, receipt)


def walk_in_topic(case: Case) -> str:
    """A walk-in's topic: the purpose written in the guest book, else the service's name."""
    return str((case.details or {}).get("keperluan", ""))[:500] or case.service.name


@transaction.atomic
def consultation_walk_in_record(*, case: Case, actor: Any | None = None) -> ConsultationRequest:
    """The request beside a consultation case opened at the front desk (the guest book), made in
    the write that opens the case; its topic is the guest book's *keperluan*."""
    request, created = ConsultationRequest.objects.get_or_create(
        case=case, defaults={"agency_id": case.agency_id, "topic": walk_in_topic(case)}
    )
    if created:
        events.consultation_requested(actor=actor, request=request)
    return request


def consultation_for_case(*, case: Case) -> ConsultationRequest:
    """For a write (a POST): the request beside a consultation case, made now for a case opened
    elsewhere without one (a walk-in entered through the API). Pages read it through
    ``selectors.consultation_of`` instead, which never writes."""
    existing = ConsultationRequest.objects.filter(case=case).first()
    if existing is not None:
        return existing
    return consultation_walk_in_record(case=case)


@transaction.atomic
def consultation_receive(
    *, request: ConsultationRequest, by: Any, version: int, now: dt.datetime | None = None
) -> Case:
    """The front office records a request that came by the website or e-mail as received (its
    receipt was sent at once), so it reaches the leadership."""
    case = request.case
    receive = _receipt_transition(case.current_step())
    if receive is None:
        raise Conflict(_("Permohonan ini sudah dicatat diterima."))
    return case_act(case=case, actor=Actor(by), action=receive.key, version=version, now=now)


def _way(step: CompiledStep | None, kinds: set[str]) -> CompiledTransition | None:
    if step is None:
        return None
    return next((t for t in step.transitions if t.kind in kinds), None)


def disposition_transition(case: Case) -> CompiledTransition | None:
    """The way a request is handed on: Banten's *disposisi* by the leadership, Kalbar's
    *teruskan* to a bagian by the Petugas Informasi."""
    step = case.current_step() if case.is_open() else None
    # A forward that ends the case (Banten's *antar* to the room) hands nothing on.
    return next(
        (t for t in (step.transitions if step else ()) if t.kind in {TransitionKind.DISPOSE, TransitionKind.FORWARD}
         and t.to),
        None,
    )  # fmt: skip


@transaction.atomic
def consultation_dispose(
    *,
    request: ConsultationRequest,
    by: Any,
    version: int,
    officer: Any | None = None,
    unit: str = "",
    instruction: str = "",
    now: dt.datetime | None = None,
) -> Disposition:
    now = now or timezone.now()
    case = request.case
    way = disposition_transition(case)
    if way is None:
        raise Conflict(_("Permohonan ini tidak menunggu disposisi."))
    errors: dict[str, str] = {}
    instruction = _bounded(instruction, field="instruction", label=_("Instruksi"), limit=2000, required=False,
                           errors=errors)  # fmt: skip
    if officer is None and not unit:
        errors["officer"] = _("Pilih petugas atau bagian yang ditugaskan.")
    _refuse(errors)
    try:
        case = case_act(
            case=case, actor=Actor(by), action=way.key, version=version, note=instruction, assignee=officer,
            unit=unit or None, now=now,
        )  # fmt: skip
    except InvalidInput as exc:
        raise InvalidInput(
            exc.message, {("officer" if k == "assignee" else k): v for k, v in exc.fields.items()}
        ) from None
    request.case = case
    request.officer = officer
    request.unit = case.unit
    request.state = RequestState.DISPOSED
    request.save(update_fields=["officer", "unit", "state"])
    disposition = Disposition.objects.create(
        request=request, by=by, officer=officer, unit=case.unit, instruction=instruction, at=now
    )
    events.consultation_disposed(actor=by, request=request, disposition=disposition)
    return disposition


def decision_ways(case: Case) -> tuple[CompiledTransition | None, CompiledTransition | None]:
    step = case.current_step() if case.is_open() else None
    return _way(step, {TransitionKind.APPROVE}), _way(step, {TransitionKind.REJECT})


def offer_until(*, request: ConsultationRequest, sent_at: dt.datetime) -> dt.datetime:
    """The last moment a consultation may end: close of office on the third working day after the
    reply letter is sent."""
    calendar = calendar_for(agency=request.agency, service=request.case.service)
    return calendar.add_working_days(sent_at, OFFER_WORKING_DAYS)


def slots_free(
    *, request: ConsultationRequest, officer: Any, room: Room | None, now: dt.datetime, limit: int = 40
) -> list[dt.datetime]:
    """Slot starts from now to the offer limit in office hours, without the ones the officer or
    the room already holds."""
    calendar = calendar_for(agency=request.agency, service=request.case.service)
    starts = slot_starts(
        frames_on=calendar.frames_on, zone=calendar.zone, after=now, until=offer_until(request=request, sent_at=now),
        minutes=SLOT_MINUTES, limit=limit * 3,
    )  # fmt: skip
    held = Booking.objects.filter(status__in=HOLDING, starts_at__in=starts)
    taken = set(held.filter(officer=officer).values_list("starts_at", flat=True))
    if room is not None:
        taken |= set(held.filter(room=room).values_list("starts_at", flat=True))
    return [s for s in starts if s not in taken][:limit]


def _booking_make(
    *, request: ConsultationRequest, officer: Any, room: Room | None, starts_at: dt.datetime, now: dt.datetime
) -> Booking:
    if timezone.is_naive(starts_at):
        raise InvalidInput(_("Jadwal harus menyebut zona waktunya."), {"starts_at": "naive"})
    if room is not None and (room.agency_id != request.agency_id or not room.is_active):
        raise InvalidInput(_("Ruang tidak tersedia di instansi ini."), {"room": "unknown"})
    calendar = calendar_for(agency=request.agency, service=request.case.service)
    allowed = slot_starts(
        frames_on=calendar.frames_on, zone=calendar.zone, after=now, until=offer_until(request=request, sent_at=now),
        minutes=SLOT_MINUTES,
    )  # fmt: skip
    if starts_at not in allowed:
        raise InvalidInput(
            _("Jadwal harus salah satu slot jam layanan paling lambat %(limit)s.")
            % {"limit": _local_text(offer_until(request=request, sent_at=now), request.agency.timezone)},
            {"starts_at": "outside_limit"},
        )
    try:
        # A savepoint: the unique constraints refuse a second holder of the officer or the room;
        # on PostgreSQL the loser of two simultaneous inserts waits for the winner, then fails here.
        with transaction.atomic():
            return Booking.objects.create(
                request=request, agency_id=request.agency_id, officer=officer, room=room, starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(minutes=SLOT_MINUTES),
            )  # fmt: skip
    except IntegrityError:
        raise SlotTaken(
            _("Slot ini baru saja diambil untuk konsultasi lain; pilih slot lain."), {"starts_at": "taken"}
        ) from None


def _is_handler(request: ConsultationRequest, user: Any) -> bool:
    return request.officer_id == user.pk or may_act(case=request.case, user=user)


@transaction.atomic
def consultation_decide(
    *,
    request: ConsultationRequest,
    officer: Any,
    accept: bool,
    version: int,
    mode: str = "",
    reason: str = "",
    starts_at: dt.datetime | None = None,
    room: Room | None = None,
    meeting_link: str = "",
    contact_person: str = "",
    now: dt.datetime | None = None,
) -> ConsultationRequest:
    """Accept (face to face in a room, or online with a meeting link, at a free slot) or reject
    with reasons. Either way the reply letter is made and sent over the request's channel."""
    now = now or timezone.now()
    case = request.case
    approve, reject = decision_ways(case)
    if approve is None or reject is None:
        raise Conflict(_("Permohonan ini tidak menunggu keputusan."))
    if not may_act(case=case, user=officer):
        raise ActionForbidden(_("Hanya petugas yang ditugaskan yang dapat memutuskan."))
    errors: dict[str, str] = {}
    zone = request.agency.timezone
    step_id = case.step
    if not accept:
        reason = _bounded(
            reason, field="reason", label=_("Alasan penolakan"), limit=2000, required=True, errors=errors
        )
        _refuse(errors)
        case = case_act(
            case=case, actor=Actor(officer), action=reject.key, version=version, note=reason, now=now
        )
        request.case = case
        request.state = RequestState.REJECTED
        request.reason = reason
        request.save(update_fields=["state", "reason"])
        letter = document_render(
            agency=request.agency, kind=DocumentKind.REPLY_LETTER, case=case, step=step_id,
            details={"keputusan": "ditolak", "alasan": reason}, actor=officer, now=now,
        )  # fmt: skip
        _send(
            request,
            subject=_("Surat jawaban permohonan konsultasi %(number)s") % {"number": case.display_number},
            body=_("Permohonan konsultasi Anda tidak dapat disetujui. Alasan: %(reason)s")
            % {"reason": reason},
            document=letter,
            key=f"consultation-reply:{request.pk}",
        )
        events.consultation_decided(actor=officer, request=request)
        return request
    if mode not in Mode.values:
        errors["mode"] = _("Pilih tatap muka langsung atau daring.")
    contact_person = _bounded(contact_person, field="contact_person", label=_("Narahubung"), limit=200,
                              required=True, errors=errors)  # fmt: skip
    meeting_link = (meeting_link or "").strip()
    if mode == Mode.FACE_TO_FACE and room is None:
        errors["room"] = _("Pilih ruang konsultasi.")
    if mode == Mode.ONLINE:
        room = None
        try:
            URLValidator(schemes=["https", "http"])(meeting_link)
        except ValidationError:
            errors["meeting_link"] = _("Tautan pertemuan daring tidak sah (contoh: https://…).")
        if len(meeting_link) > 500:
            errors["meeting_link"] = _("Tautan paling banyak 500 karakter.")
    if starts_at is None:
        errors["starts_at"] = _("Pilih jadwal konsultasi.")
    _refuse(errors)
    if starts_at is None:  # for the type checker: refused above
        raise InvalidInput(_("Pilih jadwal konsultasi."), {"starts_at": "required"})
    booking = _booking_make(request=request, officer=officer, room=room, starts_at=starts_at, now=now)
    details = {
        "jadwal": _local_text(starts_at, zone),
        "tempat": f"{room.name}, {request.agency.name}" if room else "",
        "tautan": meeting_link,
        "cara": "daring" if mode == Mode.ONLINE else "tatap muka",
        "narahubung": contact_person,
    }
    case = case_act_with_documents(
        case=case, actor=officer, action=approve.key, version=version, details=details, now=now
    )
    request.case = case
    request.state = RequestState.ACCEPTED
    request.mode = mode
    request.officer = officer
    request.meeting_link = meeting_link
    request.contact_person = contact_person
    request.save(update_fields=["case", "state", "mode", "officer", "meeting_link", "contact_person"])
    letter = Document.objects.filter(case=case, kind=DocumentKind.REPLY_LETTER).order_by("-id").first()
    _send(
        request,
        subject=_("Surat jawaban permohonan konsultasi %(number)s") % {"number": case.display_number},
        body=_letter_text(details),
        document=letter,
        key=f"consultation-reply:{request.pk}",
    )
    events.consultation_decided(actor=officer, request=request)
    events.consultation_booked(actor=officer, request=request, booking=booking)
    return request


def _letter_text(details: dict[str, str]) -> str:
    where = details["tautan"] if details["cara"] == "daring" else details["tempat"]
    return _(
        "Permohonan konsultasi Anda disetujui. Jadwal: %(when)s. Tempat/tautan: %(where)s. Narahubung: %(contact)s. "
        "Konfirmasi jadwal atau minta jadwal lain di halaman pelacakan."
    ) % {"when": details["jadwal"], "where": where, "contact": details["narahubung"]}


def _current_booking(request: ConsultationRequest) -> Booking | None:
    return request.bookings.exclude(status=BookingStatus.CANCELLED).order_by("-id").first()


@transaction.atomic
def booking_confirm(*, request: ConsultationRequest, booking_id: int) -> Booking:
    """The citizen, on the tracking page, confirms the slot offered."""
    booking = Booking.objects.select_for_update().filter(request=request, pk=booking_id).first()
    if booking is None or booking.status != BookingStatus.PROPOSED:
        raise Conflict(_("Jadwal ini tidak lagi menunggu konfirmasi."), {"booking": "not_proposed"})
    booking.status = BookingStatus.CONFIRMED
    booking.save(update_fields=["status"])
    events.consultation_confirmed(actor=None, request=request, booking=booking)
    return booking


@transaction.atomic
def booking_reschedule_ask(*, request: ConsultationRequest, booking_id: int, note: str = "") -> Booking:
    """The citizen asks for another slot; the one offered is freed for others."""
    errors: dict[str, str] = {}
    note = _bounded(note, field="note", label=_("Catatan"), limit=500, required=False, errors=errors)
    _refuse(errors)
    booking = Booking.objects.select_for_update().filter(request=request, pk=booking_id).first()
    if booking is None or booking.status not in (BookingStatus.PROPOSED, BookingStatus.CONFIRMED):
        raise Conflict(_("Jadwal ini tidak dapat diubah lagi."), {"booking": "not_open"})
    booking.status = BookingStatus.RESCHEDULE
    booking.note = note
    booking.save(update_fields=["status", "note"])
    events.consultation_reschedule_asked(actor=None, request=request, booking=booking)
    return booking


@transaction.atomic
def booking_propose(
    *, request: ConsultationRequest, officer: Any, starts_at: dt.datetime, room: Room | None = None,
    now: dt.datetime | None = None,
) -> Booking:  # fmt: skip
    """The officer offers another slot after the citizen asked for one."""
    now = now or timezone.now()
    if request.state != RequestState.ACCEPTED or not _is_handler(request, officer):
        raise ActionForbidden(_("Hanya petugas konsultasi ini yang dapat menawarkan jadwal."))
    previous = _current_booking(request)
    if previous is not None and previous.status in HOLDING:
        raise Conflict(_("Pemohon belum meminta jadwal lain."), {"starts_at": "not_asked"})
    if request.mode == Mode.FACE_TO_FACE:
        room = room or (previous.room if previous else None)
        if room is None:
            raise InvalidInput(_("Pilih ruang konsultasi."), {"room": "required"})
    else:
        room = None
    if previous is not None:
        Booking.objects.filter(pk=previous.pk).update(status=BookingStatus.CANCELLED)
    # The new offer is a new message to the citizen: its three working days count from now.
    booking = _booking_make(request=request, officer=officer, room=room, starts_at=starts_at, now=now)
    _send(
        request,
        subject=_("Jadwal baru konsultasi %(number)s") % {"number": request.case.display_number},
        body=_("Jadwal konsultasi yang baru: %(when)s. Konfirmasi di halaman pelacakan.")
        % {"when": _local_text(starts_at, request.agency.timezone)},
        document=None,
        key=f"consultation-slot:{booking.pk}",
    )
    events.consultation_booked(actor=officer, request=request, booking=booking)
    return booking


def appointment_check_in(*, appointment: Booking, by: Any, now: dt.datetime | None = None) -> Booking:
    """Called by the front office's check-in (frontdesk.appointments) in its transaction: the
    visitor arrived for their slot; the case moves on from *datang* when the front office holds it."""
    now = now or timezone.now()
    booking = Booking.objects.select_for_update().select_related("request__case").get(pk=appointment.pk)
    if booking.status not in (BookingStatus.PROPOSED, BookingStatus.CONFIRMED):
        raise Conflict(_("Jadwal ini sudah dicatat hadir atau tidak berlaku."), {"appointment": "not_open"})
    booking.status = BookingStatus.CHECKED_IN
    booking.save(update_fields=["status"])
    case = booking.request.case
    step = case.current_step() if case.is_open() else None
    arrive = _way(step, {TransitionKind.COMPLETE})
    if arrive is not None and arrive.end is None and may_act(case=case, user=by):
        case_act(case=case, actor=Actor(by), action=arrive.key, version=case.version, now=now)
    events.consultation_checked_in(actor=by, request=booking.request, booking=booking)
    return booking


def _online_front_office_steps_take(*, case: Case, officer: Any, now: dt.datetime) -> Case:
    """An online consultation has no visitor: the front office's steps that remain after the
    acceptance (Banten's *datang* and *antar*) are taken by the officer closing it, so the case
    ends and its clocks stop. Recorded on the timeline with the officer and the reason."""
    note = _("Konsultasi daring: tanpa kedatangan di front office")
    for _step in range(len(case.compiled().steps)):  # bounded: each turn leaves one step
        step = case.current_step() if case.is_open() else None
        way = _way(step, {TransitionKind.COMPLETE, TransitionKind.FORWARD})
        if step is None or way is None:
            break
        holds = may_act(case=case, user=officer, step=step)
        case = case_act(
            case=case, actor=Actor(officer), action=way.key, version=case.version, note=note, now=now,
            stand_in=None if holds else StandIn.ONLINE_CONSULTATION,
        )  # fmt: skip
    return case


@transaction.atomic
def consultation_close(
    *, request: ConsultationRequest, officer: Any, notes: str, outcome: str, now: dt.datetime | None = None
) -> ConsultationRequest:
    """The officer records the notes and the outcome and closes the consultation. Where the case
    still waits at the consultation step (Kalbar's *konsultasi*, open-ended: no deadline), that
    step's completion is taken too; closing is the only way such a consultation ends."""
    now = now or timezone.now()
    if request.state in (RequestState.CLOSED, RequestState.REJECTED):
        raise Conflict(_("Konsultasi ini sudah ditutup."))
    if not _is_handler(request, officer):
        raise ActionForbidden(_("Hanya petugas konsultasi ini yang dapat menutupnya."))
    errors: dict[str, str] = {}
    notes = _bounded(
        notes, field="notes", label=_("Catatan konsultasi"), limit=8000, required=True, errors=errors
    )
    outcome = _bounded(outcome, field="outcome", label=_("Hasil konsultasi"), limit=4000, required=True,
                       errors=errors)  # fmt: skip
    _refuse(errors)
    case = request.case
    finish = _way(case.current_step() if case.is_open() else None, {TransitionKind.COMPLETE})
    if finish is not None and finish.end and may_act(case=case, user=officer):
        try:
            case = case_act(case=case, actor=Actor(officer), action=finish.key, version=case.version,
                            note=outcome[:4000], now=now)  # fmt: skip
        except CaseError:
            raise
        request.case = case
    if request.mode == Mode.ONLINE and request.state == RequestState.ACCEPTED:
        request.case = case = _online_front_office_steps_take(case=case, officer=officer, now=now)
    request.notes = notes
    request.outcome = outcome
    request.state = RequestState.CLOSED
    request.closed_at = now
    request.closed_by = officer
    request.save(update_fields=["notes", "outcome", "state", "closed_at", "closed_by"])
    events.consultation_closed(actor=officer, request=request)
    return request


@transaction.atomic
def room_ensure(*, agency: Any, name: str, kind: str) -> Room:
    room, _created = Room.objects.get_or_create(agency=agency, name=name, defaults={"kind": kind})
    return room
