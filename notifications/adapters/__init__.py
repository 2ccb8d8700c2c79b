"""Outbound adapters: one interface, one implementation per channel, chosen by settings.

An adapter turns an ``Outgoing`` into a provider call and answers with a ``SendResult`` or raises
``DeliveryError``. Transports (``transports.py``) carry the HTTP-shaped requests of WhatsApp and
SMS: a folder in the demo and tests, HTTP in production, a fake object in unit tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

__all__ = ["DeliveryError", "Outgoing", "SendResult", "Sender", "sender_for"]


@dataclass(frozen=True)
class Outgoing:
    message_id: int
    channel: str
    to: str
    body: str
    subject: str = ""
    reference: str = ""
    # WhatsApp only: whether the citizen wrote to us in the last 24 hours (free text allowed).
    window_open: bool = False
    attachments: tuple[tuple[str, str, bytes], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class SendResult:
    provider: str
    provider_message_id: str
    sent_as: str


class DeliveryError(Exception):
    """The provider did not take the message. ``permanent`` errors (a malformed address, a
    refused recipient) are not retried; anything else is."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class Sender(Protocol):
    provider: str

    def send(self, outgoing: Outgoing) -> SendResult: ...


def sender_for(channel: str) -> Sender:
    """The configured adapter of ``channel`` (read from the settings on each call, so a test's
    override applies)."""
    from notifications.adapters.email import EmailSender
    from notifications.adapters.sms import SmsGatewaySender
    from notifications.adapters.transports import transport_from_settings
    from notifications.adapters.whatsapp import WhatsAppCloudSender

    if channel == "email":
        return EmailSender()
    if channel == "whatsapp":
        return WhatsAppCloudSender.from_settings(transport_from_settings("whatsapp"))
    if channel == "sms":
        return SmsGatewaySender.from_settings(transport_from_settings("sms"))
    raise DeliveryError(f"no adapter for channel {channel!r}", permanent=True)
