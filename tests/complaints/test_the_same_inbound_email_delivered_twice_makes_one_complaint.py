"""An e-mail is stored once on its Message-ID: delivered twice into the mailbox, or read again
after a crash between storing it and marking it processed, it makes one complaint."""

from __future__ import annotations

import pytest

from complaints.models import Complaint
from notifications.inbound.email import MaildirSource
from notifications.models import InboundMessageRecord
from notifications.services import inbound_email_poll
from tests.channels import eml, maildir_deliver
from tests.complaints.conftest import T0


def message() -> bytes:
    return eml(
        sender="Pak Hadi <hadi@example.id>", to="kec.kedopok@gmail.com", subject="Antrian KTP",
        body="Antrian KTP terlalu lama.", message_id="<twice@example.id>", sent_at=T0,
    )  # fmt: skip


@pytest.mark.django_db
def test_the_same_message_delivered_twice_into_the_mailbox_is_one_complaint(kedopok, channels):
    maildir = channels.PELAYAN_INBOUND_MAILDIR
    maildir_deliver(maildir, "1.mx", message(), delivered_at=T0)
    maildir_deliver(maildir, "2.mx", message(), delivered_at=T0)

    result = inbound_email_poll()

    assert (result.read, result.stored, result.repeated) == (2, 1, 1)
    assert Complaint.objects.count() == 1 and InboundMessageRecord.objects.count() == 1
    assert Complaint.objects.get().register_number == 1
    assert sorted(p.name for p in (maildir / "cur").iterdir()) == ["1.mx:2,S", "2.mx:2,S"]


@pytest.mark.django_db
def test_a_crash_between_storing_and_marking_does_not_make_a_second_complaint(kedopok, channels, monkeypatch):
    maildir = channels.PELAYAN_INBOUND_MAILDIR
    maildir_deliver(maildir, "1.mx", message(), delivered_at=T0)

    def crash(self, mail):
        raise SystemExit("the worker died before marking the message")

    with monkeypatch.context() as patched:
        patched.setattr(MaildirSource, "done", crash)
        with pytest.raises(SystemExit):
            inbound_email_poll()
    assert Complaint.objects.count() == 1
    assert [p.name for p in (maildir / "new").iterdir()] == ["1.mx"]  # still unmarked

    result = inbound_email_poll()

    assert (result.read, result.stored, result.repeated) == (1, 0, 1)
    assert Complaint.objects.count() == 1
    assert [p.name for p in (maildir / "cur").iterdir()] == ["1.mx:2,S"]
