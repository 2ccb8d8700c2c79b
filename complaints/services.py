"""Writes of complaint handling. A complaint is a case on its standard's complaint process (the
case engine moves it) plus a ``Complaint`` row; every change here is audited in the same
transaction, and nothing that names the complainant goes into the audit trail."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import filetype
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.validators import validate_email
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, StaffRole
from audit import events
from audit.services import audit_events_deferred
from calendars.models import SlaClock, SlaPhase
from calendars.services import sla_clock_allowance_change
from cases.models import Case, CaseEventKind, CaseStatus, Channel
from cases.services import (
    CASE_TARGET,
    ActionForbidden,
    Actor,
    Applicant,
    Conflict,
    InvalidInput,
    case_act,
    case_create,
    case_event_note,
    may_act,
    memberships_of,
)
from complaints.models import (
    BoxOpening,
    Complaint,
    ComplaintFile,
    ComplaintKind,
    ComplaintNote,
    Escalation,
    EscalationState,
    Recap,
    RecapPeriod,
    RegisterCounter,
)
from complaints.selectors import complaint_definition_for
from pelayan.lib.complaints import (
    ComplaintRules,
    TierError,
    allowance_text,
    rules_from_definition,
    tier_allowance,
)
from pelayan.lib.process import Process
from pelayan.lib.standard_schema import Performer
from standards.models import Agency, ProcessDefinition, ProcessPurpose, Service

logger = logging.getLogger("pelayan.complaints")

CONTENT_MAX = 5000
FILES_MAX = 5
ALLOWED_FILE_TYPES = {"application/pdf", "image/jpeg", "image/png"}
# Channels an answer can be sent back over; the rest get a printable answer letter.
MESSAGE_CHANNELS = {Channel.EMAIL, Channel.WHATSAPP, Channel.SMS}
_CLOCK_SKEW = timedelta(minutes=5)
_RECEIVED_MAX_AGE = timedelta(days=365)
ANONYMOUS_LABEL = "Anonim"


@dataclass(frozen=True)
class Upload:
    """A file given with a complaint: from a form (an UploadedFile) or a message attachment."""

    name: str
    content: bytes


# -- reading the process -----------------------------------------------------------------------


def rules_of_case(case: Case) -> ComplaintRules:
    return rules_from_definition(case.process.definition)


def complaint_process_for(*, agency: Agency, service: Service | None = None) -> ProcessDefinition:
    """The published complaint handling a complaint runs on (``selectors.complaint_definition_for``),
    or the refusal that names why there is none."""
    if service is not None and service.agency_id != agency.pk:
        raise InvalidInput(_("Layanan bukan milik instansi ini."), {"service": "other_agency"})
    found = complaint_definition_for(agency=agency, service=service)
    if found is None:
        raise InvalidInput(
            _("Instansi ini belum memiliki penanganan pengaduan yang berlaku."), {"service": "no_complaints"}
        )
    return found


# -- validation --------------------------------------------------------------------------------


def _phone(value: str, field: str, errors: dict[str, str]) -> str:
    phone = re.sub(r"[\s().-]", "", value or "")
    if not phone:
        return ""
    if phone.startswith("0"):
        phone = "+62" + phone[1:]
    elif phone.startswith("62"):
        phone = "+" + phone
    if not re.fullmatch(r"\+\d{8,15}", phone):
        errors[field] = _("Nomor telepon tidak sah (contoh: 0812 3456 7890).")
    return phone


def _email(value: str, field: str, errors: dict[str, str]) -> str:
    email = (value or "").strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors[field] = _("Alamat e-mail tidak sah.")
    return email


def _bounded(value: str, field: str, limit: int, label: str, errors: dict[str, str]) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        errors[field] = _("%(label)s paling banyak %(n)s karakter.") % {"label": label, "n": limit}
    return value


def _check_files(files: Sequence[Upload]) -> list[tuple[Upload, str, str]]:
    if len(files) > FILES_MAX:
        raise InvalidInput(_("Paling banyak %(n)s berkas.") % {"n": FILES_MAX}, {"files": "too_many"})
    limit = settings.PELAYAN_CASE_FILE_MAX_BYTES
    checked = []
    for upload in files:
        if not upload.content:
            raise InvalidInput(_("Berkas kosong: %(name)s") % {"name": upload.name}, {"files": "empty"})
        if len(upload.content) > limit:
            raise InvalidInput(
                _("Berkas %(name)s lebih dari %(mb)s MB.")
                % {"name": upload.name, "mb": limit // (1024 * 1024)},
                {"files": "too_large"},
            )
        kind = filetype.guess(upload.content[:262])
        if kind is None or kind.mime not in ALLOWED_FILE_TYPES:
            raise InvalidInput(
                _("Jenis berkas %(name)s tidak diterima; kirim PDF, JPEG, atau PNG.") % {"name": upload.name},
                {"files": "type"},
            )
        checked.append((upload, kind.mime, kind.extension))
    return checked


def _received(received_at: datetime | None, now: datetime) -> datetime:
    if received_at is None:
        return now
    if timezone.is_naive(received_at):
        raise InvalidInput(_("Waktu diterima harus menyebut zona waktunya."), {"received_at": "naive"})
    if received_at > now + _CLOCK_SKEW:
        raise InvalidInput(_("Waktu diterima tidak boleh di masa depan."), {"received_at": "future"})
    if received_at < now - _RECEIVED_MAX_AGE:
        raise InvalidInput(_("Waktu diterima lebih dari satu tahun yang lalu."), {"received_at": "too_old"})
    return received_at


# -- the register ------------------------------------------------------------------------------


def register_number_next(*, agency: Agency, year: int) -> int:
    """The next number of the agency's Buku Pengaduan for ``year``, in the caller's transaction.

    Gapless: the counter row is locked by the UPDATE until the caller commits, so two intakes at
    once queue here and a rolled-back intake gives its number back. One statement on every intake
    but a year's first, which creates the row with ``ignore_conflicts`` so two first intakes of a
    year do not collide on the insert.
    """
    number = _register_counter_bump(agency, year)
    if number is None:
        RegisterCounter.objects.bulk_create(
            [RegisterCounter(agency=agency, year=year)], ignore_conflicts=True
        )
        number = _register_counter_bump(agency, year)
    if number is None:  # pragma: no cover - the row exists after the insert above
        raise RuntimeError("register counter row missing after insert")
    return number


def _register_counter_bump(agency: Agency, year: int) -> int | None:
    # UPDATE … RETURNING (PostgreSQL, SQLite 3.35+): the increment, the row lock and the new
    # number in one round trip instead of lock, update and read back.
    table = connection.ops.quote_name(RegisterCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_number = last_number + 1 "  # noqa: S608 - the model's own table
            "WHERE agency_id = %s AND year = %s RETURNING last_number",
            [agency.pk, year],
        )
        row = cursor.fetchone()
    return None if row is None else int(row[0])


# -- intake ------------------------------------------------------------------------------------


def _existing(agency: Agency, channel: str, source_ref: str) -> Complaint | None:
    if not source_ref:
        return None
    # Almost every intake is new: ask for the key alone, and load the complaint only when it exists.
    pk = (
        Complaint.objects.filter(agency=agency, channel=channel, source_ref=source_ref)
        .values_list("pk", flat=True)
        .first()
    )
    return None if pk is None else Complaint.objects.select_related("case").get(pk=pk)


def complaint_create(
    *,
    agency: Agency,
    service: Service | None = None,
    kind: str,
    channel: str,
    content: str,
    name: str = "",
    occupation: str = "",
    address: str = "",
    email: str = "",
    phone: str = "",
    reply_address: str = "",
    anonymous: bool = False,
    confidential: bool = False,
    received_at: datetime | None = None,
    created_by: Any | None = None,
    files: Sequence[Upload] = (),
    source_ref: str = "",
    lapor_id: str = "",
    public: bool = False,
    details: Mapping[str, Any] | None = None,
    now: datetime | None = None,
    process: ProcessDefinition | None = None,
) -> Complaint:
    """Take in one complaint (or suggestion, or input) on ``channel`` and start its handling.

    ``created_by`` is the officer recording it (in person, phone, letter, fax, box slip); without
    one it comes from the citizen (the website form, or a message an inbound adapter handed
    over). ``source_ref`` names the message it came from: the same message again returns the
    complaint it made. The returned complaint carries ``pin`` (shown once) when it is new.
    ``process`` is the complaint handling as the caller has just read it
    (``selectors.complaint_definition_for``, the website form does), so it is not read again.
    """
    now = now or timezone.now()
    source_ref = (source_ref or "").strip()[:255]
    stored: list[str] = []
    try:
        # The same message again is found by the constraint on (agency, channel, source_ref),
        # not asked first: almost every intake is new.
        return _complaint_create(
            agency=agency, service=service, kind=kind, channel=channel, content=content, name=name,
            occupation=occupation, address=address, email=email, phone=phone,
            reply_address=reply_address, anonymous=anonymous, confidential=confidential,
            received_at=received_at, created_by=created_by, files=files, source_ref=source_ref,
            lapor_id=lapor_id, public=public, details=details, now=now, stored=stored, process=process,
        )  # fmt: skip
    except IntegrityError:
        _forget(stored)
        # The same message handed over again, or twice at once: the first delivery made it.
        existing = _existing(agency, channel, source_ref)
        if existing is not None:
            if (existing.kind, existing.content) != (kind, (content or "").strip()):
                # The same form sent again with something else in it (the browser's Back button
                # keeps the hidden key): a new complaint, never silently dropped for the first.
                raise InvalidInput(
                    _("Formulir ini sudah dipakai untuk pengaduan %(ref)s. Isian Anda masih ada; "
                      "kirim sekali lagi untuk mencatatnya sebagai pengaduan baru.") % {"ref": existing.reference},
                    {"source_ref": "reused"},
                ) from None  # fmt: skip
            existing.pin = None
            return existing
        raise
    except BaseException:
        _forget(stored)
        raise


def _forget(names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            logger.exception("could not delete the stored file %s of a rolled-back complaint", name)


def _complaint_create(
    *,
    agency: Agency,
    service: Service | None,
    kind: str,
    channel: str,
    content: str,
    name: str,
    occupation: str,
    address: str,
    email: str,
    phone: str,
    reply_address: str,
    anonymous: bool,
    confidential: bool,
    received_at: datetime | None,
    created_by: Any | None,
    files: Sequence[Upload],
    source_ref: str,
    lapor_id: str,
    public: bool,
    details: Mapping[str, Any] | None,
    now: datetime,
    stored: list[str],
    process: ProcessDefinition | None,
) -> Complaint:
    errors: dict[str, str] = {}
    if kind not in ComplaintKind.values:
        errors["kind"] = _("Pilih jenis: pengaduan, saran, atau masukan.")
    if channel not in Channel.values:
        errors["channel"] = _("Sarana '%(channel)s' tidak dikenal.") % {"channel": channel}
    content = (content or "").strip()
    if not content:
        errors["content"] = _("Isi pengaduan wajib diisi.")
    elif len(content) > CONTENT_MAX:
        errors["content"] = _("Isi pengaduan paling banyak %(n)s karakter.") % {"n": CONTENT_MAX}
    name = _bounded(name, "name", 200, _("Nama"), errors)
    occupation = _bounded(occupation, "occupation", 120, _("Pekerjaan"), errors)
    address = _bounded(address, "address", 500, _("Alamat"), errors)
    email = _email(email, "email", errors)
    phone = _phone(phone, "phone", errors)
    lapor_id = _bounded(lapor_id, "lapor_id", 64, _("Nomor SP4N-LAPOR!"), errors)
    reply = (reply_address or "").strip()
    if channel == Channel.EMAIL:
        reply = _email(reply or email, "reply_address", errors)
    elif channel in (Channel.WHATSAPP, Channel.SMS):
        reply = _phone(reply or phone, "reply_address", errors)
    elif not reply:
        reply = email or phone
    if len(reply) > 254:
        errors["reply_address"] = _("Alamat balasan terlalu panjang.")
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)
    checked = _check_files(files)
    if process is None:
        process = complaint_process_for(agency=agency, service=service)
    elif process.standard.service.agency_id != agency.pk or service not in (None, process.standard.service):
        raise ValueError("the complaint process given is not the one of this agency and service")
    staff = created_by is not None and created_by.is_authenticated
    received = _received(received_at, now)
    if anonymous:
        # Only the system keeps where to answer; nobody handling it sees who it came from.
        shown = Applicant(name=ANONYMOUS_LABEL)
        name = occupation = address = email = phone = ""
    else:
        shown = Applicant(name=name or _("Tanpa nama"), email=email, phone=phone, address=address)
    # Checked and read before the transaction: on SQLite the write lock is held only for the writes.
    # The events are written in one insert as the block ends.
    with transaction.atomic(), audit_events_deferred():
        created = case_create(
            service=process.standard.service,
            definition=process,
            actor=created_by if staff else None,
            applicant=shown,
            channel=channel,
            # An officer may date a letter or a box slip; a message's arrival is the moment of receipt.
            received_at=received if staff and received_at is not None else None,
            now=now if staff or received_at is None else received,
            purpose=ProcessPurpose.COMPLAINT,
            # What an intake channel adds (an Open311 client's location, its name): bounded by case_create.
            details={**(details or {}), "complaint": True},
            savepoint=False,  # any error ends the intake's transaction
        )
        case = created.case
        year = received.astimezone(_zone(agency)).year
        complaint = Complaint.objects.create(
            case=case,
            agency=agency,
            kind=kind,
            channel=channel,
            content=content,
            reply_address=reply,
            name=name,
            occupation=occupation,
            address=address,
            email=email,
            phone=phone,
            anonymous=anonymous,
            confidential=confidential,
            public=public and not confidential,
            received_at=received,
            register_year=year,
            register_number=register_number_next(agency=agency, year=year),
            source_ref=source_ref,
            lapor_id=lapor_id,
            created_by=created_by if staff else None,
        )
        ComplaintFile.objects.bulk_create(
            [
                _file_store(complaint, upload, mime, extension, now, stored)
                for upload, mime, extension in checked
            ]
        )
        events.complaint_created(actor=created_by if staff else None, complaint=complaint)
        complaint.pin = created.pin
        # Where the receipt went, for the receipt page to say (None: printed or not sent).
        complaint.receipt_to = _receipt_send(complaint)
        return complaint


def reply_channel(complaint: Complaint) -> str | None:
    """The channel a receipt or an answer goes back over, or None where it is printed instead
    (in person, box, letter, phone, fax, or a website form given no e-mail)."""
    if complaint.channel in MESSAGE_CHANNELS and complaint.reply_address:
        return complaint.channel
    if complaint.channel == Channel.WEBSITE and "@" in complaint.reply_address:
        # The website form has no channel of its own to answer on: the e-mail the citizen gave.
        return Channel.EMAIL
    return None


def receipt_subject(complaint: Complaint) -> str:
    # The reference in the subject threads a citizen's reply to the receipt into this complaint.
    return _("Tanda terima pengaduan %(ref)s") % {"ref": complaint.reference}


def track_url() -> str:
    """The public tracking page's full address, as a receipt prints it."""
    return settings.SITE_URL.rstrip("/") + reverse("public:track")


