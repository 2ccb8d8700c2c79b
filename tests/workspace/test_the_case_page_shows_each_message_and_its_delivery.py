"""The case page lists what was sent to the citizen, over which channel, and whether it arrived."""

from __future__ import annotations

import pytest
from django.urls import reverse

from notifications.adapters import transports
from notifications.adapters.transports import TransportError
from notifications.models import OutboundStatus
from notifications.services import message_send, outbox_sweep


class _Down:
    def post(self, url, *, headers, payload):
        raise TransportError("gateway down")


@pytest.mark.django_db
def test_a_failed_sms_and_a_sent_email_show_on_the_case_page(
    kedopok_service,
    kelurahan_operator,
    as_kelurahan,
    settings,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    from tests.workspace.conftest import kedopok_case

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PELAYAN_OUTBOX_MAX_ATTEMPTS = 2
    monkeypatch.setattr(transports, "transport_from_settings", lambda channel: _Down())
    case = kedopok_case(kedopok_service, kelurahan_operator)
    with django_capture_on_commit_callbacks(execute=True):
        message_send(channel="email", to="warga@example.org", subject="Tanda terima", body="Diterima",
                     agency=case.agency, case=case)  # fmt: skip
        sms = message_send(channel="sms", to="081234567890", body="Diterima", agency=case.agency, case=case)
    sms.refresh_from_db()
    outbox_sweep(now=sms.next_attempt_at)
    sms.refresh_from_db()
    assert sms.status == OutboundStatus.FAILED

    page = as_kelurahan.get(reverse("workspace:case", args=[case.display_number])).content.decode()
    assert "Pesan ke pemohon" in page
    assert "warga@example.org" in page
    assert "Terkirim" in page
    assert "+6281234567890" in page
    assert "Gagal" in page
    assert "gateway down" in page
    assert "2 percobaan" in page


@pytest.mark.django_db
def test_a_case_without_messages_has_no_messages_section(kedopok_service, kelurahan_operator, as_kelurahan):
    from tests.workspace.conftest import kedopok_case

    case = kedopok_case(kedopok_service, kelurahan_operator)
    page = as_kelurahan.get(reverse("workspace:case", args=[case.display_number])).content.decode()
    assert "Pesan ke pemohon" not in page
