from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from notifications.models import OutboundStatus
from notifications.services import message_deliver, message_send, outbox_sweep


def test_a_second_delivery_of_a_sent_message_sends_nothing(send, fake_transport):
    message = send(channel="sms", to="081234567890", body="Diterima")
    assert message.status == OutboundStatus.SENT
    assert message_deliver(message_id=message.pk) is None
    assert outbox_sweep() == 0
    assert len(fake_transport.calls) == 1


def test_the_same_dedupe_key_returns_the_first_message(agency, send, fake_transport):
    first = send(channel="sms", to="081234567890", body="Diterima", dedupe_key="receipt:42")
    again = send(channel="sms", to="081234567890", body="Diterima lagi", dedupe_key="receipt:42")
    assert again.pk == first.pk
    assert len(fake_transport.calls) == 1


def test_a_message_whose_task_was_lost_is_sent_by_the_sweep(
    agency, fake_transport, django_capture_on_commit_callbacks
):
    # The callback is dropped: as if the process died between the commit and queueing the task.
    with django_capture_on_commit_callbacks(execute=False):
        message = message_send(channel="sms", to="081234567890", body="Diterima", agency=agency)
    assert fake_transport.calls == []
    assert outbox_sweep() == 1
    message.refresh_from_db()
    assert message.status == OutboundStatus.SENT


def test_a_message_left_sending_by_a_dead_worker_is_tried_again(agency, fake_transport, settings,
                                                                 django_capture_on_commit_callbacks):  # fmt: skip
    settings.PELAYAN_OUTBOX_SENDING_LEASE_SECONDS = 600
    with django_capture_on_commit_callbacks(execute=False):
        message = message_send(channel="sms", to="081234567890", body="Diterima", agency=agency)
    long_ago = timezone.now() - timedelta(hours=1)
    type(message).objects.filter(pk=message.pk).update(
        status=OutboundStatus.SENDING, claimed_at=long_ago, attempts=1
    )
    outbox_sweep()
    message.refresh_from_db()
    assert message.status == OutboundStatus.QUEUED
    assert "interrupted" in message.last_error
    outbox_sweep(now=message.next_attempt_at)
    message.refresh_from_db()
    assert message.status == OutboundStatus.SENT
    assert message.attempts == 2