def receipt_text(complaint: Complaint, pin: str | None) -> str:
    """The receipt's words: what the website's receipt page shows, for a citizen who wrote by
    e-mail, WhatsApp or SMS and never sees that page. The PIN goes only to the citizen's own
    address; without it the tracking page cannot be opened."""
    from documents.rendering import indonesian_date

    lines = [
        _("%(agency)s telah menerima pengaduan Anda.") % {"agency": complaint.agency.name},
        _("Nomor registrasi: %(ref)s") % {"ref": complaint.reference},
    ]
    if pin:
        lines.append(_("PIN: %(pin)s (simpan; diperlukan untuk melacak)") % {"pin": pin})
    lines.append(_("Nomor Buku Pengaduan: %(register)s") % {"register": complaint.register_label})
    due = complaint.case.due_at
    if due is not None:
        day = due.astimezone(_zone(complaint.agency)).date()
        lines.append(_("Diselesaikan paling lambat: %(day)s") % {"day": indonesian_date(day)})
    lines.append(_("Lacak di %(url)s dengan nomor dan PIN di atas.") % {"url": track_url()})
    lines.append(_("Balas pesan ini dengan menyebut nomor registrasi bila ada tambahan."))
    return "\n".join(lines)


def _receipt_send(complaint: Complaint) -> str | None:
    """The receipt with the tracking number, over the channel the complaint came by, in the
    intake's transaction (sent once it commits); returns the address it was queued to. An
    address the outbox refuses loses no complaint: the refusal is logged and the complaint
    stands, tracked from the receipt page or the officer."""
    channel = reply_channel(complaint)
    if channel is None or not apps.is_installed("notifications"):
        return None
    from notifications.services import OutboxError, message_send  # type: ignore[import-not-found]

    try:
        message = message_send(
            channel=channel,
            to=complaint.reply_address,
            body=receipt_text(complaint, complaint.pin),
            subject=receipt_subject(complaint),
            agency=complaint.agency,
            case=complaint.case,
            # The complaint was made in this transaction: no message can have its key yet.
            dedupe_key=f"complaint-receipt:{complaint.pk}",
            new_key=True,
        )
    except OutboxError as error:
        logger.warning("the receipt of %s was not queued: %s", complaint.reference, error)
        return None
    return str(message.to)


