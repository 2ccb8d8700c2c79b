"""A message that arrived on a channel, as the adapters hand it to the domain (no Django)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class InboundAttachment:
    filename: str
    content_type: str
    content: bytes


@dataclass(frozen=True)
class InboundMessage:
    channel: str  # a ChannelKind value: "email", "whatsapp", "sms", "lapor"
    provider: str  # "maildir", "imap", "whatsapp-cloud", "sms-gateway", "lapor", …
    provider_message_id: str  # unique per provider: Message-ID, wamid, gateway id
    sender: str  # the address to reply to: e-mail address, +62… number
    recipient: str  # the agency address it was sent to (e-mail, WhatsApp/SMS number)
    body: str
    received_at: datetime  # aware
    subject: str = ""
    sender_name: str = ""
    in_reply_to: str = ""  # e-mail In-Reply-To / WhatsApp context id
    attachments: tuple[InboundAttachment, ...] = field(default_factory=tuple)
