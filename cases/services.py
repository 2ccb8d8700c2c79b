"""Writes of the case engine. Every state change appends to the case's timeline and records an
audit event in the same transaction; an action taken on an older version of a case is refused."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

import filetype
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from accounts.models import Membership, StaffRole
from audit import events
from calendars.models import SlaClock, SlaPhase
from calendars.services import sla_clock_pause, sla_clock_resume, sla_clock_start, sla_clock_stop
from cases.models import Case, CaseEvent, CaseEventKind, CaseFile, Channel
from pelayan.lib import tracking
from pelayan.lib.durations import Duration, Unit
from pelayan.lib.process import ClockChange, CompiledStep, CompiledTrack, Move, Process, move
from pelayan.lib.standard_schema import Performer, TransitionKind
from standards.models import ProcessDefinition, ProcessPurpose, Service, Standard, StandardStatus
from standards.models import Unit as AgencyUnit

logger = logging.getLogger("pelayan.cases")

CASE_TARGET = "cases.case"
# What a form may add to a case beyond its fields (``Case.details``), as JSON.
DETAILS_MAX_BYTES = 16 * 1024
# A clock reading ahead of the server by a little is no reason to refuse a letter's arrival time.
_CLOCK_SKEW = timedelta(minutes=5)
_RECEIVED_AT_MAX_AGE = timedelta(days=365)
PIN_MAX_FAILURES = 5
PIN_LOCK = timedelta(minutes=15)
# Per address, across numbers: the per-case lock alone does not stop one PIN tried on many numbers.
ADDRESS_MAX_FAILURES = 20
ADDRESS_WINDOW = timedelta(minutes=10)
ALLOWED_FILE_TYPES = {"application/pdf", "image/jpeg", "image/png"}


class CaseError(Exception):
    """A case action that cannot be done; ``code`` is stable, ``message`` is for people and
    ``fields`` names the inputs at fault."""

    code = "invalid"
    status = 400

    def __init__(self, message: str, fields: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}

    def field_messages(self) -> dict[str, str]:
        """The words to show beside each input at fault. Some checks put a sentence per field;
        the others put a code (``"not_for_track"``) and say the sentence once in ``message``."""
        return {name: value if " " in value else self.message for name, value in self.fields.items()}


class InvalidInput(CaseError):
    code = "invalid"
    status = 400


class ActionForbidden(CaseError):
    code = "forbidden"
    status = 403


class TooManyLookups(CaseError):
    """Too many wrong tracking lookups from one address: a guesser trying many numbers."""

    code = "throttled"
    status = 429


class Conflict(CaseError):
    """Stale version, duplicate action or an action the case's step does not offer now."""

    code = "conflict"
    status = 409


@dataclass(frozen=True)
class Applicant:
    name: str
    email: str = ""
    phone: str = ""
    address: str = ""
    institution: str = ""


@dataclass
class CaseCreated:
    case: Case
    pin: str | None  # shown once; None when an earlier submission with the same key is returned
    created: bool = True


@dataclass(frozen=True)
class Actor:
    """Who acts: an officer (``user``) or the applicant holding the tracking PIN (``user=None``)."""

    user: Any | None
    applicant: bool = False

    @property
    def db_user(self) -> Any | None:
        return self.user if self.user is not None and self.user.is_authenticated else None


class StandIn(StrEnum):
    """The listed reasons for which a service takes a step whose task another role holds. Only a
    service passes one (never a view); the timeline and the audit log name it."""

    # Banten's procedure names only face-to-face consultations: an online one has no visitor for
    # the front office's *datang*/*antar*, so the consultation officer closing it takes them.
    ONLINE_CONSULTATION = "online_consultation"


# -- who may do what ---------------------------------------------------------------------------


