"""Writes of the outbox and the inbound store.

Outbox: ``message_send`` stores the message in the caller's transaction and queues its delivery
(``notifications.tasks.message_deliver_task``): in the same transaction when tasks are kept in the
database, else once it commits. A delivery first claims the
message (queued → sending, one conditional UPDATE, so two workers never send it both), calls the
adapter outside any transaction (a slow provider holds no database lock), then records the attempt
and the new state. A failed attempt queues the message again ``retry_delay`` later; after the last
attempt, or a refusal no retry can fix, it is failed. ``outbox_sweep`` (periodic) sends whatever
is due: retries, and messages whose task was lost with a crashed worker.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from audit import events
from notifications import selectors
from notifications.adapters import DeliveryError, Outgoing, sender_for
from notifications.models import (
    AttemptOutcome,
    DeliveryAttempt,
    InboundAttachmentRecord,
    InboundMessageRecord,
    InboundStatus,
    OutboundAttachment,
    OutboundChannel,
    OutboundMessage,
    OutboundStatus,
)
from pelayan.lib.inbound import InboundMessage
from pelayan.lib.outbox import phone_e164, retry_delay

if TYPE_CHECKING:
    from audit.services import Actor
    from cases.models import Case
    from standards.models import Agency

logger = logging.getLogger("pelayan.outbox")

__all__ = [
    "InboundError",
    "InboundResult",
    "OutboxError",
    "PollResult",
    "inbound_email_poll",
    "inbound_receive",
    "inbound_webhook_receive",
    "message_deliver",
    "message_send",
    "message_status_update",
    "outbox_sweep",
]


class OutboxError(ValueError):
    """A message that cannot be queued; ``field`` names the argument at fault."""

    def __init__(self, message: Any, *, field: str) -> None:
        super().__init__(str(message))
        self.field = field


def _validate(
    *, channel: str, to: str, body: str, subject: str, attachments: Sequence[tuple[str, str, bytes]]
) -> str:
    if channel not in OutboundChannel.values:
        raise OutboxError(
            _("Kanal pengiriman tidak dikenal: %(channel)s.") % {"channel": channel}, field="channel"
        )
    to = to.strip()
    if not to or len(to) > 254 or any(ch in to for ch in "\r\n"):
        raise OutboxError(_("Alamat tujuan kosong atau tidak sah."), field="to")
    if channel == OutboundChannel.EMAIL and "@" not in to:
        raise OutboxError(_("Alamat e-mail tujuan tidak sah."), field="to")
    if channel in (OutboundChannel.WHATSAPP, OutboundChannel.SMS):
        to = phone_e164(to)
        if len(to) < 9:
            raise OutboxError(_("Nomor tujuan tidak sah."), field="to")
    if not body.strip():
        raise OutboxError(_("Isi pesan kosong."), field="body")
    if len(body) > settings.PELAYAN_OUTBOX_BODY_MAX_CHARS:
        raise OutboxError(
            _("Isi pesan paling panjang %(n)s karakter.") % {"n": settings.PELAYAN_OUTBOX_BODY_MAX_CHARS},
            field="body",
        )
    if len(subject) > 200 or any(ch in subject for ch in "\r\n"):
        raise OutboxError(_("Perihal paling panjang 200 karakter, satu baris."), field="subject")
    if len(attachments) > settings.PELAYAN_OUTBOX_ATTACHMENTS_MAX:
        raise OutboxError(
            _("Lampiran paling banyak %(n)s berkas.") % {"n": settings.PELAYAN_OUTBOX_ATTACHMENTS_MAX},
            field="attachments",
        )
    for filename, content_type, content in attachments:
        if not filename or len(filename) > 200 or len(content_type) > 100:
            raise OutboxError(_("Nama atau jenis lampiran tidak sah."), field="attachments")
        if len(content) > settings.PELAYAN_OUTBOX_ATTACHMENT_MAX_BYTES:
            raise OutboxError(_("Lampiran %(name)s terlalu besar.") % {"name": filename}, field="attachments")
    return to


def message_send(
    *,
    channel: str,
    to: str,
    body: str,
    subject: str = "",
    agency: Agency,
    case: Case | None = None,
    attachments: Sequence[tuple[str, str, bytes]] = (),
    dedupe_key: str = "",
    new_key: bool = False,
    reply_to_inbound: InboundMessageRecord | None = None,
    actor: Actor = None,
    now: datetime | None = None,
) -> OutboundMessage:
    """Queue one message; it is sent after the caller's transaction commits.

    With ``dedupe_key`` (unique per agency), a second call returns the first message unchanged, so
    a retried caller never sends twice; ``new_key`` says the key names a row the caller made in
    this transaction, so no message can have it yet and none is looked for. Raises
    ``OutboxError`` naming the argument at fault, before anything is written: a caller may catch
    it and go on in its transaction.
    """
    now = now or timezone.now()
    dedupe_key = dedupe_key.strip()
    if len(dedupe_key) > 200:
        raise OutboxError(_("Kunci dedupe paling panjang 200 karakter."), field="dedupe_key")
    if dedupe_key and not new_key:
        existing = OutboundMessage.objects.filter(agency=agency, dedupe_key=dedupe_key).first()
        if existing is not None:
            return existing
    to = _validate(channel=channel, to=to, body=body, subject=subject, attachments=attachments)
    # Checked above, so the writes need no savepoint of their own: inside a caller's transaction
    # they are part of it, and a failed write fails it.
    with transaction.atomic(savepoint=False):
        return _message_store(
            channel=channel, to=to, body=body, subject=subject, agency=agency, case=case,
            attachments=attachments, dedupe_key=dedupe_key, reply_to_inbound=reply_to_inbound,
            actor=actor, now=now,
        )  # fmt: skip


def _message_store(
    *,
    channel: str,
    to: str,
    body: str,
    subject: str,
    agency: Agency,
    case: Case | None,
    attachments: Sequence[tuple[str, str, bytes]],
    dedupe_key: str,
    reply_to_inbound: InboundMessageRecord | None,
    actor: Actor,
    now: datetime,
) -> OutboundMessage:
    if case is not None:
        reference = case.display_number
    elif reply_to_inbound is not None:
        reference = reply_to_inbound.reference
    else:
        reference = ""
    message = OutboundMessage.objects.create(
        agency=agency,
        case=case,
        reply_to_inbound=reply_to_inbound,
        channel=channel,
        to=to,
        subject=subject,
        body=body,
        reference=reference[:64],
        dedupe_key=dedupe_key,
        status=OutboundStatus.QUEUED,
        next_attempt_at=now,
    )
    OutboundAttachment.objects.bulk_create(
        OutboundAttachment(message=message, filename=name, content_type=kind, content=content)
        for name, kind, content in attachments
    )
    events.message_queued(actor=actor, message=message)
    from django_tasks_db import DatabaseBackend

    from notifications.tasks import message_deliver_task

    if isinstance(message_deliver_task.get_backend(), DatabaseBackend):
        # The task's row commits with the message: no crash between the two can lose the task,
        # and the caller commits once, not twice. The worker sees neither before the commit.
        message_deliver_task.enqueue(message.pk)
    else:
        # A backend that runs or ships tasks elsewhere must not see a message that may roll back.
        transaction.on_commit(lambda: _enqueue_delivery(message.pk))
    return message


def _enqueue_delivery(message_id: int) -> None:
    from notifications.tasks import message_deliver_task

    try:
        message_deliver_task.enqueue(message_id)
    except Exception:  # the row is committed: the sweep sends it even if queueing failed
        logger.exception(
            "could not queue delivery of outbound message %s; the sweep will send it", message_id
        )


def _claim(message_id: int, now: datetime) -> bool:
    with transaction.atomic():
        # Bookkeeping, not audited: "sending" only lasts the provider call (or the lease).
        return (
            OutboundMessage.objects.filter(
                pk=message_id, status=OutboundStatus.QUEUED, next_attempt_at__lte=now
            ).update(status=OutboundStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1)
            == 1
        )


def _outgoing(message: OutboundMessage, now: datetime) -> Outgoing:
    window_open = message.channel == OutboundChannel.WHATSAPP and selectors.whatsapp_window_open(
        number=message.to, now=now
    )
    return Outgoing(
        message_id=message.pk,
        channel=message.channel,
        to=message.to,
        body=message.body,
        subject=message.subject,
        reference=message.reference,
        window_open=window_open,
        attachments=tuple((a.filename, a.content_type, bytes(a.content)) for a in message.attachments.all()),
    )


def message_deliver(*, message_id: int, now: datetime | None = None) -> OutboundMessage | None:
    """Make one attempt at ``message_id`` if it is due; returns the message afterwards, or None
    when it was not due (already sent, claimed by another worker, waiting for its retry)."""
    now = now or timezone.now()
    if not _claim(message_id, now):
        return None
    message = OutboundMessage.objects.select_related("agency").get(pk=message_id)
    try:
        sender = sender_for(message.channel)
        result = sender.send(_outgoing(message, now))
    except DeliveryError as exc:
        return _record_failure(message, str(exc) or type(exc).__name__, permanent=exc.permanent, now=now)
    except Exception as exc:  # an adapter bug must not leave the message claimed until the lease ends
        logger.exception("outbound message %s: unexpected error from the adapter", message_id)
        return _record_failure(message, f"{type(exc).__name__}: {exc}", permanent=False, now=now)
    return _record_sent(message, result.provider, result.provider_message_id, result.sent_as, now=now)


@transaction.atomic
def _record_sent(
    message: OutboundMessage, provider: str, provider_message_id: str, sent_as: str, *, now: datetime
) -> OutboundMessage:
    DeliveryAttempt.objects.create(
        message=message, number=message.attempts, at=now, outcome=AttemptOutcome.SENT,
        provider=provider, provider_message_id=provider_message_id,
    )  # fmt: skip
    message.status = OutboundStatus.SENT
    message.provider = provider
    message.provider_message_id = provider_message_id
    message.sent_as = sent_as[:100]
    message.sent_at = now
    message.claimed_at = None
    message.next_attempt_at = None
    message.last_error = ""
    message.save(
        update_fields=[
            "status", "provider", "provider_message_id", "sent_as", "sent_at", "claimed_at",
            "next_attempt_at", "last_error",
        ]
    )  # fmt: skip
    events.message_sent(message=message)
    return message


@transaction.atomic
def _record_failure(
    message: OutboundMessage, error: str, *, permanent: bool, now: datetime
) -> OutboundMessage:
    error = error[:2000]
    last = permanent or message.attempts >= settings.PELAYAN_OUTBOX_MAX_ATTEMPTS
    DeliveryAttempt.objects.create(
        message=message, number=message.attempts, at=now,
        outcome=AttemptOutcome.FAILED if last else AttemptOutcome.RETRY, error=error,
    )  # fmt: skip
    message.last_error = error
    message.claimed_at = None
    if last:
        message.status = OutboundStatus.FAILED
        message.failed_at = now
        message.next_attempt_at = None
    else:
        message.status = OutboundStatus.QUEUED
        message.next_attempt_at = now + retry_delay(
            message.attempts,
            base_seconds=settings.PELAYAN_OUTBOX_RETRY_BASE_SECONDS,
            cap_seconds=settings.PELAYAN_OUTBOX_RETRY_MAX_SECONDS,
        )
    message.save(update_fields=["status", "last_error", "claimed_at", "failed_at", "next_attempt_at"])
    if last:
        events.message_failed(message=message, error=error)
    else:
        events.message_attempt_failed(message=message, error=error)
    return message


def _release_stale(now: datetime) -> int:
    """Messages left "sending" by a worker that died mid-call go back to the queue (or fail, when
    that was their last attempt). The provider may have taken the message: at-least-once."""
    lease = timedelta(seconds=settings.PELAYAN_OUTBOX_SENDING_LEASE_SECONDS)
    stale = list(
        OutboundMessage.objects.filter(status=OutboundStatus.SENDING, claimed_at__lt=now - lease)
        .select_related("agency")
        .order_by("id")[:100]
    )
    for message in stale:
        with transaction.atomic():
            # Only if still stale: the worker may have finished in the meantime.
            if not OutboundMessage.objects.filter(
                pk=message.pk, status=OutboundStatus.SENDING, claimed_at=message.claimed_at
            ).exists():
                continue
            _record_failure(
                message, "interrupted: no answer recorded within the lease", permanent=False, now=now
            )
    return len(stale)


def outbox_sweep(*, now: datetime | None = None, batch_size: int = 100) -> int:
    """Attempt every message that is due (oldest first, at most ``batch_size``); returns how many
    attempts were made."""
    now = now or timezone.now()
    _release_stale(now)
    due = list(
        OutboundMessage.objects.filter(status=OutboundStatus.QUEUED, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "id")
        .values_list("pk", flat=True)[:batch_size]
    )
    return sum(1 for pk in due if message_deliver(message_id=pk, now=now) is not None)


# Provider statuses (WhatsApp: sent, delivered, read, failed; SMS gateways: delivered, failed).
_DELIVERED = {"delivered", "read"}
_FAILED = {"failed", "undelivered", "rejected", "expired"}


@transaction.atomic
def message_status_update(
    *, provider: str, provider_message_id: str, status: str, error: str = "", now: datetime | None = None
) -> OutboundMessage | None:
    """A delivery report from the provider. Repeated or out-of-order reports change nothing: a
    delivered message stays delivered. Returns the message, or None when the id is not ours."""
    now = now or timezone.now()
    status = status.strip().lower()
    message = (
        OutboundMessage.objects.select_for_update()
        .select_related("agency")
        .filter(provider=provider)
        .filter(
            Q(provider_message_id=provider_message_id)
            | Q(provider_message_id__startswith=f"{provider_message_id},")
        )
        .first()
    )
    if message is None:
        return None
    if status in _DELIVERED and message.status == OutboundStatus.SENT:
        message.status = OutboundStatus.DELIVERED
        message.delivered_at = now
        message.save(update_fields=["status", "delivered_at"])
        events.message_delivered(message=message, provider_status=status)
    elif status in _FAILED and message.status in (OutboundStatus.SENT, OutboundStatus.SENDING):
        message.status = OutboundStatus.FAILED
        message.failed_at = now
        message.last_error = (error or f"provider reported {status}")[:2000]
        message.save(update_fields=["status", "failed_at", "last_error"])
        events.message_failed(message=message, error=message.last_error)
    return message


# -- inbound -----------------------------------------------------------------------------------


class InboundError(ValueError):
    """A message that cannot be stored; ``field`` names the part at fault."""

    def __init__(self, message: Any, *, field: str) -> None:
        super().__init__(str(message))
        self.field = field


@dataclass(frozen=True)
class InboundResult:
    record: InboundMessageRecord
    created: bool  # False: the same provider id arrived before; nothing was done again


def _bounded_message(message: InboundMessage, notes: list[str]) -> InboundMessage:
    body_max = settings.PELAYAN_INBOUND_BODY_MAX_CHARS
    body = message.body or ""
    if len(body) > body_max:
        notes.append(f"body cut at {body_max} characters")
        body = body[:body_max]
    kept: list[Any] = []
    for attachment in message.attachments:
        if len(kept) >= settings.PELAYAN_INBOUND_ATTACHMENTS_MAX:
            notes.append(f"attachment {attachment.filename!r} left out: too many")
        elif len(attachment.content) > settings.PELAYAN_INBOUND_ATTACHMENT_MAX_BYTES:
            notes.append(f"attachment {attachment.filename!r} left out: too large")
        else:
            kept.append(attachment)
    return replace(
        message,
        body=body,
        sender=message.sender.strip()[:254],
        sender_name=message.sender_name.strip()[:200],
        recipient=message.recipient.strip()[:254],
        subject=re.sub(r"[\r\n]+", " ", message.subject).strip()[:300],
        in_reply_to=message.in_reply_to.strip()[:250],
        attachments=tuple(kept),
    )


def _handle(record: InboundMessageRecord, message: InboundMessage) -> None:
    """Hand the stored message to the configured handler in a savepoint of its own, so a refusal
    (an address no agency publishes, a complaint that cannot be made) keeps the stored message."""
    handler = import_string(settings.PELAYAN_INBOUND_HANDLER)
    try:
        with transaction.atomic():
            reference = handler(message)
    except LookupError as exc:
        record.status, record.error = InboundStatus.UNHANDLED, f"{type(exc).__name__}: {exc}"[:2000]
    except Exception as exc:
        logger.warning(
            "inbound %s:%s not handled", record.provider, record.provider_message_id, exc_info=True
        )
        record.status, record.error = InboundStatus.FAILED, f"{type(exc).__name__}: {exc}"[:2000]
    else:
        record.status, record.error, record.reference = InboundStatus.HANDLED, "", str(reference or "")[:100]


@transaction.atomic
def inbound_receive(
    *, message: InboundMessage, notes: Sequence[str] = (), rejected: bool = False
) -> InboundResult:
    """Store one message that arrived and hand it to the handler (``PELAYAN_INBOUND_HANDLER``).

    Idempotent on ``(provider, provider_message_id)``: the same message delivered again — a
    webhook retried, a mailbox read again after a crash — returns the first record and does
    nothing else. A ``rejected`` message (over the size bound) is kept, not handled.
    """
    provider_id = (message.provider_message_id or "").strip()
    if not provider_id or len(provider_id) > 250:
        raise InboundError(_("Pesan masuk tanpa nomor pesan yang sah."), field="provider_message_id")
    if not message.provider or len(message.provider) > 40:
        raise InboundError(_("Penyedia pesan masuk tidak sah."), field="provider")
    if timezone.is_naive(message.received_at):
        raise InboundError(_("Waktu pesan masuk harus menyebut zona waktunya."), field="received_at")
    existing = InboundMessageRecord.objects.filter(
        provider=message.provider, provider_message_id=provider_id
    ).first()
    if existing is not None:
        return InboundResult(record=existing, created=False)
    kept_notes = list(notes)
    message = _bounded_message(replace(message, provider_message_id=provider_id), kept_notes)
    try:
        with transaction.atomic():
            record = InboundMessageRecord.objects.create(
                channel=message.channel[:12],
                provider=message.provider,
                provider_message_id=provider_id,
                sender=message.sender,
                sender_name=message.sender_name,
                recipient=message.recipient,
                subject=message.subject,
                body=message.body,
                in_reply_to=message.in_reply_to,
                received_at=message.received_at,
                status=InboundStatus.REJECTED if rejected else InboundStatus.UNHANDLED,
                notes=[str(n)[:500] for n in kept_notes[:50]],
            )
    except IntegrityError:
        # The same message delivered twice at once: the other delivery stored (and handles) it.
        existing = InboundMessageRecord.objects.get(
            provider=message.provider, provider_message_id=provider_id
        )
        return InboundResult(record=existing, created=False)
    InboundAttachmentRecord.objects.bulk_create(
        InboundAttachmentRecord(
            message=record, filename=a.filename[:200], content_type=a.content_type[:100], content=a.content
        )
        for a in message.attachments
    )
    if not rejected:
        _handle(record, message)
        record.save(update_fields=["status", "error", "reference"])
    events.inbound_received(record=record)
    return InboundResult(record=record, created=True)


@dataclass
class PollResult:
    read: int = 0
    stored: int = 0
    repeated: int = 0
    failed: int = 0
    references: list[str] = field(default_factory=list)


def inbound_email_poll(*, source: Any = None, limit: int | None = None) -> PollResult:
    """Read the configured mailbox once (``PELAYAN_INBOUND_EMAIL``): each message is parsed,
    stored once on its Message-ID and handed over, then marked processed in the mailbox. Each
    message commits on its own, so one bad message does not hold back the others."""
    from notifications.inbound.email import parse_email, source_from_settings

    result = PollResult()
    source = source if source is not None else source_from_settings()
    if source is None:
        return result
    for mail in source.fetch(limit=limit or settings.PELAYAN_INBOUND_POLL_BATCH):
        result.read += 1
        try:
            parsed = parse_email(
                mail.raw,
                provider=source.provider,
                received_at=min(mail.received_at, timezone.now()),
                body_max_chars=settings.PELAYAN_INBOUND_BODY_MAX_CHARS,
                attachments_max=settings.PELAYAN_INBOUND_ATTACHMENTS_MAX,
                attachment_max_bytes=settings.PELAYAN_INBOUND_ATTACHMENT_MAX_BYTES,
                oversize=mail.oversize,
            )
            received = inbound_receive(message=parsed.message, notes=parsed.notes, rejected=mail.oversize)
        except Exception:
            # Left unmarked in the mailbox: the next poll tries it again.
            logger.exception("inbound e-mail %s could not be stored", mail.handle)
            result.failed += 1
            continue
        if received.created:
            result.stored += 1
        else:
            result.repeated += 1
        if received.record.reference:
            result.references.append(received.record.reference)
        source.done(mail)
    return result


def inbound_webhook_receive(
    *, messages: Sequence[tuple[InboundMessage, Sequence[str]]], statuses: Sequence[Any]
) -> tuple[list[InboundResult], int]:
    """What one webhook POST carried: the messages stored (once each) and handed over, and the
    delivery reports applied to the outbox. Returns the results and how many reports matched."""
    results = [inbound_receive(message=m, notes=notes) for m, notes in messages]
    matched = 0
    for status in statuses:
        updated = message_status_update(
            provider=status.provider,
            provider_message_id=status.provider_message_id,
            status=status.status,
            error=status.error,
        )
        matched += updated is not None
    return results, matched
