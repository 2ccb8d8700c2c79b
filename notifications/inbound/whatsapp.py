"""The WhatsApp Cloud API webhook: the subscription challenge, the ``X-Hub-Signature-256`` check
and the payload's shape (``entry[].changes[].value`` with ``messages[]``, ``contacts[]`` and
``statuses[]``)."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime
from typing import Any

from notifications.inbound import InboundParseError, StatusReport
from pelayan.lib.inbound import InboundMessage
from pelayan.lib.outbox import phone_e164

PROVIDER = "whatsapp-cloud"
# Bounds of one delivery: Meta batches up to a few hundred changes; more is not a real delivery.
MAX_ITEMS = 200

__all__ = ["PROVIDER", "challenge_answer", "parse_payload", "signature_valid"]


def signature_valid(*, body: bytes, header: str, secret: str) -> bool:
    """Whether ``header`` is ``sha256=<hex HMAC-SHA256 of the raw body under the app secret>``.
    Without a secret nothing is valid: an unconfigured webhook accepts no one."""
    if not secret or not header or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.removeprefix("sha256=").strip().lower())


def challenge_answer(*, mode: str, token: str, challenge: str, verify_token: str) -> str | None:
    """The challenge to echo when Meta verifies the subscription, or None to refuse it."""
    if not verify_token or mode != "subscribe" or not challenge or len(challenge) > 200:
        return None
    if not hmac.compare_digest(token.encode(), verify_token.encode()):
        return None
    return challenge


def _text(message: dict[str, Any]) -> tuple[str, list[str]]:
    kind = str(message.get("type") or "")
    notes: list[str] = []
    if kind == "text":
        return str((message.get("text") or {}).get("body") or ""), notes
    if kind in ("image", "document", "video", "audio", "sticker"):
        media = message.get(kind) or {}
        # The media itself is fetched from the Graph API, which this adapter does not call.
        notes.append(f"{kind} not fetched (media id {str(media.get('id', ''))[:100]})")
        caption = str(media.get("caption") or media.get("filename") or "")
        return caption or f"({kind})", notes
    if kind == "button":
        return str((message.get("button") or {}).get("text") or ""), notes
    if kind == "interactive":
        reply = message.get("interactive") or {}
        chosen = reply.get("button_reply") or reply.get("list_reply") or {}
        return str(chosen.get("title") or ""), notes
    if kind == "location":
        place = message.get("location") or {}
        return f"(lokasi {place.get('latitude')}, {place.get('longitude')})", notes
    notes.append(f"message type {kind!r} not read")
    return f"({kind or 'pesan'})", notes


def _received(message: dict[str, Any], now: datetime) -> datetime:
    try:
        at = datetime.fromtimestamp(int(str(message.get("timestamp"))), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return now
    # A clock ahead of ours must not date a complaint in the future.
    return min(at, now)


def parse_payload(
    data: Any, *, now: datetime
) -> tuple[list[tuple[InboundMessage, tuple[str, ...]]], list[StatusReport]]:
    """The messages (each with what the adapter left out) and the delivery reports of one POST."""
    if not isinstance(data, dict) or not isinstance(data.get("entry"), list):
        raise InboundParseError("the body has no entry list", field="entry")
    messages: list[tuple[InboundMessage, tuple[str, ...]]] = []
    statuses: list[StatusReport] = []
    count = 0
    for entry in data["entry"]:
        for change in (entry or {}).get("changes") or [] if isinstance(entry, dict) else []:
            value = change.get("value") if isinstance(change, dict) else None
            if not isinstance(value, dict):
                continue
            metadata = value.get("metadata") or {}
            recipient = phone_e164(str(metadata.get("display_phone_number") or ""))
            names = {
                str(c.get("wa_id")): str((c.get("profile") or {}).get("name") or "")
                for c in value.get("contacts") or []
                if isinstance(c, dict)
            }
            for message in value.get("messages") or []:
                count += 1
                if count > MAX_ITEMS:
                    raise InboundParseError(f"more than {MAX_ITEMS} items", field="messages")
                if not isinstance(message, dict) or not message.get("id") or not message.get("from"):
                    raise InboundParseError("a message without id or from", field="messages")
                body, notes = _text(message)
                sender = str(message["from"])
                messages.append(
                    (
                        InboundMessage(
                            channel="whatsapp",
                            provider=PROVIDER,
                            provider_message_id=str(message["id"])[:250],
                            sender=phone_e164(sender),
                            recipient=recipient,
                            body=body,
                            received_at=_received(message, now),
                            sender_name=names.get(sender, "")[:200],
                            in_reply_to=str((message.get("context") or {}).get("id") or "")[:250],
                        ),
                        tuple(notes),
                    )
                )
            for status in value.get("statuses") or []:
                count += 1
                if count > MAX_ITEMS:
                    raise InboundParseError(f"more than {MAX_ITEMS} items", field="statuses")
                if not isinstance(status, dict) or not status.get("id") or not status.get("status"):
                    raise InboundParseError("a status without id or status", field="statuses")
                errors = status.get("errors") or []
                error = ""
                if errors and isinstance(errors[0], dict):
                    error = f"{errors[0].get('code', '')} {errors[0].get('title', '')}".strip()
                statuses.append(
                    StatusReport(
                        provider=PROVIDER,
                        provider_message_id=str(status["id"])[:200],
                        status=str(status["status"])[:40],
                        error=error[:500],
                    )
                )
    return messages, statuses
