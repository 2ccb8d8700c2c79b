from __future__ import annotations

from notifications.adapters.transports import Response
from notifications.models import OutboundStatus


def test_a_whatsapp_400_is_not_retried(send, fake_transport):
    fake_transport.script.append(Response(400, {"error": {"message": "Invalid parameter", "code": 100}}))
    message = send(channel="whatsapp", to="081234567890", body="Jawaban")
    assert message.status == OutboundStatus.FAILED
    assert message.attempts == 1
    assert "Invalid parameter" in message.last_error


def test_throttling_is_retried(send, fake_transport):
    fake_transport.script.append(Response(429, {"error": {"message": "Rate limit", "code": 130429}}))
    message = send(channel="whatsapp", to="081234567890", body="Jawaban")
    assert message.status == OutboundStatus.QUEUED
    assert message.next_attempt_at is not None
