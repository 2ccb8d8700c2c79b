from __future__ import annotations

from datetime import timedelta

from audit.models import AuditAction, AuditEvent
from notifications.models import AttemptOutcome, OutboundStatus
from notifications.services import outbox_sweep


def test_each_failure_doubles_the_wait_until_the_message_goes_out(send, fake_transport, settings):
    settings.PELAYAN_OUTBOX_RETRY_BASE_SECONDS = 60
    fake_transport.fail_next(2)
    message = send(channel="sms", to="0812 3456 7890", body="Pengaduan Anda diterima.")
    assert message.status == OutboundStatus.QUEUED
    assert message.attempts == 1
    assert "connection refused" in message.last_error
    first_due = message.next_attempt_at
    failed_at = message.delivery_attempts.get().at
    assert first_due - failed_at == timedelta(seconds=60)

    # Not yet due: the sweep leaves it alone.
    assert outbox_sweep(now=first_due - timedelta(seconds=1)) == 0
    assert len(fake_transport.calls) == 1

    assert outbox_sweep(now=first_due) == 1
    message.refresh_from_db()
    assert message.status == OutboundStatus.QUEUED
    assert message.next_attempt_at - first_due == timedelta(seconds=120)

    assert outbox_sweep(now=message.next_attempt_at) == 1
    message.refresh_from_db()
    assert message.status == OutboundStatus.SENT
    assert message.attempts == 3
    assert message.last_error == ""
    assert list(message.delivery_attempts.values_list("outcome", flat=True)) == [
        AttemptOutcome.RETRY, AttemptOutcome.RETRY, AttemptOutcome.SENT,
    ]  # fmt: skip
    assert message.provider_message_id == "gw-3"


def test_after_the_last_attempt_the_message_is_failed_and_says_why(send, fake_transport, settings):
    settings.PELAYAN_OUTBOX_MAX_ATTEMPTS = 3
    fake_transport.fail_next(5)
    message = send(channel="sms", to="+6281234567890", body="Pengaduan Anda diterima.")
    for _ in range(4):
        outbox_sweep(now=message.next_attempt_at or message.failed_at)
        message.refresh_from_db()
    assert message.status == OutboundStatus.FAILED
    assert message.attempts == 3
    assert len(fake_transport.calls) == 3
    assert message.next_attempt_at is None
    assert message.failed_at is not None
    assert "connection refused" in message.last_error
    assert list(message.delivery_attempts.values_list("outcome", flat=True)) == [
        AttemptOutcome.RETRY, AttemptOutcome.RETRY, AttemptOutcome.FAILED,
    ]  # fmt: skip
    actions = list(
        AuditEvent.objects.filter(target_id=str(message.pk), target_type="notifications.outboundmessage")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        AuditAction.MESSAGE_QUEUED, AuditAction.MESSAGE_ATTEMPT_FAILED, AuditAction.MESSAGE_ATTEMPT_FAILED,
        AuditAction.MESSAGE_FAILED,
    ]  # fmt: skip
