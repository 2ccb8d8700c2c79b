"""Kedopok, end to end by e-mail: a real message dropped into the Maildir becomes a complaint on
the e-mail track when the mailbox is polled; the answer goes back by e-mail with the reference in
its subject; the citizen's "Re: …" threads into the same complaint; the recap reaches the Kasi
Pelayanan and the Sekretaris Kecamatan by e-mail and in their workspace, also on schedule."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from cases.models import CaseEvent, CaseEventKind, CaseStatus
from complaints.models import Complaint, Recap
from complaints.selectors import recaps_for_user
from complaints.services import complaint_act, recap_deliver, recaps_scheduled
from notifications.models import InboundMessageRecord
from tests.channels import eml, maildir_deliver
from tests.complaints.conftest import PDF, T0, WIB


def poll() -> str:
    out = StringIO()
    call_command("inbound_poll", stdout=out)
    return out.getvalue()


def walk_to_the_answer(complaint: Complaint, officer) -> Complaint:
    for username, action, extra in [
        ("kec-kedopok.petugas-pengaduan", "catat", {}),
        ("kec-kedopok.kasi-pelayanan", "teruskan-sekcam", {}),
        ("kec-kedopok.sekcam", "koordinasikan", {"unit": "seksi-trantib"}),
        ("kec-kedopok.seksi-trantib.staf-seksi", "tindak-lanjut", {}),
    ]:
        current = Complaint.objects.select_related("case").get(pk=complaint.pk)
        complaint_act(
            complaint=current, actor=officer(username), action=action, version=current.case.version, **extra
        )
    return Complaint.objects.select_related("case").get(pk=complaint.pk)


@pytest.mark.django_db
def test_an_emailed_complaint_is_answered_by_email_and_the_reply_threads_into_it(
    kedopok, officer, channels, django_capture_on_commit_callbacks
):
    maildir = channels.PELAYAN_INBOUND_MAILDIR
    raw = eml(
        sender="Bu Sumarni <Sumarni@Example.id>",
        to="Kecamatan Kedopok <kec.kedopok@gmail.com>",
        subject="Lampu penerangan jalan mati",
        body="Lampu penerangan jalan di RT 02 RW 01 mati sejak seminggu.",
        message_id="<20261104.1@example.id>",
        sent_at=T0,
        attachments=(("foto.pdf", "application/pdf", PDF), ("logo.gif", "image/gif", b"GIF89a" + b"\0" * 20)),
    )
    maildir_deliver(maildir, "1730685600.M1P1.mx", raw, delivered_at=T0)

    output = poll()

    complaint = Complaint.objects.select_related("case").get()
    assert f"+ {complaint.reference}" in output and "1 stored" in output
    assert (complaint.agency, complaint.channel, complaint.reply_address, complaint.email, complaint.name) == (
        kedopok, "email", "sumarni@example.id", "sumarni@example.id", "Bu Sumarni",
    )  # fmt: skip
    assert complaint.received_at == T0
    assert complaint.case.step == "catat"
    assert complaint.content.startswith("Lampu penerangan jalan mati\n\nLampu penerangan jalan di RT 02")
    # The PDF is evidence; the GIF stays on the stored message only.
    assert [f.name for f in complaint.files.all()] == ["foto.pdf"]
    assert InboundMessageRecord.objects.get().attachments.count() == 2
    # Processed: moved to cur/ with the Seen flag, so the next poll reads nothing.
    assert list((maildir / "new").iterdir()) == []
    assert [p.name for p in (maildir / "cur").iterdir()] == ["1730685600.M1P1.mx:2,S"]
    assert "0 read" in poll()

    ready = walk_to_the_answer(complaint, officer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        done = complaint_act(
            complaint=ready, actor=officer("kec-kedopok.petugas-pengaduan"), action="sampaikan-hasil",
            version=ready.case.version, answer="Lampu sudah diganti oleh Seksi Trantib.",
        )  # fmt: skip
    assert done.case.status == CaseStatus.COMPLETED and done.answered_via == "email"
    [answer] = mail.outbox
    assert answer.to == ["sumarni@example.id"]
    assert complaint.reference in answer.subject
    assert answer.body == "Lampu sudah diganti oleh Seksi Trantib."

    reply = eml(
        sender="Sumarni <sumarni@example.id>",
        to="kec.kedopok@gmail.com",
        # A mail client's reply as citizens write it: only the bracketed reference is ours.
        subject=f"Re: [Pengaduan {complaint.reference}] Lampu penerangan jalan mati",
        body="Terima kasih, lampu sudah menyala.\n\n> Lampu sudah diganti",
        message_id="<20261106.2@example.id>",
        sent_at=T0 + dt.timedelta(days=2),
    )
    maildir_deliver(maildir, "1730858400.M2P1.mx", reply, delivered_at=T0 + dt.timedelta(days=2))
    assert "1 stored" in poll()

    assert Complaint.objects.count() == 1
    [event] = CaseEvent.objects.filter(case=complaint.case, kind=CaseEventKind.REPLY_RECEIVED)
    assert event.note.startswith("Terima kasih, lampu sudah menyala.")
    assert InboundMessageRecord.objects.get(provider_message_id="20261106.2@example.id").reference == (
        complaint.reference
    )

    # A reply whose subject lost the reference still threads by the Message-ID it answers.
    bare = eml(
        sender="sumarni@example.id", to="kec.kedopok@gmail.com", subject="Tambahan",
        body="Satu lagi: lampu di RT 03 juga mati.", message_id="<20261107.3@example.id>",
        sent_at=T0 + dt.timedelta(days=3), in_reply_to=answer.extra_headers["Message-ID"],
    )  # fmt: skip
    maildir_deliver(maildir, "1730944800.M3P1.mx", bare, delivered_at=T0 + dt.timedelta(days=3))
    poll()

    assert Complaint.objects.count() == 1
    assert CaseEvent.objects.filter(case=complaint.case, kind=CaseEventKind.REPLY_RECEIVED).count() == 2


@pytest.mark.django_db
def test_a_reply_from_another_address_does_not_thread_into_the_complaint(kedopok, channels):
    maildir = channels.PELAYAN_INBOUND_MAILDIR
    first = eml(sender="sumarni@example.id", to="kec.kedopok@gmail.com", subject="Jalan rusak",
                body="Jalan desa rusak.", message_id="<a@example.id>", sent_at=T0)  # fmt: skip
    maildir_deliver(maildir, "1.mx", first, delivered_at=T0)
    poll()
    reference = Complaint.objects.get().reference
    other = eml(sender="orang.lain@example.id", to="kec.kedopok@gmail.com",
                subject=f"Re: [Pengaduan {reference}] Jalan rusak", body="Saya juga.",
                message_id="<b@example.id>", sent_at=T0)  # fmt: skip
    maildir_deliver(maildir, "2.mx", other, delivered_at=T0 + dt.timedelta(minutes=5))
    poll()

    assert Complaint.objects.count() == 2
    assert not CaseEvent.objects.filter(kind=CaseEventKind.REPLY_RECEIVED).exists()


@pytest.mark.django_db
def test_the_recap_reaches_kasi_pelayanan_and_sekcam_by_email_and_in_their_workspace(
    kedopok, officer, channels, django_capture_on_commit_callbacks
):
    maildir = channels.PELAYAN_INBOUND_MAILDIR
    raw = eml(sender="warga@example.id", to="kec.kedopok@gmail.com", subject="Antrian",
              body="Antrian KTP lama.", message_id="<c@example.id>", sent_at=T0)  # fmt: skip
    maildir_deliver(maildir, "3.mx", raw, delivered_at=T0)
    poll()
    recipients = {}
    for username in ("kec-kedopok.kasi-pelayanan", "kec-kedopok.sekcam", "kec-kedopok.camat"):
        user = officer(username)
        user.email = f"{username.split('.')[-1]}@kedopok.example.id"
        user.save(update_fields=["email"])
        recipients[username] = user
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        recap = recap_deliver(agency=kedopok, period="month", day=T0.date())
    assert recap.figures["total"] == 1 and recap.figures["by_channel"] == {"email": 1}
    assert sorted(m.to[0] for m in mail.outbox) == [
        "kasi-pelayanan@kedopok.example.id",
        "sekcam@kedopok.example.id",
    ]
    assert all("Jumlah pengaduan: 1" in m.body for m in mail.outbox)
    for username in ("kec-kedopok.kasi-pelayanan", "kec-kedopok.sekcam"):
        assert recaps_for_user(user=recipients[username]) == [recap]
    assert recaps_for_user(user=recipients["kec-kedopok.camat"]) == []

    # The same figures delivered again send nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        recap_deliver(agency=kedopok, period="month", day=T0.date())
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_the_worker_recaps_the_last_whole_month_once(kedopok, channels, django_capture_on_commit_callbacks):
    first_of_december = dt.datetime(2026, 12, 1, 0, 30, tzinfo=WIB)

    with django_capture_on_commit_callbacks(execute=True):
        made = recaps_scheduled(now=first_of_december, period="month")
    again = recaps_scheduled(now=first_of_december + dt.timedelta(hours=1), period="month")

    assert [(r.agency, r.period, r.start, r.end) for r in made] == [
        (kedopok, "month", dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    ]
    assert again == []
    assert Recap.objects.count() == 1
