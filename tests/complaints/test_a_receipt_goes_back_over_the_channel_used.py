"""A receipt with the tracking number goes back the way the complaint came: by e-mail, WhatsApp or
SMS (the WhatsApp case is in the Kalbar journey), to the e-mail a website form was given; in person, by box or without an address nothing is
sent (the officer or the receipt page hands it over). The same message twice sends one receipt."""

from __future__ import annotations

import pytest
from django.core import mail

from complaints.models import Complaint
from complaints.services import Upload, complaint_create
from notifications.models import OutboundMessage, OutboundStatus
from tests.complaints.conftest import PDF, T0


def _receipts() -> list[OutboundMessage]:
    return list(OutboundMessage.objects.filter(dedupe_key__startswith="complaint-receipt:").order_by("pk"))


@pytest.mark.django_db
def test_an_email_complaint_gets_its_number_pin_register_and_due_day_by_email(
    kedopok, channels, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = complaint_create(
            agency=kedopok, kind="pengaduan", channel="email", content="Lampu jalan mati di RT 2.",
            name="Budi", email="Budi@Example.id", source_ref="maildir:<m1@example.id>", now=T0,
        )  # fmt: skip

    [receipt] = _receipts()
    assert (receipt.channel, receipt.to, receipt.status) == ("email", "budi@example.id", OutboundStatus.SENT)
    assert receipt.subject == f"Tanda terima pengaduan {complaint.reference}"
    assert f"Nomor registrasi: {complaint.reference}" in receipt.body
    assert f"PIN: {complaint.pin}" in receipt.body
    assert f"Nomor Buku Pengaduan: {complaint.register_label}" in receipt.body
    assert "/lacak/" in receipt.body
    [sent] = mail.outbox
    assert sent.to == ["budi@example.id"] and complaint.reference in sent.subject


@pytest.mark.django_db
def test_a_website_complaint_with_an_email_gets_the_receipt_by_email_and_one_without_gets_none(
    client, kedopok, bangli, channels
):
    page = client.get("/pengaduan/kec-kedopok/")
    response = client.post("/pengaduan/kec-kedopok/", {
        "kunci": page.context["form"].initial["kunci"], "kind": "pengaduan", "content": "Jalan rusak",
        "name": "Ani", "occupation": "Guru", "address": "Kedopok", "email": "ani@example.id",
    })  # fmt: skip
    assert response.status_code == 302
    complaint = Complaint.objects.get(agency=kedopok)
    [receipt] = _receipts()
    assert (receipt.channel, receipt.to) == ("email", "ani@example.id")
    assert complaint.reference in receipt.subject
    page = client.get(response["Location"])
    assert "Salinan tanda terima ini dikirim ke ani@example.id." in page.content.decode()

    complaint_create(
        agency=bangli, kind="pengaduan", channel="website", content="Izin belum selesai.",
        name="Komang", address="Bangli", files=[Upload(name="ktp.pdf", content=PDF)], source_ref="web:x1",
    )  # fmt: skip
    assert len(_receipts()) == 1  # no address to send the Bangli one to: the receipt page shows it


@pytest.mark.django_db
def test_a_complaint_recorded_in_person_sends_nothing_even_with_an_email(kedopok, officer, channels):
    complaint_create(
        agency=kedopok, kind="pengaduan", channel="in_person", content="Antrean terlalu lama.",
        name="Sari", email="sari@example.id", created_by=officer("kec-kedopok.petugas-pengaduan"),
    )  # fmt: skip

    assert _receipts() == []


@pytest.mark.django_db
def test_the_same_message_delivered_twice_sends_one_receipt(kedopok, channels):
    for _ in range(2):
        complaint_create(
            agency=kedopok, kind="pengaduan", channel="email", content="Lampu jalan mati.",
            email="budi@example.id", source_ref="maildir:<same@example.id>", now=T0,
        )  # fmt: skip

    assert Complaint.objects.count() == 1
    assert len(_receipts()) == 1