def _zone(agency: Agency) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(agency.timezone)


def _file_store(
    complaint: Complaint, upload: Upload, mime: str, extension: str, now: datetime, stored: list[str]
) -> ComplaintFile:
    """The file written to storage (named in ``stored``, deleted if the intake rolls back) and its
    row, not yet inserted."""
    digest = hashlib.sha256(upload.content).hexdigest()
    row = ComplaintFile(
        complaint=complaint,
        name=(upload.name or "berkas")[-255:],
        content_type=mime,
        size=len(upload.content),
        sha256=digest,
        uploaded_at=now,
    )
    row.file.save(f"{digest[:16]}.{extension}", ContentFile(upload.content), save=False)
    stored.append(row.file.name)
    return row  # unsaved: the intake inserts its files together


# -- triage and time ---------------------------------------------------------------------------


def _holds_role(user: Any, case: Case, code: str | None) -> bool:
    role_id = case.process.role_bindings.get(code) if code else None
    return role_id is not None and any(
        m.role_id == role_id and (m.unit_id is None or m.unit_id == case.unit_id)
        for m in memberships_of(user, case.agency_id)
    )


def may_set_tier(*, complaint: Complaint, user: Any) -> bool:
    """The officer at the complaint's step, or a holder of the triage step's role, while it is open."""
    case = complaint.case
    rules = rules_of_case(case)
    if not rules.tiers or not case.is_open() or user is None or not user.is_authenticated:
        return False
    triage = case.compiled().steps.get(rules.triage_step or "")
    return may_act(case=case, user=user) or _holds_role(user, case, triage.role if triage else None)


