"""Inbound adapters: e-mail (a local Maildir, or IMAP polling), the WhatsApp Cloud API webhook and
a generic SMS gateway webhook. Each turns what arrived into a ``pelayan.lib.inbound.InboundMessage``
(or a delivery report of one of our messages); ``notifications.services.inbound_receive`` stores
it once and hands it to the configured handler (``complaints.inbound.handle_inbound``)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["InboundParseError", "StatusReport"]


class InboundParseError(ValueError):
    """What arrived cannot be read; ``field`` names the part at fault."""

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class StatusReport:
    """A provider's delivery report of one of our outbound messages."""

    provider: str
    provider_message_id: str
    status: str
    error: str = ""
