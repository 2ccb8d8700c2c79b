"""A generic HTTP SMS gateway: ``POST {url}`` with ``{"from", "to", "text", "reference"}`` and a
bearer token, answering ``{"id": …}``. Long texts are cut into single-SMS parts
(``pelayan.lib.outbox.sms_parts``), at most ``PELAYAN_SMS_MAX_PARTS``, one request per part."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from notifications.adapters import DeliveryError, Outgoing, SendResult
from notifications.adapters.transports import Transport, TransportError
from pelayan.lib.outbox import phone_e164, sms_parts

PROVIDER = "sms-gateway"


@dataclass
class SmsGatewaySender:
    transport: Transport
    url: str
    token: str
    sender_id: str
    max_parts: int
    provider: str = PROVIDER

    @classmethod
    def from_settings(cls, transport: Transport) -> SmsGatewaySender:
        return cls(
            transport=transport,
            url=settings.PELAYAN_SMS_GATEWAY_URL,
            token=settings.PELAYAN_SMS_GATEWAY_TOKEN,
            sender_id=settings.PELAYAN_SMS_SENDER_ID,
            max_parts=settings.PELAYAN_SMS_MAX_PARTS,
        )

    def send(self, outgoing: Outgoing) -> SendResult:
        to = phone_e164(outgoing.to)
        if len(to) < 9:
            raise DeliveryError(f"not a phone number: {outgoing.to!r}", permanent=True)
        parts = sms_parts(outgoing.body, max_parts=self.max_parts)
        if not parts:
            raise DeliveryError("empty SMS text", permanent=True)
        ids: list[str] = []
        for index, text in enumerate(parts, start=1):
            payload = {
                "from": self.sender_id,
                "to": to,
                "text": text,
                "reference": f"{outgoing.message_id}-{index}",
            }
            try:
                answer = self.transport.post(
                    self.url, headers={"Authorization": f"Bearer {self.token}"}, payload=payload
                )
            except TransportError as exc:
                raise DeliveryError(f"SMS gateway unreachable: {exc}") from exc
            if answer.status >= 400 or not answer.data.get("id"):
                raise DeliveryError(
                    f"SMS gateway {answer.status}: {answer.data.get('error', '')}",
                    permanent=400 <= answer.status < 500 and answer.status != 429,
                )
            ids.append(str(answer.data["id"]))
        return SendResult(
            provider=self.provider, provider_message_id=",".join(ids)[:200], sent_as=f"sms:{len(parts)}"
        )