def _case_clocks(case: Case) -> dict[str, SlaClock]:
    return {
        clock.step_id: clock
        for clock in SlaClock.objects.filter(target_type=CASE_TARGET, target_id=str(case.pk)).select_related(
            "agency", "service"
        )
    }


@transaction.atomic
def complaint_tier_set(
    *, complaint: Complaint, actor: Any, tier: str, target: int | None = None, now: datetime | None = None
) -> Complaint:
    """Set (or change) the complaint's tier. The tier's allowance — for a range, the officer's
    ``target`` inside it, the maximum staying the cap — replaces the allowance of the tiered clock,
    and its due moment is recomputed from receipt; time the clock stood paused stays uncounted."""
    now = now or timezone.now()
    complaint = (
        Complaint.objects.select_for_update()
        .select_related("case__process", "case__agency")
        .get(pk=complaint.pk)
    )
    case = complaint.case
    rules = rules_of_case(case)
    if not may_set_tier(complaint=complaint, user=actor):
        raise ActionForbidden(_("Anda tidak dapat menetapkan tingkat pengaduan ini."))
    try:
        chosen = rules.tier(tier)
        allowance = tier_allowance(chosen, target)
    except TierError as exc:
        field = "tier" if exc.code == "unknown_tier" else "target"
        message = {
            "unknown_tier": _("Pilih salah satu tingkat pengaduan."),
            "target_not_allowed": _("Tingkat ini punya batas waktu tetap; target tidak diisi."),
        }.get(
            exc.code,
            _("Target harus antara %(low)s dan %(high)s %(unit)s.")
            % {
                "low": chosen.minimum.value if chosen.minimum else 1,
                "high": chosen.maximum.value,
                "unit": chosen.maximum.unit.label_id,
            }
            if exc.code == "target_out_of_range"
            else str(exc),
        )
        raise InvalidInput(message, {field: exc.code}) from None
    clocks = _case_clocks(case)
    clock = clocks.get(rules.tier_limit or "")
    if clock is None or clock.phase == SlaPhase.STOPPED:
        raise Conflict(_("Jam penyelesaian pengaduan ini tidak berjalan."), {"tier": "no_clock"})
    clocks[clock.step_id] = sla_clock_allowance_change(
        actor=actor, clock=clock, allowance=allowance, text=allowance_text(chosen, allowance), now=now
    )
    running = [c for c in clocks.values() if c.phase == SlaPhase.RUNNING and c.due_at is not None]
    due_at = min((c.due_at for c in running), default=None)
    at_risk_at = min((c.at_risk_at for c in running if c.at_risk_at), default=None)
    Case.objects.filter(pk=case.pk).update(due_at=due_at, at_risk_at=at_risk_at, version=F("version") + 1)
    before = complaint.tier
    complaint.tier = chosen.key
    complaint.tier_target = target if chosen.is_range else None
    complaint.tier_set_at = now
    complaint.save(update_fields=["tier", "tier_target", "tier_set_at"])
    if complaint.lapor_id and not before:
        # Setting the tier is the verification LAPOR! asks for within 3 working days.
        from lapor.services import lapor_verified

        lapor_verified(complaint=complaint, actor=actor, at=now)
    case_event_note(
        case=case,
        kind=CaseEventKind.TIER_SET,
        actor=actor,
        note=allowance_text(chosen, allowance),
        data={"tier": chosen.key, "target": complaint.tier_target},
    )
    events.complaint_tier_set(
        actor=actor, complaint=complaint, before=before, target=complaint.tier_target, due_at=due_at
    )
    return complaint