def memberships_of(user: Any, agency_id: int) -> list[Membership]:
    if user is None or not user.is_authenticated:
        return []
    cached = getattr(user, "_pelayan_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("role", "unit"))
        user._pelayan_memberships = cached
    return [m for m in cached if m.role.agency_id == agency_id]


def _member_covers(membership: Membership, case_unit_id: int | None) -> bool:
    return membership.unit_id is None or membership.unit_id == case_unit_id


def may_act(*, case: Case, user: Any, step: CompiledStep | None = None) -> bool:
    """Whether ``user`` holds the open step's task: its bound role, within the case's unit, and
    the case's assignee when one is named."""
    step = step or case.current_step()
    if step is None or step.performer != Performer.STAFF or not case.is_open():
        return False
    if case.assignee_id is not None and case.assignee_id != user.pk:
        return False
    return any(
        m.role_id == case.current_role_id and _member_covers(m, case.unit_id)
        for m in memberships_of(user, case.agency_id)
    )


def _bound_role(definition: ProcessDefinition, code: str | None) -> int | None:
    return definition.role_bindings.get(code) if code else None


# -- creating ----------------------------------------------------------------------------------


def _published(service: Service, purpose: str = ProcessPurpose.SERVICE) -> tuple[Standard, ProcessDefinition]:
    definition = (
        ProcessDefinition.objects.filter(
            standard__service=service, standard__status=StandardStatus.PUBLISHED, purpose=purpose
        )
        .select_related("standard")
        # The case needs the version's identity, not its document: leave the large columns unread.
        .defer("standard__components", "standard__source_text")
        .first()
    )
    if definition is None or not service.is_active:
        raise InvalidInput(
            _("Layanan ini belum memiliki standar pelayanan yang berlaku."), {"service": "no_standard"}
        )
    return definition.standard, definition


def _choose_track(process: Process, track: str | None, channel: str) -> CompiledTrack:
    if track:
        try:
            chosen = process.track(track)
        except KeyError:
            raise InvalidInput(
                _("Alur '%(track)s' tidak ada pada layanan ini.") % {"track": track}, {"track": "unknown"}
            ) from None
    else:
        chosen = next((t for t in process.tracks if channel in t.channels), process.tracks[0])
    if chosen.channels and channel not in chosen.channels:
        raise InvalidInput(
            _(
                "Alur '%(track)s' tidak menerima permohonan melalui %(channel)s; standarnya tidak menyebut sarana itu."
            )
            % {"track": chosen.title, "channel": dict(Channel.choices).get(channel, channel)},
            {"channel": "not_for_track"},
        )
    return chosen


def public_tracks(process: Process) -> list[CompiledTrack]:
    """Tracks a citizen may enter online without an account: the standard names the website as
    their channel and the applicant performs the first step."""
    return [
        t
        for t in process.tracks
        if Channel.WEBSITE in t.channels and process.steps[t.entry].performer == Performer.APPLICANT
    ]


def _creator_membership(
    *, process: Process, definition: ProcessDefinition, track: CompiledTrack, user: Any, agency_id: int
) -> Membership:
    """The membership under which an officer opens a case on this track: the role of the entry
    step when staff perform it (the kelurahan operator), else any role of the track's staff steps
    (the front office recording a letter or a visitor)."""
    entry = process.steps[track.entry]
    if entry.performer == Performer.STAFF:
        codes = {entry.role}
    else:
        codes = {process.steps[s].role for s in track.steps if process.steps[s].performer == Performer.STAFF}
    role_ids = {_bound_role(definition, code) for code in codes if code}
    for membership in memberships_of(user, agency_id):
        if membership.role_id in role_ids:
            return membership
    raise ActionForbidden(_("Peran Anda tidak dapat mengajukan permohonan pada alur ini."))


def _clean_applicant(applicant: Applicant) -> Applicant:
    errors: dict[str, str] = {}
    name = applicant.name.strip()
    if not name:
        errors["applicant.name"] = _("Nama pemohon wajib diisi.")
    elif len(name) > 200:
        errors["applicant.name"] = _("Nama pemohon paling banyak 200 karakter.")
    email = applicant.email.strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["applicant.email"] = _("Alamat e-mail tidak sah.")
    phone = re.sub(r"[\s().-]", "", applicant.phone)
    if phone:
        if phone.startswith("0"):
            phone = "+62" + phone[1:]
        elif phone.startswith("62"):
            phone = "+" + phone
        if not re.fullmatch(r"\+\d{8,15}", phone):
            errors["applicant.phone"] = _("Nomor telepon tidak sah (contoh: 0812 3456 7890).")
    address = applicant.address.strip()
    if len(address) > 500:
        errors["applicant.address"] = _("Alamat paling banyak 500 karakter.")
    institution = applicant.institution.strip()
    if len(institution) > 200:
        errors["applicant.institution"] = _("Nama instansi paling banyak 200 karakter.")
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)
    return Applicant(name=name, email=email, phone=phone, address=address, institution=institution)


def _check_received_at(received_at: datetime | None, *, staff: bool, now: datetime) -> datetime:
    if received_at is None:
        return now
    if not staff:
        raise InvalidInput(_("Waktu diterima hanya dapat diisi petugas."), {"received_at": "staff_only"})
    if timezone.is_naive(received_at):
        raise InvalidInput(_("Waktu diterima harus menyebut zona waktunya."), {"received_at": "naive"})
    if received_at > now + _CLOCK_SKEW:
        raise InvalidInput(_("Waktu diterima tidak boleh di masa depan."), {"received_at": "future"})
    if received_at < now - _RECEIVED_AT_MAX_AGE:
        raise InvalidInput(_("Waktu diterima lebih dari satu tahun yang lalu."), {"received_at": "too_old"})
    return received_at


def _hash_pin(pin: str, salt: str | None = None) -> str:
    # A keyed, salted hash rather than the slow password hasher: the PIN is short, so what
    # protects it is the per-case lockout below, and a slow hash would make every new case cost
    # a quarter of a second of CPU.
    salt = salt or secrets.token_hex(8)
    return f"{salt}${salted_hmac('pelayan.case.pin', f'{salt}:{pin}', algorithm='sha256').hexdigest()}"


def _pin_matches(pin: str, stored: str) -> bool:
    salt, _sep, _digest = stored.partition("$")
    return bool(salt) and constant_time_compare(_hash_pin(pin, salt), stored)


