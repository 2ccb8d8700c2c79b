"""WhatsApp Business Cloud API: ``POST {base}/{version}/{phone-number-id}/messages``.

Inside the 24-hour customer-service window (the citizen wrote to us in the last 24 hours) free
text may be sent. Outside it the platform only accepts an approved template: the adapter sends
the configured one with the reference (the tracking number) as its body parameter, and the full
text stays in the case for the citizen to read when they write back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings

from notifications.adapters import DeliveryError, Outgoing, SendResult
from notifications.adapters.transports import Transport, TransportError
from pelayan.lib.outbox import phone_e164

PROVIDER = "whatsapp-cloud"
# WhatsApp's limit for a text body.
TEXT_MAX = 4096


def wa_number(address: str) -> str:
    """The Cloud API's form of a number: digits only, country code first (0812… → 62812…)."""
    return phone_e164(address).lstrip("+")


@dataclass
class WhatsAppCloudSender:
    transport: Transport
    base_url: str
    api_version: str
    phone_number_id: str
    access_token: str
    template_name: str
    template_language: str
    provider: str = PROVIDER

    @classmethod
    def from_settings(cls, transport: Transport) -> WhatsAppCloudSender:
        return cls(
            transport=transport,
            base_url=settings.PELAYAN_WHATSAPP_API_BASE.rstrip("/"),
            api_version=settings.PELAYAN_WHATSAPP_API_VERSION,
            phone_number_id=settings.PELAYAN_WHATSAPP_PHONE_NUMBER_ID,
            access_token=settings.PELAYAN_WHATSAPP_ACCESS_TOKEN,
            template_name=settings.PELAYAN_WHATSAPP_TEMPLATE,
            template_language=settings.PELAYAN_WHATSAPP_TEMPLATE_LANGUAGE,
        )

    def payload(self, outgoing: Outgoing) -> tuple[dict[str, Any], str]:
        to = wa_number(outgoing.to)
        if len(to) < 8:
            raise DeliveryError(f"not a WhatsApp number: {outgoing.to!r}", permanent=True)
        base: dict[str, Any] = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": to}
        if outgoing.window_open:
            text = outgoing.body if len(outgoing.body) <= TEXT_MAX else outgoing.body[: TEXT_MAX - 1] + "…"
            return {**base, "type": "text", "text": {"preview_url": False, "body": text}}, "text"
        if not self.template_name:
            raise DeliveryError(
                "outside the 24-hour window and no template configured (PELAYAN_WHATSAPP_TEMPLATE)",
                permanent=True,
            )
        template: dict[str, Any] = {"name": self.template_name, "language": {"code": self.template_language}}
        if outgoing.reference:
            template["components"] = [
                {"type": "body", "parameters": [{"type": "text", "text": outgoing.reference}]}
            ]
        return {**base, "type": "template", "template": template}, f"template:{self.template_name}"

    def send(self, outgoing: Outgoing) -> SendResult:
        payload, sent_as = self.payload(outgoing)
        url = f"{self.base_url}/{self.api_version}/{self.phone_number_id}/messages"
        try:
            answer = self.transport.post(
                url, headers={"Authorization": f"Bearer {self.access_token}"}, payload=payload
            )
        except TransportError as exc:
            raise DeliveryError(f"WhatsApp unreachable: {exc}") from exc
        if answer.status >= 400:
            error = answer.data.get("error") if isinstance(answer.data.get("error"), dict) else {}
            detail = f"WhatsApp {answer.status}: {error.get('message', '')} (code {error.get('code', '?')})"
            # 4xx other than throttling (429) will not get better by retrying the same request.
            raise DeliveryError(detail, permanent=400 <= answer.status < 500 and answer.status != 429)
        messages = answer.data.get("messages") or []
        wamid = messages[0].get("id", "") if messages and isinstance(messages[0], dict) else ""
        if not wamid:
            raise DeliveryError("WhatsApp answered without a message id")
        return SendResult(provider=self.provider, provider_message_id=str(wamid), sent_as=sent_as)