# -- moving, notes, answers --------------------------------------------------------------------


def _ends_completed(process: Process, step_id: str, transition: str) -> bool:
    """Whether taking ``transition`` closes the case as completed, directly or through the
    system steps it runs into."""
    chosen = process.steps[step_id].transition(transition)
    seen: set[str] = set()
    while chosen is not None:
        if chosen.end is not None:
            return chosen.end == CaseStatus.COMPLETED
        nxt = process.steps[chosen.to or ""]
        if nxt.performer != Performer.SYSTEM or nxt.id in seen:
            return False
        seen.add(nxt.id)
        chosen = nxt.transitions[0]
    return False


def complaint_act(
    *,
    complaint: Complaint,
    actor: Any,
    action: str,
    version: int,
    note: str = "",
    unit: str | None = None,
    assignee: Any | None = None,
    answer: str | None = None,
    now: datetime | None = None,
) -> Complaint:
    """Take one step of the complaint's handling. Leaving the triage step needs a tier; the move
    that closes it needs the answer, which is sent over the channel the citizen used."""
    now = now or timezone.now()
    with transaction.atomic():
        complaint = Complaint.objects.select_for_update().select_related("case__process").get(pk=complaint.pk)
        case = complaint.case
        rules = rules_of_case(case)
        process = case.compiled()
        if case.step and rules.tiers and case.step == rules.triage_step and not complaint.tier:
            raise InvalidInput(_("Tetapkan tingkat pengaduan lebih dulu."), {"tier": "required"})
        closing = (
            bool(case.step)
            and process.steps[case.step].transition(action) is not None
            and _ends_completed(process, case.step, action)
        )
        if answer is not None:
            _answer_set(complaint, actor, answer)
        if closing and not complaint.answer.strip():
            raise InvalidInput(_("Tulis jawaban untuk pengadu lebih dulu."), {"answer": "required"})
        moved = case_act(
            case=case, actor=Actor(actor), action=action, version=version, note=note, unit=unit,
            assignee=assignee, now=now,
        )  # fmt: skip
        complaint.case = moved
        if closing:
            _answer_send(complaint, actor, now)
    return complaint


def _answer_set(complaint: Complaint, actor: Any, answer: str) -> None:
    answer = answer.strip()
    if len(answer) > CONTENT_MAX:
        raise InvalidInput(
            _("Jawaban paling banyak %(n)s karakter.") % {"n": CONTENT_MAX}, {"answer": "too_long"}
        )
    if answer == complaint.answer:
        return
    complaint.answer = answer
    complaint.answer_drafted_by = actor if actor is not None and actor.is_authenticated else None
    complaint.save(update_fields=["answer", "answer_drafted_by"])
    events.complaint_answer_drafted(actor=actor, complaint=complaint)


@transaction.atomic
def complaint_answer_draft(*, complaint: Complaint, actor: Any, answer: str) -> Complaint:
    """Save the answer being prepared, by an officer who holds the complaint's step."""
    complaint = Complaint.objects.select_for_update().select_related("case__process").get(pk=complaint.pk)
    if not may_act(case=complaint.case, user=actor):
        raise ActionForbidden(_("Anda tidak memegang tugas langkah ini."))
    if not answer.strip():
        raise InvalidInput(_("Jawaban kosong."), {"answer": "required"})
    _answer_set(complaint, actor, answer)
    return complaint


def answer_subject(complaint: Complaint) -> str:
    # The reference in the subject threads the citizen's reply back into this complaint.
    return _("Jawaban pengaduan %(ref)s") % {"ref": complaint.reference}


