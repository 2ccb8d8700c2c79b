"""Fixtures for the outbox and the inbound adapters: fake transports (no network), folders in tmp."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from notifications.adapters import transports
from notifications.adapters.transports import Response, TransportError


class FakeTransport:
    """Answers each post with the next scripted answer (a Response, or an exception to raise);
    once the script is used up, with a provider-shaped success. Records every request."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.script: list[Response | Exception] = []

    def post(self, url: str, *, headers: dict[str, str], payload: dict[str, Any]) -> Response:
        self.calls.append({"url": url, "headers": headers, "payload": payload})
        if self.script:
            answer = self.script.pop(0)
            if isinstance(answer, Exception):
                raise answer
            return answer
        n = len(self.calls)
        if "messaging_product" in payload:
            return Response(200, {"messages": [{"id": f"wamid.fake{n}"}]})
        return Response(200, {"id": f"gw-{n}"})

    def fail_next(self, times: int, error: Exception | None = None) -> None:
        self.script.extend([error or TransportError("connection refused")] * times)


@pytest.fixture(autouse=True)
def _channel_folders(settings, tmp_path):
    settings.PELAYAN_WHATSAPP_OUTBOX_DIR = tmp_path / "outbox" / "whatsapp"
    settings.PELAYAN_SMS_OUTBOX_DIR = tmp_path / "outbox" / "sms"
    settings.PELAYAN_INBOUND_MAILDIR = tmp_path / "maildir"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def fake_transport(monkeypatch) -> FakeTransport:
    fake = FakeTransport()
    monkeypatch.setattr(transports, "transport_from_settings", lambda channel: fake)
    return fake


@pytest.fixture
def send(agency, django_capture_on_commit_callbacks) -> Callable[..., Any]:
    """message_send for the test agency, committed (its delivery task runs inline)."""
    from notifications.services import message_send

    def _send(**kwargs: Any):
        kwargs.setdefault("agency", agency)
        with django_capture_on_commit_callbacks(execute=True):
            message = message_send(**kwargs)
        message.refresh_from_db()
        return message

    return _send
