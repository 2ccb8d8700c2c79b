"""An e-mail is read with the standard library's parser within the bounds: an HTML-only body
becomes text, attachments over the count or size are left out and noted, a message without a
Message-ID is identified by its bytes; the worker polls the mailbox on its own schedule."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

import pytest

from notifications.inbound.email import parse_email
from notifications.tasks import inbound_email_poll
from scheduling.schedule import periodic_tasks
from tests.channels import eml

AT = dt.datetime(2026, 11, 4, 2, 0, tzinfo=dt.UTC)
BOUNDS = {"body_max_chars": 50, "attachments_max": 2, "attachment_max_bytes": 100}


def test_an_html_only_body_becomes_text_and_long_bodies_are_cut():
    message = EmailMessage()
    message["From"] = "=?utf-8?q?Ni_Luh_Ay=C3=BC?= <ayu@example.id>"
    message["To"] = "a@example.id, pengaduan@example.go.id"
    message["Subject"] = "=?utf-8?q?Pengaduan_=E2=80=93_izin?="
    message.set_content(
        "<p>Izin <b>belum</b> terbit</p><script>x()</script><p>" + "z" * 80 + "</p>", subtype="html"
    )

    parsed = parse_email(message.as_bytes(), provider="maildir", received_at=AT, **BOUNDS)

    inbound = parsed.message
    assert inbound.sender_name == "Ni Luh Ayü" and inbound.sender == "ayu@example.id"
    assert inbound.recipient == "a@example.id,pengaduan@example.go.id"
    assert inbound.subject == "Pengaduan – izin"
    assert inbound.body.startswith("Izin belum terbit") and "x()" not in inbound.body
    assert len(inbound.body) <= 50 and parsed.notes == ("body cut at 50 characters",)
    assert inbound.provider_message_id.startswith("sha256:")


def test_attachments_over_the_count_or_size_are_left_out_and_noted():
    raw = eml(
        sender="w@example.id", to="p@example.go.id", subject="s", body="b", message_id="<m@x>", sent_at=AT,
        attachments=(("a.pdf", "application/pdf", b"%PDF" + b"1" * 10), ("big.pdf", "application/pdf", b"2" * 101),
                     ("b.png", "image/png", b"3" * 10), ("c.png", "image/png", b"4" * 10)),
    )  # fmt: skip

    parsed = parse_email(raw, provider="maildir", received_at=AT, **BOUNDS)

    assert [a.filename for a in parsed.message.attachments] == ["a.pdf", "b.png"]
    assert parsed.notes == (
        "attachment 'big.pdf' left out: 101 bytes",
        "attachment 'c.png' left out: more than 2",
    )
    assert parsed.message.provider_message_id == "m@x"


@pytest.mark.parametrize("kind", ["maildir", "imap"])
def test_the_worker_polls_the_configured_mailbox(settings, kind):
    settings.PELAYAN_INBOUND_EMAIL = kind
    settings.PELAYAN_INBOUND_POLL_SECONDS = 90

    [entry] = [p for p in periodic_tasks() if p.task.module_path == inbound_email_poll.module_path]

    assert entry.every == dt.timedelta(seconds=90)


def test_without_email_intake_the_worker_does_not_poll(settings):
    settings.PELAYAN_INBOUND_EMAIL = ""

    assert all(p.task.module_path != inbound_email_poll.module_path for p in periodic_tasks())