def _answer_send(complaint: Complaint, actor: Any, now: datetime) -> None:
    """Send the answer over the channel used; in person, by box, letter, phone or fax it becomes a
    printable answer letter (the workspace prints it)."""
    message = None
    via = "letter"
    channel = reply_channel(complaint)
    if channel is not None:
        # A website complaint is answered by e-mail; the answer also appears on the tracking page.
        via = channel
        message = _message_send(
            complaint, body=complaint.answer, subject=answer_subject(complaint), channel=channel
        )
    elif complaint.lapor_id:
        # A LAPOR! report is answered on LAPOR!: its follow-up status carries the answer.
        from lapor.services import lapor_answered

        via = Channel.LAPOR
        lapor_answered(complaint=complaint, actor=actor, answer=complaint.answer, at=now)
    complaint.answered_at = now
    complaint.answered_via = via
    complaint.save(update_fields=["answered_at", "answered_via"])
    case_event_note(case=complaint.case, kind=CaseEventKind.ANSWER_SENT, actor=actor, data={"via": via})
    events.complaint_answer_sent(actor=actor, complaint=complaint, via=via, message=message)


def _message_send(complaint: Complaint, *, body: str, subject: str, channel: str = "") -> Any:
    """Through the outbox (``notifications``) in this transaction. Where the outbox is
    not installed the answer stays recorded with its channel and nothing leaves the system."""
    if not apps.is_installed("notifications"):
        logger.warning("no outbox installed: the answer to %s is recorded but not sent", complaint.reference)
        return None
    from notifications.services import message_send  # type: ignore[import-not-found]

    return message_send(
        channel=channel or complaint.channel,
        to=complaint.reply_address,
        body=body,
        subject=subject,
        agency=complaint.agency,
        case=complaint.case,
        dedupe_key=f"complaint-answer:{complaint.pk}",
    )


@transaction.atomic
def complaint_note_add(
    *, complaint: Complaint, actor: Any, body: str, now: datetime | None = None
) -> ComplaintNote:
    """An internal note of the handling team; the citizen never sees it."""
    from complaints.selectors import may_handle

    body = (body or "").strip()
    if not body:
        raise InvalidInput(_("Catatan kosong."), {"body": "required"})
    if len(body) > 4000:
        raise InvalidInput(_("Catatan paling banyak 4.000 karakter."), {"body": "too_long"})
    if not may_handle(complaint=complaint, user=actor):
        raise ActionForbidden(_("Catatan hanya dapat ditulis tim penanganan pengaduan."))
    note = ComplaintNote.objects.create(
        complaint=complaint,
        author=actor,
        author_label=(actor.get_full_name() or actor.get_username())[:200],
        body=body,
        created_at=now or timezone.now(),
    )
    events.complaint_note_added(actor=actor, complaint=complaint, note=note)
    return note


def complaint_reply_receive(*, complaint: Complaint, body: str, source_ref: str) -> Complaint:
    """A reply of the citizen to an answer or a receipt, threaded into the complaint's timeline.
    Called in the inbound adapter's transaction."""
    body = (body or "").strip()[:CONTENT_MAX]
    case_event_note(
        case=complaint.case,
        kind=CaseEventKind.REPLY_RECEIVED,
        actor=None,
        note=body,
        data={"source_ref": source_ref[:200]},
    )
    events.complaint_reply_received(complaint=complaint, source_ref=source_ref)
    return complaint


# -- after closing -----------------------------------------------------------------------------


@transaction.atomic
def complaint_evaluate(
    *, complaint: Complaint, actor: Any, evaluation: str, now: datetime | None = None
) -> Complaint:
    """The evaluation the standard asks for after a complaint closes (Bangli)."""
    from complaints.selectors import may_handle

    complaint = Complaint.objects.select_for_update().select_related("case__process").get(pk=complaint.pk)
    if complaint.case.is_open():
        raise Conflict(_("Evaluasi dilakukan setelah pengaduan selesai."), {"evaluation": "still_open"})
    if not may_handle(complaint=complaint, user=actor):
        raise ActionForbidden(_("Evaluasi hanya dapat diisi tim penanganan pengaduan."))
    evaluation = (evaluation or "").strip()
    if not evaluation:
        raise InvalidInput(_("Evaluasi kosong."), {"evaluation": "required"})
    if len(evaluation) > 4000:
        raise InvalidInput(_("Evaluasi paling banyak 4.000 karakter."), {"evaluation": "too_long"})
    complaint.evaluation = evaluation
    complaint.evaluated_at = now or timezone.now()
    complaint.evaluated_by = actor
    complaint.save(update_fields=["evaluation", "evaluated_at", "evaluated_by"])
    events.complaint_evaluated(actor=actor, complaint=complaint)
    return complaint


@transaction.atomic
def complaint_rate(*, case: Case, rating: int, comment: str = "", now: datetime | None = None) -> Complaint:
    """The citizen rates the answer from the tracking page, once it has been answered. ``case`` is
    the one the tracking page's holder proved with its number and PIN."""
    now = now or timezone.now()
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise InvalidInput(_("Pilih nilai 1 sampai 5."), {"rating": "range"})
    comment = (comment or "").strip()
    if len(comment) > 1000:
        raise InvalidInput(_("Komentar paling banyak 1.000 karakter."), {"comment": "too_long"})
    complaint = Complaint.objects.select_for_update().filter(case=case).first()
    if complaint is None:
        raise InvalidInput(_("Nomor ini bukan nomor pengaduan."), {"number": "not_a_complaint"})
    if complaint.answered_at is None:
        raise Conflict(_("Pengaduan ini belum dijawab."), {"rating": "not_answered"})
    complaint.rating = rating
    complaint.rating_comment = comment
    complaint.rated_at = now
    complaint.save(update_fields=["rating", "rating_comment", "rated_at"])
    events.complaint_rated(complaint=complaint)
    return complaint


