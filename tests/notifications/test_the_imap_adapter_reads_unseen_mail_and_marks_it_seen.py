"""The IMAP adapter (tested with a fake server object, never the network): it logs in, reads the
unseen messages without marking them, stores each once and only then flags it Seen (or moves it
to the processed folder); a message over the size bound is read by its header only and kept as
rejected; one that no agency publishes the address of is kept, unhandled."""

from __future__ import annotations

import datetime as dt

import pytest

from notifications.inbound.email import ImapSource
from notifications.models import InboundMessageRecord, InboundStatus
from notifications.services import inbound_email_poll
from tests.channels import eml
from tests.notifications import handlers

SENT = dt.datetime(2026, 11, 4, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


class FakeImap:
    """Just enough of imaplib.IMAP4_SSL: LOGIN, SELECT, UID SEARCH/FETCH/STORE/COPY, EXPUNGE."""

    def __init__(self, messages: dict[bytes, bytes]) -> None:
        self.messages = messages
        self.flags: dict[bytes, set[str]] = {uid: set() for uid in messages}
        self.log: list[tuple] = []

    def login(self, user, password):
        self.log.append(("LOGIN", user))
        return "OK", [b"Logged in"]

    def select(self, mailbox):
        self.log.append(("SELECT", mailbox))
        return "OK", [str(len(self.messages)).encode()]

    def uid(self, command, *args):
        self.log.append((command, *args))
        if command == "SEARCH":
            unseen = [u for u in sorted(self.messages) if "\\Seen" not in self.flags[u]]
            return "OK", [b" ".join(unseen)]
        uid = args[0] if isinstance(args[0], bytes) else args[0].encode()
        if command == "FETCH":
            raw = self.messages[uid]
            if args[1] == "(RFC822.SIZE INTERNALDATE)":
                return "OK", [
                    b'1 (UID %s RFC822.SIZE %d INTERNALDATE "04-Nov-2026 09:00:05 +0700")' % (uid, len(raw))
                ]
            part = raw.split(b"\n\n", 1)[0] + b"\n\n" if "HEADER" in args[1] else raw
            return "OK", [(b"1 (UID %s BODY[] {%d}" % (uid, len(part)), part), b")"]
        if command == "STORE":
            self.flags[uid] |= set(args[2].strip("()").split())
            return "OK", [b""]
        if command == "COPY":
            return "OK", [b""]
        raise AssertionError(command)

    def expunge(self):
        self.log.append(("EXPUNGE",))
        return "OK", [b""]

    def logout(self):
        self.log.append(("LOGOUT",))
        return "BYE", [b""]


def source(fake: FakeImap, **extra) -> ImapSource:
    options = {
        "host": "imap.example.id", "port": 993, "user": "pengaduan", "password": "secret",
        "mailbox": "INBOX", "processed_mailbox": "", "timeout": 5, "max_bytes": 10_000,
        "connect": lambda: fake, **extra,
    }  # fmt: skip
    return ImapSource(**options)


def message(n: int, body: str = "Isi pengaduan.") -> bytes:
    return eml(sender=f"warga{n}@example.id", to="pengaduan@example.go.id", subject=f"Aduan {n}",
               body=body, message_id=f"<imap-{n}@example.id>", sent_at=SENT)  # fmt: skip


@pytest.fixture(autouse=True)
def counting_handler(settings):
    settings.PELAYAN_INBOUND_HANDLER = "tests.notifications.handlers.record"
    handlers.handled.clear()


@pytest.mark.django_db
def test_unseen_mail_is_stored_once_then_flagged_seen():
    fake = FakeImap({b"11": message(1), b"12": message(2)})

    first = inbound_email_poll(source=source(fake))
    second = inbound_email_poll(source=source(fake))

    assert (first.read, first.stored) == (2, 2)
    assert second.read == 0
    assert fake.flags == {b"11": {"\\Seen"}, b"12": {"\\Seen"}}
    assert ("LOGIN", "pengaduan") in fake.log and fake.log[-1] == ("LOGOUT",)
    # Read with PEEK, so the server does not mark a message seen before it is stored.
    assert ("FETCH", b"11", "(BODY.PEEK[])") in fake.log
    records = InboundMessageRecord.objects.order_by("provider_message_id")
    assert [(r.provider, r.provider_message_id, r.sender, r.status) for r in records] == [
        ("imap", "imap-1@example.id", "warga1@example.id", InboundStatus.HANDLED),
        ("imap", "imap-2@example.id", "warga2@example.id", InboundStatus.HANDLED),
    ]
    assert records[0].received_at == dt.datetime(2026, 11, 4, 2, 0, 5, tzinfo=dt.UTC)
    assert [m.subject for m in handlers.handled] == ["Aduan 1", "Aduan 2"]


@pytest.mark.django_db
def test_with_a_processed_folder_the_message_is_moved_there():
    fake = FakeImap({b"21": message(3)})

    inbound_email_poll(source=source(fake, processed_mailbox="Diproses"))

    assert ("COPY", "21", "Diproses") in fake.log and ("EXPUNGE",) in fake.log
    assert fake.flags[b"21"] == {"\\Deleted", "\\Seen"}


@pytest.mark.django_db
def test_a_message_over_the_bound_is_read_by_its_header_and_kept_rejected():
    fake = FakeImap({b"31": message(4, body="x" * 20_000)})

    result = inbound_email_poll(source=source(fake))

    assert result.stored == 1
    assert ("FETCH", b"31", "(BODY.PEEK[HEADER])") in fake.log
    record = InboundMessageRecord.objects.get()
    assert (record.status, record.subject, record.body) == (InboundStatus.REJECTED, "Aduan 4", "")
    assert handlers.handled == []
    assert fake.flags[b"31"] == {"\\Seen"}


@pytest.mark.django_db
def test_mail_to_an_address_no_agency_publishes_is_kept_unhandled(settings):
    settings.PELAYAN_INBOUND_HANDLER = "complaints.inbound.handle_inbound"
    fake = FakeImap({b"41": message(5)})

    inbound_email_poll(source=source(fake))

    record = InboundMessageRecord.objects.get()
    assert record.status == InboundStatus.UNHANDLED
    assert record.error.startswith("UnknownRecipient")
