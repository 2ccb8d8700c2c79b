"""The inbound handler: a message an adapter stored becomes a complaint, or a
reply threaded into the complaint whose reference it carries."""

from __future__ import annotations

import re

import filetype
from django.apps import apps
from django.conf import settings
from django.db.models import Q

from cases.models import Case
from complaints.models import Complaint, ComplaintKind
from complaints.selectors import complaint_definition_for
from complaints.services import (
    ALLOWED_FILE_TYPES,
    FILES_MAX,
    Upload,
    complaint_create,
    complaint_reply_receive,
)
from pelayan.lib import tracking
from pelayan.lib.inbound import InboundMessage
from pelayan.lib.standard_schema import ChannelKind
from standards.models import Agency

# A tracking number as written in a subject: ten symbols, optionally split 5-5.
_REFERENCE = re.compile(r"\b([0-9A-Za-z]{5})-?([0-9A-Za-z]{5})\b")


class UnknownRecipient(LookupError):
    """No agency publishes the address the message was sent to."""


def _normalized(channel: str, address: str) -> str:
    address = (address or "").strip()
    if channel == ChannelKind.EMAIL:
        match = re.search(r"[^<>\s]+@[^<>\s]+", address)
        return (match.group(0) if match else address).lower()
    digits = re.sub(r"[^\d+]", "", address)
    if digits.startswith("0"):
        digits = "+62" + digits[1:]
    elif digits.startswith("62"):
        digits = "+" + digits
    return digits


def agency_for_recipient(*, channel: str, recipient: str) -> Agency:
    """The agency whose complaint channels (or contact channels) publish ``recipient``."""
    wanted = _normalized(channel, recipient)
    kinds = {channel}
    if channel == ChannelKind.SMS:
        kinds.add(ChannelKind.PHONE)  # an SMS goes to the number published as a phone or WhatsApp
        kinds.add(ChannelKind.WHATSAPP)
    for agency in Agency.objects.all().order_by("pk"):
        definition = complaint_definition_for(agency=agency, with_document=True)
        channels: list[dict] = list(agency.contact_channels or [])
        if definition is not None:
            components = definition.standard.parsed_components()
            channels += [c.model_dump(mode="json") for c in components.complaint_handling.channels]
        for item in channels:
            if item.get("kind") not in kinds:
                continue
            for value in (item.get("normalized"), item.get("value")):
                if value and _normalized(channel, value) == wanted:
                    return agency
    raise UnknownRecipient(recipient)


def _thread(agency: Agency, message: InboundMessage) -> Complaint | None:
    """The complaint a reply belongs to: the reference in its subject or body's first line, or
    the message it answers (a receipt or an answer of ours carries the reference too)."""
    texts = [message.subject, message.in_reply_to, (message.body or "").split("\n", 1)[0]]
    numbers = []
    for text in texts:
        for match in _REFERENCE.finditer(text or ""):
            normalized = tracking.normalize(match.group(1) + match.group(2))
            if normalized is not None:
                numbers.append(normalized)
    case = Case.objects.filter(number__in=numbers, agency=agency).first() if numbers else None
    if case is None:
        case = _answered_case(agency, message.in_reply_to)
    if case is None:
        return None
    complaint = Complaint.objects.filter(case=case).select_related("case").first()
    if complaint is None:
        return None
    # Only the citizen who made it may thread into it: the same reply address.
    if complaint.reply_address and _normalized(message.channel, complaint.reply_address) != _normalized(
        message.channel, message.sender
    ):
        return None
    return complaint


def _agency_for(message: InboundMessage) -> Agency:
    """An e-mail names every address it was delivered to (comma-separated, the mailbox's own
    first): the first one an agency publishes is the one it was meant for."""
    candidates = [c for c in (message.recipient or "").split(",") if c.strip()] or [""]
    if message.channel != ChannelKind.EMAIL:
        candidates = [message.recipient]
    for candidate in candidates:
        try:
            return agency_for_recipient(channel=message.channel, recipient=candidate)
        except UnknownRecipient:
            continue
    raise UnknownRecipient(message.recipient)


def _evidence(message: InboundMessage) -> list[Upload]:
    """The attachments a complaint can keep as evidence (PDF, JPEG, PNG within the file bound, at
    most five); a signature logo or a document of another kind stays on the stored message."""
    kept: list[Upload] = []
    for attachment in message.attachments:
        kind = filetype.guess(attachment.content[:262]) if attachment.content else None
        if kind is None or kind.mime not in ALLOWED_FILE_TYPES:
            continue
        if len(attachment.content) > settings.PELAYAN_CASE_FILE_MAX_BYTES:
            continue
        kept.append(Upload(name=attachment.filename, content=attachment.content))
    return kept[:FILES_MAX]


def _answered_case(agency: Agency, in_reply_to: str) -> Case | None:
    """The case of the message of ours a reply answers (its ``In-Reply-To`` is the Message-ID
    our e-mail went out with), for a reply whose subject lost the reference."""
    wanted = (in_reply_to or "").strip().strip("<>")
    if not wanted or not apps.is_installed("notifications"):
        return None
    from notifications.models import OutboundMessage  # type: ignore[import-not-found]

    sent = (
        OutboundMessage.objects.filter(
            agency=agency, provider_message_id__in=[wanted, f"<{wanted}>"], case__isnull=False
        )
        .select_related("case")
        .first()
    )
    return sent.case if sent is not None else None


def handle_inbound(message: InboundMessage) -> str:
    """Turn one stored message into a complaint (or a reply to one); returns its reference.
    Runs inside the adapter's transaction; the same message twice makes one complaint."""
    agency = _agency_for(message)
    source_ref = f"{message.provider}:{message.provider_message_id}"
    existing = (
        Complaint.objects.filter(Q(source_ref=source_ref), agency=agency, channel=message.channel)
        .select_related("case")
        .first()
    )
    if existing is not None:
        return existing.reference
    threaded = _thread(agency, message)
    if threaded is not None:
        complaint_reply_receive(complaint=threaded, body=message.body, source_ref=source_ref)
        return threaded.reference
    body = (message.body or "").strip()
    if message.subject and message.channel == ChannelKind.EMAIL:
        body = f"{message.subject.strip()}\n\n{body}".strip()
    is_email = message.channel == ChannelKind.EMAIL
    complaint = complaint_create(
        agency=agency,
        kind=ComplaintKind.COMPLAINT,
        channel=message.channel,
        content=body[:5000] or "(pesan kosong)",
        name=(message.sender_name or "").strip()[:200],
        email=_normalized(message.channel, message.sender) if is_email else "",
        phone="" if is_email else _normalized(message.channel, message.sender),
        reply_address=_normalized(message.channel, message.sender),
        received_at=message.received_at,
        files=_evidence(message),
        source_ref=source_ref,
        lapor_id=message.provider_message_id if message.channel == ChannelKind.LAPOR else "",
    )
    return complaint.reference
