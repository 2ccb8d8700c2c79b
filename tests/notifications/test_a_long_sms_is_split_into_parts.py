from __future__ import annotations

from notifications.models import OutboundStatus


def test_each_part_is_one_request_and_the_text_is_capped(send, fake_transport, settings):
    settings.PELAYAN_SMS_MAX_PARTS = 3
    body = " ".join(["pengaduan"] * 200)  # ~2000 characters
    message = send(channel="sms", to="081234567890", body=body)
    assert message.status == OutboundStatus.SENT
    texts = [call["payload"]["text"] for call in fake_transport.calls]
    assert len(texts) == 3
    assert all(len(text) <= 160 for text in texts)
    assert texts[0].startswith("(1/3) ") and texts[2].endswith("...")
    assert message.provider_message_id == "gw-1,gw-2,gw-3"
    assert message.sent_as == "sms:3"
