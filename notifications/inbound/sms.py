"""A generic SMS gateway's webhook: a form or JSON POST ``{from, to, text, id, timestamp}`` for a
message, or ``{id, status}`` for a delivery report of one of ours, with the shared secret in the
``X-Pelayan-Token`` header."""

from __future__ import annotations

import hmac
from datetime import UTC, datetime
from typing import Any

from notifications.inbound import InboundParseError, StatusReport
from pelayan.lib.inbound import InboundMessage
from pelayan.lib.outbox import phone_e164

PROVIDER = "sms-gateway"
TOKEN_HEADER = "X-Pelayan-Token"
TEXT_MAX = 2000

__all__ = ["PROVIDER", "TOKEN_HEADER", "parse_sms", "token_valid"]


def token_valid(*, given: str, secret: str) -> bool:
    """Without a configured secret nothing is valid."""
    return bool(secret) and bool(given) and hmac.compare_digest(given.encode(), secret.encode())


def _timestamp(value: Any, now: datetime) -> datetime:
    if value in (None, ""):
        return now
    text = str(value).strip()
    try:
        at = datetime.fromtimestamp(int(text), tz=UTC) if text.isdigit() else datetime.fromisoformat(text)
    except (ValueError, OverflowError, OSError):
        raise InboundParseError(
            "timestamp: unix seconds or ISO 8601 with its zone", field="timestamp"
        ) from None
    if at.tzinfo is None:
        raise InboundParseError("timestamp: the zone is missing", field="timestamp")
    return min(at, now)


def parse_sms(data: dict[str, Any], *, now: datetime) -> InboundMessage | StatusReport:
    gateway_id = str(data.get("id") or "").strip()
    if not gateway_id or len(gateway_id) > 200:
        raise InboundParseError("id is required (at most 200 characters)", field="id")
    if data.get("status") and not data.get("text"):
        return StatusReport(
            provider=PROVIDER,
            provider_message_id=gateway_id,
            status=str(data["status"])[:40],
            error=str(data.get("error") or "")[:500],
        )
    sender = phone_e164(str(data.get("from") or ""))
    if len(sender) < 9:
        raise InboundParseError("from: a phone number is required", field="from")
    recipient = phone_e164(str(data.get("to") or ""))
    if len(recipient) < 6:
        raise InboundParseError("to: the number the message was sent to is required", field="to")
    text = str(data.get("text") or "")
    if not text.strip():
        raise InboundParseError("text is empty", field="text")
    if len(text) > TEXT_MAX:
        raise InboundParseError(f"text: at most {TEXT_MAX} characters", field="text")
    return InboundMessage(
        channel="sms",
        provider=PROVIDER,
        provider_message_id=gateway_id,
        sender=sender,
        recipient=recipient,
        body=text,
        received_at=_timestamp(data.get("timestamp"), now),
    )