def _new_number_and_id() -> tuple[str, int]:
    """A free tracking number and the id the new case will have, asked in one statement, so the
    case is inserted once, in the state its submission leaves it. (An insert and then an update
    of every column cost PostgreSQL a second row version with an entry in each of the table's
    indexes: a millisecond of an intake's five.)

    On PostgreSQL the id comes from the table's own sequence. On SQLite it is the id SQLite itself
    would give (one past the larger of its AUTOINCREMENT counter and the last id), read inside the
    write transaction (``BEGIN IMMEDIATE``), which holds the only writer's lock until the insert
    that moves the counter commits.
    """
    if not connection.in_atomic_block:  # pragma: no cover - case_create always opens one
        raise RuntimeError("a case id is drawn inside the transaction that inserts the case")
    name = Case._meta.db_table
    if connection.vendor == "postgresql":
        next_id = f"nextval(pg_get_serial_sequence('{name}', 'id'))"
    elif connection.vendor == "sqlite":
        # As SQLite picks an AUTOINCREMENT id: one past the larger of the counter and the last id.
        next_id = (
            f"MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{name}'), 0), "  # noqa: S608
            f"COALESCE((SELECT MAX(id) FROM {connection.ops.quote_name(name)}), 0)) + 1"
        )
    else:  # pragma: no cover - the settings allow these two engines
        raise RuntimeError(f"no case id allocation for {connection.vendor}")
    table = connection.ops.quote_name(name)
    with connection.cursor() as cursor:
        for _attempt in range(10):
            number = tracking.new_number()
            cursor.execute(
                f"SELECT EXISTS(SELECT 1 FROM {table} WHERE number = %s), {next_id}",  # noqa: S608 - model's table
                [number],
            )
            taken, pk = cursor.fetchone()
            if not taken:
                return number, int(pk)
    raise RuntimeError("could not draw a free tracking number")


