"""Writes of the outbox and the inbound store.

Outbox: ``message_send`` stores the message in the caller's transaction and, once that commits,
queues its delivery (``notifications.tasks.message_deliver_task``). A delivery first claims the
message (queued → sending, one conditional UPDATE, so two workers never send it both), calls the
adapter outside any transaction (a slow provider holds no database lock), then records the attempt
and the new state. A failed attempt queues the message again ``retry_delay`` later; after the last
attempt, or a refusal no retry can fix, it is failed. ``outbox_sweep`` (periodic) sends whatever
is due: retries, and messages whose task was lost with a crashed worker.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit import events
from notifications import selectors
from notifications.adapters import DeliveryError, Outgoing, sender_for
from notifications.models import (
    AttemptOutcome,
    DeliveryAttempt,
    InboundMessageRecord,
    OutboundAttachment,
    OutboundChannel,
    OutboundMessage,
    OutboundStatus,
)
from pelayan.lib.outbox import phone_e164, retry_delay

if TYPE_CHECKING:
    from audit.services import Actor
    from cases.models import Case
    from standards.models import Agency

logger = logging.getLogger("pelayan.outbox")

__all__ = [
    "OutboxError",
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


@transaction.atomic
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
    reply_to_inbound: InboundMessageRecord | None = None,
    actor: Actor = None,
    now: datetime | None = None,
) -> OutboundMessage:
    """Queue one message; it is sent after the caller's transaction commits.

    With ``dedupe_key`` (unique per agency), a second call returns the first message unchanged, so
    a retried caller never sends twice. Raises ``OutboxError`` naming the argument at fault.
    """
    now = now or timezone.now()
    dedupe_key = dedupe_key.strip()
    if len(dedupe_key) > 200:
        raise OutboxError(_("Kunci dedupe paling panjang 200 karakter."), field="dedupe_key")
    if dedupe_key:
        existing = OutboundMessage.objects.filter(agency=agency, dedupe_key=dedupe_key).first()
        if existing is not None:
            return existing
    to = _validate(channel=channel, to=to, body=body, subject=subject, attachments=attachments)
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