# -- the complaint box -------------------------------------------------------------------------


@transaction.atomic
def box_opening_record(
    *,
    agency: Agency,
    actor: Any,
    opened_at: datetime,
    slips: int,
    location: str = "",
    note: str = "",
    now: datetime | None = None,
) -> BoxOpening:
    """Log one opening of the complaint box; the slips are then entered as complaints one by one."""
    now = now or timezone.now()
    if not memberships_of(actor, agency.pk):
        raise ActionForbidden(_("Anda bukan petugas instansi ini."))
    errors: dict[str, str] = {}
    if timezone.is_naive(opened_at):
        errors["opened_at"] = _("Waktu dibuka harus menyebut zona waktunya.")
    elif opened_at > now + _CLOCK_SKEW:
        errors["opened_at"] = _("Waktu dibuka tidak boleh di masa depan.")
    elif opened_at < now - _RECEIVED_MAX_AGE:
        errors["opened_at"] = _("Waktu dibuka lebih dari satu tahun yang lalu.")
    if not isinstance(slips, int) or not 0 <= slips <= 500:
        errors["slips"] = _("Jumlah lembar antara 0 dan 500.")
    location = _bounded(location, "location", 200, _("Letak kotak"), errors)
    note = _bounded(note, "note", 1000, _("Catatan"), errors)
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)
    opening = BoxOpening.objects.create(
        agency=agency, opened_at=opened_at, opened_by=actor, slips=slips, location=location, note=note
    )
    events.complaint_box_opened(actor=actor, opening=opening)
    return opening


# -- escalation --------------------------------------------------------------------------------


def complaints_escalate(*, now: datetime | None = None, limit: int = 1000) -> int:
    """Mark complaints whose clock is at risk or breached in the inbox of the supervisors the
    standard names (once per complaint, role and state); returns how many marks were made.
    Run by the worker after the SLA sweep has moved the clocks."""
    now = now or timezone.now()
    clocks = list(
        SlaClock.objects.filter(
            target_type=CASE_TARGET,
            phase=SlaPhase.RUNNING,
            state__in=[EscalationState.AT_RISK, EscalationState.BREACHED],
        ).values_list("target_id", "state")[:limit]
    )
    if not clocks:
        return 0
    states = {int(target): state for target, state in clocks}
    complaints = Complaint.objects.filter(case_id__in=states, case__status=CaseStatus.OPEN).select_related(
        "case__process", "agency"
    )
    made = 0
    for complaint in complaints:
        state = states[complaint.case_id]
        codes = rules_of_case(complaint.case).supervisor_roles
        bindings = complaint.case.process.role_bindings
        roles = [bindings[c] for c in codes if c in bindings]
        if not roles:
            continue
        with transaction.atomic():
            new = [
                Escalation(complaint=complaint, role_id=role_id, state=state, created_at=now)
                for role_id in roles
                if not Escalation.objects.filter(complaint=complaint, role_id=role_id, state=state).exists()
            ]
            if not new:
                continue
            Escalation.objects.bulk_create(new, ignore_conflicts=True)
            events.complaint_escalated(complaint=complaint, state=state, roles=codes)
            _escalation_notify(complaint, state, [e.role_id for e in new])
            made += len(new)
    return made


def _escalation_notify(complaint: Complaint, state: str, role_ids: list[int]) -> None:
    """Tell the supervisors by e-mail through the outbox, once it is installed."""
    if not apps.is_installed("notifications"):
        return
    from django.contrib.auth import get_user_model

    from notifications.services import message_send  # type: ignore[import-not-found]

    label = dict(EscalationState.choices)[state]
    for user in (
        get_user_model().objects.filter(memberships__role_id__in=role_ids).exclude(email="").distinct()
    ):
        message_send(
            channel="email",
            to=user.email,
            subject=_("Pengaduan %(ref)s: %(state)s") % {"ref": complaint.reference, "state": label},
            body=_("Pengaduan %(ref)s %(state)s. Buka ruang kerja untuk menindaklanjuti.")
            % {"ref": complaint.reference, "state": str(label).lower()},
            agency=complaint.agency,
            case=complaint.case,
            dedupe_key=f"complaint-escalation:{complaint.pk}:{state}:{user.pk}",
        )


@transaction.atomic
def escalation_mark_seen(*, escalation: Escalation, actor: Any, now: datetime | None = None) -> Escalation:
    if not Membership.objects.filter(user=actor, role_id=escalation.role_id).exists():
        raise ActionForbidden(_("Tanda ini bukan untuk peran Anda."))
    escalation.seen_at = now or timezone.now()
    escalation.save(update_fields=["seen_at"])
    return escalation


# -- the recap ---------------------------------------------------------------------------------


