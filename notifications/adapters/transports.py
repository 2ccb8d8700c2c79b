"""How WhatsApp and SMS requests leave the process.

``FolderTransport`` writes each request as a JSON file (the demo, manual checks); ``HttpTransport``
posts it (production, where the provider is reachable). Tests pass their own object with the same
``post`` method, so no test touches the network.
"""

from __future__ import annotations

import json
import secrets
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from django.conf import settings
from django.utils import timezone


@dataclass(frozen=True)
class Response:
    status: int
    data: dict[str, Any]


class Transport(Protocol):
    def post(self, url: str, *, headers: dict[str, str], payload: dict[str, Any]) -> Response: ...


class TransportError(Exception):
    """The request could not be made at all (connection refused, timeout): always retried."""


class FolderTransport:
    """Writes ``<folder>/<timestamp>-<id>.json`` and answers like the provider would, with a local
    id (``kind`` chooses the shape of the answer)."""

    def __init__(self, folder: Path, kind: str) -> None:
        self.folder = Path(folder)
        self.kind = kind

    def post(self, url: str, *, headers: dict[str, str], payload: dict[str, Any]) -> Response:
        self.folder.mkdir(parents=True, exist_ok=True)
        local_id = f"local-{secrets.token_hex(8)}"
        # Credentials never reach the folder.
        shown = {k: ("***" if k.lower() == "authorization" else v) for k, v in headers.items()}
        record = {"url": url, "headers": shown, "payload": payload, "id": local_id}
        name = f"{timezone.now():%Y%m%dT%H%M%S%f}-{local_id}.json"
        (self.folder / name).write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
        if self.kind == "whatsapp":
            return Response(200, {"messaging_product": "whatsapp", "messages": [{"id": f"wamid.{local_id}"}]})
        return Response(200, {"id": local_id})


class HttpTransport:
    def __init__(self, timeout: float) -> None:
        self.timeout = timeout

    def post(self, url: str, *, headers: dict[str, str], payload: dict[str, Any]) -> Response:
        data = json.dumps(payload).encode()
        request = urllib.request.Request(  # noqa: S310 (the configured provider URL)
            url, data=data, method="POST", headers={"Content-Type": "application/json", **headers}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310 (configured URL)
                return Response(answer.status, _json(answer.read(1_000_000)))
        except urllib.error.HTTPError as exc:
            return Response(exc.code, _json(exc.read(1_000_000)))
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise TransportError(str(exc)) from exc


def _json(raw: bytes) -> dict[str, Any]:
    try:
        value = json.loads(raw or b"{}")
    except ValueError:
        return {"raw": raw[:500].decode("utf-8", "replace")}
    return value if isinstance(value, dict) else {"value": value}


def transport_from_settings(channel: str) -> Transport:
    if channel == "whatsapp":
        kind, folder = settings.PELAYAN_WHATSAPP_TRANSPORT, settings.PELAYAN_WHATSAPP_OUTBOX_DIR
    else:
        kind, folder = settings.PELAYAN_SMS_TRANSPORT, settings.PELAYAN_SMS_OUTBOX_DIR
    if kind == "http":
        return HttpTransport(timeout=settings.PELAYAN_OUTBOX_HTTP_TIMEOUT_SECONDS)
    return FolderTransport(Path(folder), channel)
