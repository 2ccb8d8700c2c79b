"""An e-mail to the address Banten's consultation standard names, speaking of a consultation,
becomes a request with its receipt: the subject is the topic, the ID card attached is stored under
"foto kopi kartu identitas", and the same message read twice makes one request."""

from __future__ import annotations

import datetime as dt

import pytest

from cases.models import CaseFile
from consultations.inbound import consultation_from_inbound, consultation_service_for, handle_inbound
from consultations.models import ConsultationRequest
from documents.models import Document, DocumentKind
from pelayan.lib.inbound import InboundAttachment, InboundMessage
from tests.consultations.conftest import WIB

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def message(**changes) -> InboundMessage:
    values = dict(
        channel="email", provider="maildir", provider_message_id="<m1@example.org>",
        sender="Rina <rina@example.org>", sender_name="Rina Wulandari",
        recipient="perkimbantenprovinsi@gmail.com", subject="Permohonan konsultasi bedah rumah",
        body="Kami memohon konsultasi tentang program bedah rumah.",
        received_at=dt.datetime(2026, 11, 27, 16, 40, tzinfo=WIB),
        attachments=(InboundAttachment("ktp.png", "image/png", PNG),),
    )  # fmt: skip
    values.update(changes)
    return InboundMessage(**values)


@pytest.mark.django_db
def test_the_message_becomes_one_request_with_its_receipt(banten_service):
    assert consultation_service_for(message()) == banten_service
    first = consultation_from_inbound(message=message(), service=banten_service)
    again = consultation_from_inbound(message=message(), service=banten_service)
    assert again.request.pk == first.request.pk and again.pin is None
    request = ConsultationRequest.objects.get()
    assert request.topic == "Permohonan konsultasi bedah rumah"
    assert request.case.applicant_email == "rina@example.org" and request.case.channel == "email"
    assert CaseFile.objects.get(case=request.case).requirement == "fotokopi-identitas"
    assert Document.objects.filter(case=request.case, kind=DocumentKind.RECEIPT).count() == 1


@pytest.mark.django_db
def test_the_handler_makes_a_request_or_hands_the_message_to_the_complaints(banten_service):
    from complaints.models import Complaint

    number = handle_inbound(message())
    assert ConsultationRequest.objects.get().case.display_number == number
    handle_inbound(
        message(provider_message_id="<m2@example.org>", subject="Jalan rusak", body="Mohon diperbaiki")
    )
    assert Complaint.objects.filter(agency=banten_service.agency).count() == 1


@pytest.mark.django_db
def test_a_message_that_is_not_about_a_consultation_is_left_to_the_complaints(banten_service):
    assert consultation_service_for(message(subject="Jalan rusak", body="Mohon diperbaiki")) is None
    assert consultation_service_for(message(subject="Pengaduan layanan konsultasi")) is None
    assert consultation_service_for(message(recipient="other@example.org")) is None
