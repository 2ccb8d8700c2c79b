"""E-mail intake: a message sent to the address a consultation standard names for requests by
e-mail becomes a consultation request, in the style of ``complaints.inbound.handle_inbound``."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile

from consultations.services import RequestForm, Submitted, consultation_request_submit
from pelayan.lib.inbound import InboundMessage
from pelayan.lib.standard_schema import ChannelKind
from standards.models import Service, ServiceKind, StandardStatus

_ADDRESS = re.compile(r"[^<>\s]+@[^<>\s]+")
# The first attachment of one of these types is taken as the copy of the identity card.
_ID_TYPES = {"application/pdf", "image/jpeg", "image/png"}


def _address(value: str) -> str:
    match = _ADDRESS.search(value or "")
    return (match.group(0) if match else (value or "")).strip().lower()


def consultation_service_for(message: InboundMessage) -> Service | None:
    """The consultation service whose published procedure takes requests at the address the
    message was sent to, when the message speaks of a consultation (an agency may publish one
    address for complaints and consultations alike)."""
    if message.channel != ChannelKind.EMAIL:
        return None
    # The subject decides: a complaint about a consultation ("Pengaduan layanan konsultasi")
    # stays a complaint.
    subject = (message.subject or "").lower()
    if not any(word in subject for word in ("konsultasi", "consultation")):
        return None
    if any(word in subject for word in ("pengaduan", "keluhan", "aduan", "complaint")):
        return None
    wanted = _address(message.recipient)
    services = Service.objects.filter(
        kind=ServiceKind.CONSULTATION, is_active=True, standards__status=StandardStatus.PUBLISHED
    ).select_related("agency")
    for service in services:
        standard = service.standards.filter(status=StandardStatus.PUBLISHED).first()
        components = standard.parsed_components() if standard else None
        for track in components.procedure.tracks if components else []:
            for channel in track.channels:
                if channel.kind == ChannelKind.EMAIL and wanted in {
                    _address(channel.value or ""),
                    _address(channel.normalized or ""),
                }:
                    return service
    return None


def consultation_from_inbound(*, message: InboundMessage, service: Service) -> Submitted:
    """One stored e-mail → one request (the same message twice makes one). The subject is the
    topic, the body the purpose; the first PDF or image attached is the copy of the ID card."""
    process = service.standards.get(status=StandardStatus.PUBLISHED).process.compiled()
    # Banten asks for "foto kopi kartu tanda penduduk" (fotokopi-identitas), Kalbar for "identitas".
    keys = list(process.requirements)
    identity_key = next((k for k in keys if "fotokopi" in k), None) or next(
        (k for k in keys if k == "identitas"), None
    )
    files = []
    for attachment in message.attachments:
        if identity_key and attachment.content_type in _ID_TYPES and attachment.content:
            files.append(
                (
                    identity_key,
                    SimpleUploadedFile(
                        attachment.filename[:100] or "identitas", attachment.content, attachment.content_type
                    ),
                )
            )
            break
    sender = _address(message.sender)
    return consultation_request_submit(
        service=service,
        form=RequestForm(
            name=(message.sender_name or sender).strip()[:200],
            email=sender,
            topic=(message.subject or "").strip()[:500]
            or (message.body or "").strip()[:500]
            or "(tanpa judul)",
            purpose=(message.body or "").strip()[:2000],
        ),
        channel=ChannelKind.EMAIL,
        files=files,
        idempotency_key=f"inbound:{message.provider}:{message.provider_message_id}"[:200],
        now=message.received_at,
    )


def handle_inbound(message: InboundMessage) -> str:
    """An inbound handler (``PELAYAN_INBOUND_HANDLER=consultations.inbound.handle_inbound``): a
    consultation request becomes one, anything else goes on to the complaints' handler."""
    service = consultation_service_for(message)
    if service is None:
        from complaints.inbound import handle_inbound as complaint_inbound

        return complaint_inbound(message)
    return consultation_from_inbound(message=message, service=service).request.case.display_number
