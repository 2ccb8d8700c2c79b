from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from notifications.models import InboundMessageRecord, InboundStatus, OutboundStatus


def _citizen_wrote(hours_ago: float) -> InboundMessageRecord:
    return InboundMessageRecord.objects.create(
        channel="whatsapp", provider="whatsapp-cloud", provider_message_id=f"wamid.in{hours_ago}",
        sender="+6281234567890", recipient="+6285100000000", body="Lampu jalan mati",
        received_at=timezone.now() - timedelta(hours=hours_ago), status=InboundStatus.HANDLED,
        reference="PGD-7Q3K",
    )  # fmt: skip


def test_no_message_from_the_citizen_means_the_template_with_the_reference(send, fake_transport, settings):
    settings.PELAYAN_WHATSAPP_TEMPLATE = "jawaban_pengaduan"
    inbound = _citizen_wrote(hours_ago=25)
    message = send(
        channel="whatsapp", to="0812-3456-7890", body="Lampu sudah diperbaiki.", reply_to_inbound=inbound
    )
    assert message.status == OutboundStatus.SENT
    payload = fake_transport.calls[0]["payload"]
    assert payload["type"] == "template"
    assert payload["to"] == "6281234567890"
    assert payload["template"]["name"] == "jawaban_pengaduan"
    assert payload["template"]["components"][0]["parameters"] == [{"type": "text", "text": "PGD-7Q3K"}]
    assert "text" not in payload
    assert message.sent_as == "template:jawaban_pengaduan"


def test_within_24_hours_the_answer_goes_as_free_text(send, fake_transport):
    inbound = _citizen_wrote(hours_ago=2)
    message = send(
        channel="whatsapp", to="+62 812 3456 7890", body="Lampu sudah diperbaiki.", reply_to_inbound=inbound
    )
    payload = fake_transport.calls[0]["payload"]
    assert payload["type"] == "text"
    assert payload["text"]["body"] == "Lampu sudah diperbaiki."
    assert message.sent_as == "text"
    assert fake_transport.calls[0]["url"].endswith("/demo-phone-number-id/messages")
