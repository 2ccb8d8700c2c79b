"""The way statuses reach SP4N-LAPOR!: one interface, chosen by ``PELAYAN_LAPOR_ADAPTER``.

``folder`` (the default, for the demo and tests) writes each status as a JSON file into
``PELAYAN_LAPOR_OUTBOX_DIR``, where an operator or a bridge picks it up; ``http`` POSTs the same
JSON to ``PELAYAN_LAPOR_URL`` with ``PELAYAN_LAPOR_TOKEN`` as a bearer token, for an agency whose
integration document gives it such an endpoint. Nothing is sent anywhere unless configured.
"""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class LaporError(Exception):
    """The status could not be delivered; it is retried."""


@dataclass(frozen=True)
class StatusUpdate:
    lapor_id: str
    status: str  # pelayan.lib.lapor.STATUSES
    note: str
    at: datetime
    reference: str  # our tracking number

    def as_json(self) -> dict[str, str]:
        return {
            "tracking_id": self.lapor_id,
            "status": self.status,
            "note": self.note,
            "at": self.at.isoformat(),
            "reference": self.reference,
        }


class LaporAdapter(Protocol):
    def status_push(self, update: StatusUpdate) -> str:
        """Deliver one status; returns the remote reference. Raises LaporError to retry."""


class FolderAdapter:
    def __init__(self, directory: str | Path | None = None):
        self.directory = Path(directory or settings.PELAYAN_LAPOR_OUTBOX_DIR)

    def status_push(self, update: StatusUpdate) -> str:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            name = f"{update.at:%Y%m%dT%H%M%S}-{update.lapor_id}-{update.status}.json"
            path = self.directory / name.replace("/", "_")
            path.write_text(json.dumps(update.as_json(), ensure_ascii=False, indent=2), encoding="utf-8")
        except OSError as exc:
            raise LaporError(f"cannot write to {self.directory}: {exc}") from exc
        return path.name


class HttpAdapter:
    TIMEOUT_SECONDS = 10

    def __init__(self, url: str | None = None, token: str | None = None):
        self.url = url or settings.PELAYAN_LAPOR_URL
        self.token = token or settings.PELAYAN_LAPOR_TOKEN

    def status_push(self, update: StatusUpdate) -> str:
        if not self.url:
            raise LaporError("PELAYAN_LAPOR_URL is not set")
        request = urllib.request.Request(  # noqa: S310 (the URL is the operator's setting)
            self.url,
            data=json.dumps(update.as_json()).encode("utf-8"),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.TIMEOUT_SECONDS) as response:  # noqa: S310
                body = response.read(4096).decode("utf-8", "replace")
        except OSError as exc:
            raise LaporError(str(exc)[:400]) from exc
        return body.strip()[:200]


ADAPTERS = {"folder": FolderAdapter, "http": HttpAdapter}


def adapter_get() -> LaporAdapter:
    name = settings.PELAYAN_LAPOR_ADAPTER
    factory = ADAPTERS.get(name) or import_string(name)
    return factory()
