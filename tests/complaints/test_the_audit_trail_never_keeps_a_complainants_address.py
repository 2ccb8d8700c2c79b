"""The outbox keeps where a receipt or an answer goes; the audit trail, read by more people and
kept longer, has only a masked address: an anonymous complainant stays unknown there too."""

from __future__ import annotations

import json

import pytest

from audit.models import AuditAction, AuditEvent
from complaints.services import complaint_create
from notifications.models import OutboundMessage
from tests.complaints.conftest import T0


@pytest.mark.django_db
def test_an_anonymous_email_complaints_receipt_is_audited_without_its_address(
    kedopok, channels, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint_create(
            agency=kedopok, kind="pengaduan", channel="email", content="Pungutan liar di loket.",
            anonymous=True, reply_address="rahasia.sekali@example.id", source_ref="maildir:<a1@example.id>",
            now=T0,
        )  # fmt: skip

    [receipt] = OutboundMessage.objects.filter(dedupe_key__startswith="complaint-receipt:")
    assert receipt.to == "rahasia.sekali@example.id"  # the system still answers
    trail = AuditEvent.objects.filter(action__in=[AuditAction.MESSAGE_QUEUED, AuditAction.MESSAGE_SENT])
    assert trail.count() == 2
    assert {event.data["to"] for event in trail} == {"r***@example.id"}
    everything = json.dumps([event.data for event in AuditEvent.objects.all()])
    assert "rahasia.sekali" not in everything


@pytest.mark.django_db
def test_a_delivery_error_naming_the_address_is_audited_with_it_masked(kedopok, channels):
    from audit import events

    complaint_create(
        agency=kedopok, kind="pengaduan", channel="email", content="Pungutan liar di loket.",
        anonymous=True, reply_address="rahasia.sekali@example.id", source_ref="maildir:<a2@example.id>", now=T0,
    )  # fmt: skip
    [receipt] = OutboundMessage.objects.filter(dedupe_key__startswith="complaint-receipt:")
    event = events.message_failed(
        message=receipt, error="recipient refused: Rahasia.Sekali@example.id".lower()
    )
    assert event.data["error"] == "recipient refused: r***@example.id"