def period_bounds(period: str, day: date) -> tuple[date, date]:
    """The day, the ISO week (Monday first) or the month containing ``day``; end exclusive."""
    if period == RecapPeriod.DAY:
        return day, day + timedelta(days=1)
    if period == RecapPeriod.WEEK:
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=7)
    if period == RecapPeriod.MONTH:
        start = day.replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1)
        return start, end
    raise InvalidInput(_("Periode rekap tidak dikenal."), {"period": "unknown"})


@transaction.atomic
def recap_deliver(
    *, agency: Agency, period: str, day: date, actor: Any | None = None, now: datetime | None = None
) -> Recap:
    """Recap the Buku Pengaduan over the period containing ``day`` and deliver it to the roles the
    standard names (Kedopok: Kasi Pelayanan and Sekretaris Kecamatan): it appears in their inbox.
    A period is recapped once; delivering it again refreshes its figures."""
    from complaints.selectors import recap_figures, recap_roles_for

    now = now or timezone.now()
    if actor is not None and actor.is_authenticated and not memberships_of(actor, agency.pk):
        raise ActionForbidden(_("Anda bukan petugas instansi ini."))
    start, end = period_bounds(period, day)
    codes = recap_roles_for(agency=agency)
    if not codes:
        raise InvalidInput(
            _("Standar instansi ini tidak menyebut penerima rekap."), {"period": "no_recipients"}
        )
    figures = recap_figures(agency=agency, start=start, end=end, now=now)
    recap, _created = Recap.objects.update_or_create(
        agency=agency,
        period=period,
        start=start,
        defaults={
            "end": end,
            "roles": list(codes),
            "figures": figures,
            "created_at": now,
            "created_by": actor if actor is not None and actor.is_authenticated else None,
        },
    )
    events.complaint_recap_delivered(actor=actor, recap=recap)
    _recap_notify(recap)
    return recap


def _recap_text(recap: Recap) -> str:
    f = recap.figures
    channels = dict(Channel.choices)
    lines = [
        _("Rekap Buku Pengaduan %(agency)s, %(start)s s.d. %(end)s")
        % {"agency": recap.agency.name, "start": recap.start.isoformat(),
           "end": (recap.end - timedelta(days=1)).isoformat()},
        "",
        _("Jumlah pengaduan: %(n)s") % {"n": f.get("total", 0)},
    ]  # fmt: skip
    for channel, count in sorted((f.get("by_channel") or {}).items()):
        lines.append(f"- {channels.get(channel, channel)}: {count}")
    lines += [
        _("Selesai tepat waktu: %(n)s") % {"n": f.get("on_time", 0)},
        _("Selesai terlambat: %(n)s") % {"n": f.get("late", 0)},
        _("Masih terbuka melewati batas: %(n)s") % {"n": f.get("open_late", 0)},
        "",
        _("Rincian lengkap ada di halaman pengaduan ruang kerja Anda."),
    ]
    return "\n".join(str(line) for line in lines)


def _recap_notify(recap: Recap) -> None:
    """E-mail the recap to every officer holding a recap role, through the outbox once it is
    installed. Keyed on the figures: delivering the same recap again sends nothing, a refreshed
    recap with changed figures is sent once more."""
    if not apps.is_installed("notifications"):
        return
    from django.contrib.auth import get_user_model

    from notifications.services import message_send  # type: ignore[import-not-found]

    digest = hashlib.sha256(repr(sorted(recap.figures.items())).encode()).hexdigest()[:16]
    users = (
        get_user_model()
        .objects.filter(memberships__role__agency=recap.agency, memberships__role__code__in=list(recap.roles))
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    subject = _("Rekap pengaduan %(period)s %(start)s") % {
        "period": str(recap.get_period_display()).lower(),
        "start": recap.start.isoformat(),
    }
    body = _recap_text(recap)
    for user in users:
        message_send(
            channel="email",
            to=user.email,
            subject=subject[:200],
            body=body,
            agency=recap.agency,
            dedupe_key=f"complaint-recap:{recap.pk}:{digest}:{user.pk}",
        )


def previous_period_start(period: str, today: date) -> date:
    """The first day of the last whole period before ``today`` (yesterday, last week, last month)."""
    start, _end = period_bounds(period, today)
    return period_bounds(period, start - timedelta(days=1))[0]


def recaps_scheduled(*, now: datetime | None = None, period: str | None = None) -> list[Recap]:
    """The periodic recap (``PELAYAN_COMPLAINT_RECAP_PERIOD``): for each agency whose standard
    names recap recipients, the last whole period is recapped and delivered once. A period already
    recapped (by hand or by an earlier run) is left as it is."""
    from complaints.selectors import recap_roles_for

    now = now or timezone.now()
    period = settings.PELAYAN_COMPLAINT_RECAP_PERIOD if period is None else period
    if not period:
        return []
    made: list[Recap] = []
    for agency in Agency.objects.order_by("pk"):
        if not recap_roles_for(agency=agency):
            continue
        start = previous_period_start(period, now.astimezone(_zone(agency)).date())
        if Recap.objects.filter(agency=agency, period=period, start=start).exists():
            continue
        made.append(recap_deliver(agency=agency, period=period, day=start, now=now))
    return made


def staff_roles_named(*, agency: Agency, codes: Sequence[str]) -> list[StaffRole]:
    return list(StaffRole.objects.filter(agency=agency, code__in=list(codes)))
