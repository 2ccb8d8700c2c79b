"""Builders for what the inbound channels deliver: a real .eml in a Maildir, a signed WhatsApp
Cloud API webhook POST, an SMS gateway POST."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

WA_SECRET = "test-app-secret"
WA_VERIFY = "test-verify-token"
SMS_SECRET = "test-sms-secret"


def eml(
    *,
    sender: str,
    to: str,
    subject: str,
    body: str,
    message_id: str,
    sent_at: datetime,
    in_reply_to: str = "",
    attachments: tuple[tuple[str, str, bytes], ...] = (),
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(sent_at)
    message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    message.set_content(body)
    for filename, content_type, content in attachments:
        maintype, subtype = content_type.split("/", 1)
        message.add_attachment(content, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()


def maildir_deliver(folder: Path, name: str, raw: bytes, delivered_at: datetime) -> Path:
    """Put a message into ``new/`` as a mail server does (tmp/ then rename), dated at delivery."""
    for sub in ("new", "cur", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    tmp = folder / "tmp" / name
    tmp.write_bytes(raw)
    os.utime(tmp, (delivered_at.timestamp(), delivered_at.timestamp()))
    target = folder / "new" / name
    os.replace(tmp, target)
    return target


def wa_payload(
    *,
    wamid: str,
    sender: str,
    text: str,
    at: datetime,
    to_display: str = "6285828735503",
    name: str = "Siti Aminah",
    statuses: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    value: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": to_display, "phone_number_id": "demo-phone-number-id"},
    }
    if wamid:
        value["contacts"] = [{"profile": {"name": name}, "wa_id": sender}]
        value["messages"] = [
            {"from": sender, "id": wamid, "timestamp": str(int(at.timestamp())), "type": "text",
             "text": {"body": text}}
        ]  # fmt: skip
    if statuses:
        value["statuses"] = statuses
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA-1", "changes": [{"field": "messages", "value": value}]}],
    }


def wa_post(
    client: Any, payload: dict[str, Any] | bytes, *, secret: str = WA_SECRET, signature: str | None = None
):
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    if signature is None:
        signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    headers = {"HTTP_X_HUB_SIGNATURE_256": signature} if signature else {}
    return client.post("/hooks/whatsapp/", data=body, content_type="application/json", **headers)
