"""Reads of the outbox and the inbound store."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from notifications.models import InboundMessageRecord, OutboundMessage

if TYPE_CHECKING:
    from cases.models import Case

__all__ = ["WHATSAPP_WINDOW", "messages_for_case", "whatsapp_window_open"]

# WhatsApp's customer-service window: free text only within 24 hours of the citizen's last message.
WHATSAPP_WINDOW = timedelta(hours=24)


def messages_for_case(*, case: Case) -> list[OutboundMessage]:
    """The case's outbound messages, oldest first (channel, to, status, attempts, last_error,
    sent_at), for the case timeline. One query."""
    return list(OutboundMessage.objects.filter(case=case).order_by("created_at", "id"))


def whatsapp_window_open(*, number: str, now: datetime) -> bool:
    """Whether ``number`` (+62…) wrote to us on WhatsApp in the last 24 hours."""
    return InboundMessageRecord.objects.filter(
        channel="whatsapp", sender=number, received_at__gt=now - WHATSAPP_WINDOW
    ).exists()
