from __future__ import annotations

from django.core import mail

from audit.models import AuditAction, AuditEvent
from notifications.models import OutboundStatus
from notifications.services import message_send


def test_nothing_leaves_before_the_callers_transaction_commits(agency, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = message_send(
            channel="email", to="warga@example.org", subject="Jawaban", body="Halo", agency=agency
        )
    assert len(callbacks) == 1
    assert mail.outbox == []
    message.refresh_from_db()
    assert message.status == OutboundStatus.QUEUED
    assert message.next_attempt_at is not None


def test_the_committed_email_goes_out_through_the_email_backend(send):
    message = send(channel="email", to="warga@example.org", subject="Jawaban pengaduan", body="Terima kasih.")
    assert message.status == OutboundStatus.SENT
    assert message.attempts == 1
    assert message.sent_at is not None
    assert [m.to for m in mail.outbox] == [["warga@example.org"]]
    assert mail.outbox[0].subject == "Jawaban pengaduan"
    assert message.provider_message_id == mail.outbox[0].extra_headers["Message-ID"]
    actions = list(
        AuditEvent.objects.filter(target_id=str(message.pk), target_type="notifications.outboundmessage")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [AuditAction.MESSAGE_QUEUED, AuditAction.MESSAGE_SENT]


def test_an_attachment_travels_with_the_email(send):
    send(channel="email", to="warga@example.org", subject="Surat", body="Terlampir.",
         attachments=[("jawaban.pdf", "application/pdf", b"%PDF-1.4 x")])  # fmt: skip
    assert mail.outbox[0].attachments == [("jawaban.pdf", b"%PDF-1.4 x", "application/pdf")]