def case_create(
    *,
    service: Service,
    actor: Any | None,
    applicant: Applicant,
    channel: str,
    track: str | None = None,
    received_at: datetime | None = None,
    idempotency_key: str = "",
    details: dict[str, Any] | None = None,
    files: Sequence[tuple[str, UploadedFile]] = (),
    unit: AgencyUnit | None = None,
    now: datetime | None = None,
    purpose: str = ProcessPurpose.SERVICE,
    citizen_intake: bool = False,
    savepoint: bool = True,
    definition: ProcessDefinition | None = None,
) -> CaseCreated:
    """Open a case on the published standard of ``service`` and take its submission.

    ``actor`` is the officer entering it (a letter, a visitor, the kelurahan operator) or ``None``
    for a citizen applying online. With ``idempotency_key``, a repeated submission returns the
    case the first one made. ``purpose`` picks the process: the service procedure, or the
    complaint handling (a complaint arrives from the citizen on any channel the track names:
    the website form, or a message handed over by an inbound adapter). ``citizen_intake`` lets
    a service request arrive without an officer on a channel its track names (a consultation
    request by e-mail, read by the inbound adapter or the consultation form). ``savepoint=False``
    is for a caller inside its own transaction that lets every error of this call end it (it
    never catches one and goes on): without an idempotency key there is nothing to catch here
    either, and the two statements of a savepoint are saved. ``definition`` is the published
    process of ``purpose`` when the caller has just read it (with its standard), so it is not
    read again.
    """
    now = now or timezone.now()
    idempotency_key = idempotency_key.strip()
    if len(idempotency_key) > 200:
        raise InvalidInput(_("Idempotency-Key paling panjang 200 karakter."), {"idempotency_key": "too_long"})
    if idempotency_key:
        replayed = _replayed(service, idempotency_key, actor, applicant)
        if replayed is not None:
            return replayed
    details = details or {}
    if len(json.dumps(details, default=str)) > DETAILS_MAX_BYTES:
        raise InvalidInput(
            _("Keterangan terlalu panjang (paling banyak %(kb)s KB).") % {"kb": DETAILS_MAX_BYTES // 1024},
            {"details": "too_long"},
        )
    stored: list[str] = []
    try:
        with transaction.atomic(savepoint=savepoint or bool(idempotency_key)):
            return _case_create(
                service=service,
                actor=actor,
                applicant=applicant,
                channel=channel,
                track=track,
                received_at=received_at,
                idempotency_key=idempotency_key,
                details=details,
                files=files,
                unit=unit,
                now=now,
                stored=stored,
                purpose=purpose,
                citizen_intake=citizen_intake,
                definition=definition,
            )
    except IntegrityError:
        _forget_files(stored)
        # Two submissions with one key at the same moment: the other one won; return its case.
        if idempotency_key:
            replayed = _replayed(service, idempotency_key, actor, applicant)
            if replayed is not None:
                return replayed
        raise
    except BaseException:
        _forget_files(stored)
        raise


def _replayed(service: Service, key: str, actor: Any | None, applicant: Applicant) -> CaseCreated | None:
    """The case an earlier submission with ``key`` made, for the same submitter only: a key
    guessed or reused by someone else must not hand them another person's case."""
    existing = Case.objects.filter(service=service, idempotency_key=key).first()
    if existing is None:
        return None
    staff = actor is not None and actor.is_authenticated
    same = existing.created_by_id == getattr(actor, "pk", None) if staff else (
        existing.created_by_id is None and existing.applicant_name == applicant.name.strip()
    )  # fmt: skip
    if not same:
        raise Conflict(
            _("Idempotency-Key ini sudah dipakai untuk permohonan lain; pakai kunci baru."),
            {"idempotency_key": "reused"},
        )
    return CaseCreated(existing, None, created=False)


def _forget_files(names: list[str]) -> None:
    """Delete files stored by a submission whose transaction did not commit: a citizen's
    document must not stay on disk without the record that says whose it is."""
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            logger.exception("could not delete the stored file %s of a rolled-back submission", name)


def _case_create(
    *,
    service: Service,
    actor: Any | None,
    applicant: Applicant,
    channel: str,
    track: str | None,
    received_at: datetime | None,
    idempotency_key: str,
    details: dict[str, Any],
    files: Sequence[tuple[str, UploadedFile]],
    unit: AgencyUnit | None,
    now: datetime,
    stored: list[str],
    purpose: str = ProcessPurpose.SERVICE,
    citizen_intake: bool = False,
    definition: ProcessDefinition | None = None,
) -> CaseCreated:
    if definition is None:
        standard, definition = _published(service, purpose)
    else:
        standard = definition.standard
        if standard.service_id != service.pk or definition.purpose != purpose or not service.is_active:
            raise ValueError("the definition given is not the service's published process of this purpose")
    process = definition.compiled()
    if channel not in Channel.values:
        raise InvalidInput(
            _("Kanal '%(channel)s' tidak dikenal.") % {"channel": channel}, {"channel": "unknown"}
        )
    chosen = _choose_track(process, track, channel)
    staff = actor is not None and actor.is_authenticated
    if staff:
        membership = _creator_membership(
            process=process, definition=definition, track=chosen, user=actor, agency_id=service.agency_id
        )
        if membership.unit_id is not None:
            unit = membership.unit
    else:
        # A complaint comes from the citizen on whatever channel its track names; a service
        # application without an officer only through a public online track.
        from_citizen = (
            (purpose == ProcessPurpose.COMPLAINT or citizen_intake)
            and process.steps[chosen.entry].performer == Performer.APPLICANT
            and channel in chosen.channels
        )
        if chosen not in public_tracks(process) and not from_citizen:
            raise ActionForbidden(_("Layanan ini tidak menerima permohonan daring langsung dari masyarakat."))
        unit = None
    if unit is not None and unit.agency_id != service.agency_id:
        raise InvalidInput(_("Unit kerja bukan milik instansi ini."), {"unit": "other_agency"})
    received = _check_received_at(received_at, staff=staff, now=now)
    person = _clean_applicant(applicant)
    for requirement, _upload in files:
        if requirement not in process.requirements:
            raise InvalidInput(
                _("Persyaratan '%(key)s' tidak ada pada layanan ini.") % {"key": requirement},
                {"files": "unknown_requirement"},
            )
    pin = tracking.new_pin()
    entry = process.steps[chosen.entry]
    number, pk = _new_number_and_id()
    # Not inserted yet: its clocks (which name it by id) and its events are made first, and the
    # case goes in once, at the step its submission leaves it on.
    case = Case(
        pk=pk,
        number=number,
        agency_id=service.agency_id,
        service=service,
        standard=standard,
        process=definition,
        track=chosen.key,
        channel=channel,
        unit=unit,
        step=entry.id,
        current_role_id=_bound_role(definition, entry.role),
        step_entered_at=received,
        applicant_name=person.name,
        applicant_email=person.email,
        applicant_phone=person.phone,
        applicant_address=person.address,
        applicant_institution=person.institution,
        details=details,
        pin_hash=_hash_pin(pin),
        received_at=received,
        created_by=actor if staff else None,
        idempotency_key=idempotency_key,
    )
    # A new case has no events and no clocks yet: nothing to read back for them. Its events are
    # inserted together once its submission is taken (nothing reads them before).
    case._next_seq = 1  # type: ignore[attr-defined]
    case._pending_events = []  # type: ignore[attr-defined]
    clocks: dict[str, SlaClock] = {}
    if Service.agency.is_cached(service):
        case.agency = service.agency
    who = Actor(user=actor if staff else None, applicant=not staff)
    label = _actor_label(case, who, membership.role if staff else None)
    _event(
        case,
        kind=CaseEventKind.SUBMITTED,
        at=received,
        actor=who,
        label=label,
        to_step=entry.id,
        data={"channel": channel, "track": chosen.key},
    )
    for requirement, upload in files:
        _file_store(
            case=case, requirement=requirement, upload=upload, actor=who, label=label, at=now,
            field=f"files.{requirement}", stored=stored,
        )  # fmt: skip
    # The submission is the entry step done, and so is every step the applicant does before an
    # officer first acts (Kalbar: come to the desk, state the purpose, sign the guest book).
    first = entry.transitions[0]
    _take(case, process, who, label, first.key, note="", at=received, now=now, submitted=True, clocks=clocks)
    while case.is_open():
        step = process.steps[case.step]
        if step.performer != Performer.APPLICANT or len(step.transitions) != 1:
            break
        if step.transitions[0].kind != TransitionKind.SUBMIT:
            break
        _take(
            case, process, who, label, step.transitions[0].key, note="", at=received, now=now, clocks=clocks
        )
    # An insert, unless something on the way saved it already (then what changed since).
    case.save(force_insert=case._state.adding)
    CaseEvent.objects.bulk_create(case._pending_events)  # type: ignore[attr-defined]
    del case._pending_events  # type: ignore[attr-defined]
    events.case_created(actor=who.db_user, case=case)
    return CaseCreated(case, pin)


# -- acting ------------------------------------------------------------------------------------


def _actor_label(case: Case, actor: Actor, role: StaffRole | None = None) -> str:
    if actor.applicant:
        return _("Pemohon")
    if actor.user is None:
        return _("Sistem")
    name = actor.user.get_full_name() or actor.user.get_username()
    return f"{name} ({role.name})" if role is not None else name


def _event(
    case: Case,
    *,
    kind: str,
    at: datetime,
    actor: Actor,
    label: str,
    transition: str = "",
    from_step: str = "",
    to_step: str = "",
    note: str = "",
    missing: Iterable[str] = (),
    files: Iterable[int] = (),
    data: dict[str, Any] | None = None,
) -> CaseEvent:
    seq = getattr(case, "_next_seq", None)
    if seq is None:
        seq = (case.events.order_by("-seq").values_list("seq", flat=True).first() or 0) + 1
    case._next_seq = seq + 1  # type: ignore[attr-defined]
    event = CaseEvent(
        case=case,
        seq=seq,
        at=at,
        kind=kind,
        actor=actor.db_user,
        actor_label=label[:200],
        transition=transition,
        from_step=from_step,
        to_step=to_step,
        note=note,
        missing=list(missing),
        files=list(files),
        data=data or {},
    )
    pending = getattr(case, "_pending_events", None)
    if pending is not None:
        pending.append(event)
    else:
        event.save()
    return event


def _clocks(case: Case) -> dict[str, SlaClock]:
    return {
        clock.step_id: clock
        for clock in SlaClock.objects.filter(target_type=CASE_TARGET, target_id=str(case.pk)).select_related(
            "agency", "service"
        )
    }


def _apply_clocks(
    case: Case,
    process: Process,
    change: Move,
    actor: Actor,
    clocks: dict[str, SlaClock],
    at: datetime,
    now: datetime,
) -> None:
    limits = {limit.key: limit for limit in process.limits}
    user = actor.db_user
    for key, what in change.clocks:
        if what == ClockChange.START:
            limit = limits[key]
            clocks[key] = sla_clock_start(
                actor=user,
                agency=case.agency,
                service=case.service,
                target_type=CASE_TARGET,
                target_id=str(case.pk),
                step_id=key,
                allowance=Duration(limit.value, Unit(limit.unit)),
                at=at,
                now=now,
                # Still being created: a new case has no clock to collide with.
                new_target=hasattr(case, "_pending_events"),
            )
        elif what == ClockChange.PAUSE:
            reason = _("Dikembalikan kepada pemohon untuk dilengkapi")
            clocks[key] = sla_clock_pause(
                actor=user,
                clock=clocks[key],
                at=at,
                reason=reason,
                step=process.steps[change.entered or ""],
                now=now,
            )
        elif what == ClockChange.RESUME:
            clocks[key] = sla_clock_resume(actor=user, clock=clocks[key], at=at, now=now)
        elif what == ClockChange.STOP:
            clocks[key] = sla_clock_stop(actor=user, clock=clocks[key], at=at, now=now)


def _sync_due(case: Case, clocks: dict[str, SlaClock]) -> None:
    running = [c for c in clocks.values() if c.phase == SlaPhase.RUNNING and c.due_at is not None]
    case.due_at = min((c.due_at for c in running if c.due_at is not None), default=None)
    case.at_risk_at = min((c.at_risk_at for c in running if c.at_risk_at), default=None)


def _take(
    case: Case,
    process: Process,
    actor: Actor,
    label: str,
    transition: str,
    *,
    note: str,
    at: datetime,
    now: datetime,
    missing: Sequence[str] = (),
    submitted: bool = False,
    assignee: Any | None = None,
    unit: AgencyUnit | None = None,
    clocks: dict[str, SlaClock] | None = None,
    stand_in: StandIn | None = None,
) -> Move:
    """Take one transition out of the case's step, then let the system do its own steps."""
    clocks = _clocks(case) if clocks is None else clocks
    running = [k for k, c in clocks.items() if c.phase == SlaPhase.RUNNING]
    paused = [k for k, c in clocks.items() if c.phase == SlaPhase.PAUSED]
    change = move(
        process, track=case.track, step=case.step, transition=transition, running=running, paused=paused,
        submitted=submitted,
    )  # fmt: skip
    _apply_clocks(case, process, change, actor, clocks, at, now)
    kind = CaseEventKind.MOVED
    if change.transition.kind == TransitionKind.RETURN:
        kind = CaseEventKind.RETURNED
        case.missing = list(missing)
    elif case.missing and process.steps[change.left].pauses_clock:
        kind = CaseEventKind.RESUBMITTED
        case.missing = []
    if submitted:
        kind = CaseEventKind.MOVED
    data: dict[str, Any] = {"kind": change.transition.kind}
    if stand_in is not None:
        data["stand_in"] = str(stand_in)
    if change.end is not None:
        case.status = change.end
        case.step = ""
        case.current_role = None
        case.assignee = None
        case.ended_at = at
    else:
        entered = process.steps[change.entered or ""]
        case.step = entered.id
        case.current_role_id = _bound_role(case.process, entered.role)
        case.assignee = assignee
        if unit is not None:
            case.unit = unit
            data["unit"] = unit.slug
        if assignee is not None:
            data["assignee"] = assignee.get_username()
    case.step_entered_at = at
    _sync_due(case, clocks)
    _event(
        case,
        kind=kind,
        at=at,
        actor=actor,
        label=label,
        transition=change.transition.key,
        from_step=change.left,
        to_step=change.entered or "",
        note=note,
        missing=missing,
        data=data,
    )
    if change.end is not None:
        _event(case, kind=CaseEventKind.ENDED, at=at, actor=actor, label=label, data={"status": change.end})
    elif process.steps[case.step].performer == Performer.SYSTEM:
        system = Actor(user=None)
        _take(case, process, system, _("Sistem"), process.steps[case.step].transitions[0].key,
              note="", at=at, now=now, clocks=clocks)  # fmt: skip
    return change


def _locked_case(case: Case) -> Case:
    return (
        Case.objects.select_for_update(of=("self",))
        .select_related("agency", "service", "process", "unit", "current_role")
        .get(pk=case.pk)
    )


def case_act(
    *,
    case: Case,
    actor: Actor,
    action: str,
    version: int,
    note: str = "",
    missing: Sequence[str] = (),
    assignee: Any | None = None,
    unit: str | None = None,
    now: datetime | None = None,
    signed: bool = False,
    stand_in: StandIn | None = None,
) -> Case:
    """Take the transition ``action`` out of the case's open step, as ``actor``, on ``version``.

    ``stand_in`` (services only) lets an officer of the case's agency take a staff step whose task
    another role holds, for that listed reason; the case event and the audit event record it.

    Raises ``Conflict`` when the case changed since ``version`` (or the action is not open now),
    ``ActionForbidden`` when the actor does not hold the step's task, and ``InvalidInput`` for a
    bad note, missing item, officer or unit.
    """
    now = now or timezone.now()
    note = note.strip()
    if len(note) > 4000:
        raise InvalidInput(_("Catatan paling banyak 4.000 karakter."), {"note": "too_long"})
    with transaction.atomic():
        locked = _locked_case(case)
        if locked.version != version:
            raise Conflict(
                _("Permohonan ini sudah berubah (versi %(now)s, bukan %(given)s). Muat ulang halaman.")
                % {"now": locked.version, "given": version},
                {"version": "stale"},
            )
        process = locked.compiled()
        step = locked.current_step()
        chosen = step.transition(action) if step else None
        if step is None or chosen is None:
            raise Conflict(_("Tindakan ini tidak tersedia pada langkah sekarang."), {"action": "not_open"})
        # Documents hook: a sign transition is taken by documents.services.case_sign, which signs the
        # step's product first and passes signed=True; with PELAYAN_SIGNING_REQUIRED no other path may.
        if chosen.kind == TransitionKind.SIGN and not signed and settings.PELAYAN_SIGNING_REQUIRED:
            raise InvalidInput(
                _("Langkah ini memerlukan tanda tangan elektronik."), {"passphrase": "required"}
            )
        role = None
        if actor.applicant:
            if step.performer != Performer.APPLICANT and not (step.pauses_clock and locked.missing):
                raise ActionForbidden(_("Langkah ini dikerjakan petugas."))
            if chosen.kind != TransitionKind.SUBMIT:
                raise ActionForbidden(_("Pemohon hanya dapat mengirim (kembali) permohonannya."))
        elif stand_in is not None:
            if step.performer != Performer.STAFF or not memberships_of(actor.user, locked.agency_id):
                raise ActionForbidden(_("Anda tidak memegang tugas langkah ini."))
        else:
            if not may_act(case=locked, user=actor.user, step=step):
                raise ActionForbidden(_("Anda tidak memegang tugas langkah ini."))
            role = locked.current_role
        missing = list(dict.fromkeys(missing))
        if chosen.kind == TransitionKind.RETURN:
            unknown = [key for key in missing if key not in process.requirements]
            if unknown:
                raise InvalidInput(
                    _("Persyaratan tidak dikenal: %(keys)s") % {"keys": ", ".join(unknown)},
                    {"missing": "unknown"},
                )
            back_to = process.steps.get(chosen.to or "")
            if not missing and (
                not note or (back_to is not None and back_to.performer == Performer.APPLICANT)
            ):
                # The applicant sees what to complete only as missing requirements; a note alone
                # would leave them a returned file with nothing to send.
                raise InvalidInput(
                    _("Sebutkan persyaratan yang kurang atau tulis alasannya."), {"missing": "required"}
                )
        elif missing:
            raise InvalidInput(
                _("Persyaratan yang kurang hanya diisi saat berkas dikembalikan."),
                {"missing": "not_a_return"},
            )
        target = process.steps[chosen.to] if chosen.to else None
        chosen_unit = _check_unit(locked, target, unit)
        officer = _check_assignee(locked, target, assignee, chosen_unit)
        label = _actor_label(locked, actor, role)
        _take(locked, process, actor, label, action, note=note, at=now, now=now, missing=missing,
              assignee=officer, unit=chosen_unit, stand_in=stand_in)  # fmt: skip
        # The version guard of the row lock, repeated in the UPDATE: on a database without row
        # locks (SQLite) two writers serialise on the write lock, and the second finds no row.
        updated = Case.objects.filter(pk=locked.pk, version=version).update(
            status=locked.status,
            step=locked.step,
            current_role=locked.current_role_id,
            assignee=locked.assignee_id,
            unit=locked.unit_id,
            missing=locked.missing,
            step_entered_at=locked.step_entered_at,
            ended_at=locked.ended_at,
            due_at=locked.due_at,
            at_risk_at=locked.at_risk_at,
            version=F("version") + 1,
        )
        if updated != 1:
            raise Conflict(
                _("Permohonan ini baru saja diubah orang lain. Muat ulang halaman."), {"version": "stale"}
            )
        locked.version = version + 1
        events.case_action_taken(
            actor=actor.db_user, case=locked, action=action, from_step=step.id, stand_in=stand_in or ""
        )
    return locked


def _check_unit(case: Case, target: CompiledStep | None, unit: str | None) -> AgencyUnit | None:
    if target is None or not target.units:
        if unit:
            raise InvalidInput(_("Langkah berikut tidak memilih unit."), {"unit": "not_expected"})
        return None
    if not unit:
        if case.unit is not None and case.unit.slug in target.units:
            return None
        raise InvalidInput(_("Pilih unit yang akan menangani permohonan ini."), {"unit": "required"})
    if unit not in target.units:
        raise InvalidInput(
            _("Unit '%(unit)s' tidak menangani langkah ini.") % {"unit": unit}, {"unit": "not_allowed"}
        )
    found = AgencyUnit.objects.filter(agency_id=case.agency_id, slug=unit).first()
    if found is None:
        raise InvalidInput(_("Unit '%(unit)s' tidak ada.") % {"unit": unit}, {"unit": "unknown"})
    return found


def _check_assignee(
    case: Case, target: CompiledStep | None, assignee: Any | None, unit: AgencyUnit | None
) -> Any:
    if assignee is None:
        return None
    if target is None or target.performer != Performer.STAFF:
        raise InvalidInput(_("Langkah berikut tidak dikerjakan petugas."), {"assignee": "not_expected"})
    role_id = _bound_role(case.process, target.role)
    unit_id = unit.pk if unit is not None else case.unit_id
    # The officer must be able to act once named: the role agency-wide, or in the case's unit.
    covers = Q(unit__isnull=True) if unit_id is None else Q(unit__isnull=True) | Q(unit_id=unit_id)
    if not Membership.objects.filter(covers, user=assignee, role_id=role_id).exists():
        raise InvalidInput(
            _("%(name)s tidak memegang peran untuk langkah berikut.") % {"name": assignee.get_username()},
            {"assignee": "wrong_role"},
        )
    return assignee


def case_event_note(
    *, case: Case, kind: str, actor: Any | None, note: str = "", data: dict[str, Any] | None = None
) -> CaseEvent:
    """Add an entry to a case's timeline for something done beside its steps (a failed signature,
    a replaced product), in the caller's transaction; the step and version do not change."""
    who = Actor(user=actor)
    return _event(case, kind=kind, at=timezone.now(), actor=who, label=_actor_label(case, who), note=note,
                  data=data or {})  # fmt: skip


# -- files -------------------------------------------------------------------------------------


def _file_store(
    *,
    case: Case,
    requirement: str,
    upload: UploadedFile,
    actor: Actor,
    label: str,
    at: datetime,
    field: str = "file",
    stored: list[str] | None = None,
) -> CaseFile:
    """``field`` names the input in errors: ``file`` for one upload, ``files.<key>`` among several."""
    limit = settings.PELAYAN_CASE_FILE_MAX_BYTES
    if upload.size is None or upload.size == 0:
        raise InvalidInput(_("Berkas kosong."), {field: "empty"})
    if upload.size > limit:
        raise InvalidInput(
            _("Berkas lebih dari %(mb)s MB.") % {"mb": limit // (1024 * 1024)}, {field: "too_large"}
        )
    head = upload.read(262)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ALLOWED_FILE_TYPES:
        raise InvalidInput(_("Jenis berkas tidak diterima; kirim PDF, JPEG, atau PNG."), {field: "type"})
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    row = CaseFile(
        case=case,
        requirement=requirement,
        name=(upload.name or "berkas")[-255:],
        content_type=kind.mime,
        size=upload.size,
        sha256=digest.hexdigest(),
        uploaded_at=at,
        uploaded_by=actor.db_user,
    )
    row.file.save(f"{row.sha256[:16]}.{kind.extension}", upload, save=False)
    if stored is not None:
        stored.append(row.file.name)
    row.save()
    _event(case, kind=CaseEventKind.FILE_ADDED, at=at, actor=actor, label=label, files=[row.pk],
           data={"requirement": requirement, "name": row.name})  # fmt: skip
    return row


def case_file_add(
    *, case: Case, actor: Actor, requirement: str, upload: UploadedFile, now: datetime | None = None
) -> CaseFile:
    """Attach a file for one requirement: by the officer holding the step, or by the applicant
    while the case waits on them."""
    now = now or timezone.now()
    stored: list[str] = []
    try:
        return _case_file_add(
            case=case, actor=actor, requirement=requirement, upload=upload, now=now, stored=stored
        )
    except BaseException:
        _forget_files(stored)
        raise


def _case_file_add(
    *, case: Case, actor: Actor, requirement: str, upload: UploadedFile, now: datetime, stored: list[str]
) -> CaseFile:
    with transaction.atomic():
        locked = _locked_case(case)
        process = locked.compiled()
        if requirement not in process.requirements:
            raise InvalidInput(
                _("Persyaratan '%(key)s' tidak ada pada layanan ini.") % {"key": requirement},
                {"requirement": "unknown"},
            )
        if not locked.is_open():
            raise Conflict(_("Permohonan ini sudah selesai."), {"case": "ended"})
        step = locked.current_step()
        role = None
        if actor.applicant:
            if step is None or not (
                step.performer == Performer.APPLICANT or (step.pauses_clock and locked.missing)
            ):
                raise ActionForbidden(_("Berkas hanya dapat ditambahkan saat permohonan menunggu Anda."))
        else:
            if not may_act(case=locked, user=actor.user, step=step):
                raise ActionForbidden(_("Anda tidak memegang tugas langkah ini."))
            role = locked.current_role
        row = _file_store(
            case=locked, requirement=requirement, upload=upload, actor=actor,
            label=_actor_label(locked, actor, role), at=now, stored=stored,
        )  # fmt: skip
        Case.objects.filter(pk=locked.pk).update(version=F("version") + 1)
        events.case_file_added(actor=actor.db_user, case=locked, file=row)
    return row


# -- the applicant's PIN -----------------------------------------------------------------------


def _address_key(address: str) -> str:
    return "pelayan:tracking-failures:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def _address_failed(address: str | None) -> None:
    if not address:
        return
    key = _address_key(address)
    if cache.add(key, 1, timeout=int(ADDRESS_WINDOW.total_seconds())):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=int(ADDRESS_WINDOW.total_seconds()))


def case_pin_check(
    *, number: str, pin: str, address: str | None = None, now: datetime | None = None
) -> Case | None:
    """The case for ``number`` when ``pin`` is right. Wrong PINs count against the case: after
    five, the case cannot be looked up for a quarter of an hour (a six-digit PIN is otherwise
    guessed in a day). The same answer, ``None``, for an unknown number, a wrong PIN or a lock.

    ``address`` is the visitor's address: after twenty failed lookups from it in ten minutes,
    whatever the numbers, ``TooManyLookups`` is raised (counted in the cache, so per process with
    the default local-memory cache)."""
    now = now or timezone.now()
    if address and (cache.get(_address_key(address)) or 0) >= ADDRESS_MAX_FAILURES:
        raise TooManyLookups(
            _("Terlalu banyak percobaan dari alamat ini. Coba lagi dalam 10 menit."), {"pin": "throttled"}
        )
    case = _pin_check(number=number, pin=pin, now=now)
    if case is None:
        _address_failed(address)
    return case


def _pin_check(*, number: str, pin: str, now: datetime) -> Case | None:
    normalized = tracking.normalize(number or "")
    if normalized is None or not pin:
        return None
    with transaction.atomic():
        case = Case.objects.select_for_update().filter(number=normalized).first()
        if case is None:
            return None
        if case.pin_locked_until is not None and case.pin_locked_until > now:
            return None
        if _pin_matches(pin.strip(), case.pin_hash):
            if case.pin_failures:
                Case.objects.filter(pk=case.pk).update(pin_failures=0, pin_locked_until=None)
            return case
        failures = case.pin_failures + 1
        locked_until = now + PIN_LOCK if failures >= PIN_MAX_FAILURES else None
        Case.objects.filter(pk=case.pk).update(
            pin_failures=0 if locked_until else failures, pin_locked_until=locked_until
        )
        if locked_until is not None:
            events.case_pin_locked(case=case, until=locked_until)
    return None
