"""Banten: an e-mail request received on Friday 27 November 2026 at 16:40 WIB, after Friday's
16:30 closing, counts as received on Monday 30 November. Its receipt goes out at once; "maksimal
1 (satu) hari" for the reply letter is one working day after that Monday: Tuesday 1 December 16:00.
Once the letter is sent, the consultation must take place within 3 working days of it, and no slot
after that is offered or accepted."""

from __future__ import annotations

import datetime as dt

import pytest

from calendars.models import SlaClock
from consultations.models import Room
from consultations.services import (
    InvalidInput,
    consultation_decide,
    consultation_dispose,
    consultation_request_submit,
    slots_free,
)
from documents.models import Document, DocumentKind
from notifications.models import OutboundMessage
from tests.consultations.conftest import WIB, a_form, login

FRIDAY_LATE = dt.datetime(2026, 11, 27, 16, 40, tzinfo=WIB)


@pytest.mark.django_db
def test_the_receipt_is_sent_at_once_and_the_reply_is_due_tuesday_at_four(
    banten_service, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submitted = consultation_request_submit(
            service=banten_service, form=a_form(), channel="email", now=FRIDAY_LATE
        )
    case = submitted.request.case
    receipt = Document.objects.get(case=case, kind=DocumentKind.RECEIPT)
    assert receipt.issued_on == dt.date(2026, 11, 27)
    message = OutboundMessage.objects.get(case=case)
    assert message.to == "rina@example.org" and case.display_number in message.subject
    assert message.attachments.count() == 1
    reply = SlaClock.objects.get(target_id=str(case.pk), step_id="surat-jawaban")
    assert reply.due_at.astimezone(WIB) == dt.datetime(2026, 12, 1, 16, 0, tzinfo=WIB)
    assert case.step == "surat-2"  # the front office still records it in the letter book


@pytest.mark.django_db
def test_the_consultation_is_offered_within_three_working_days_of_the_letter(banten_service):
    request = consultation_request_submit(
        service=banten_service, form=a_form(), channel="letter", actor=login("perkim-banten.front-office"),
        received_at=FRIDAY_LATE, now=FRIDAY_LATE + dt.timedelta(minutes=5),
    ).request  # fmt: skip
    monday = dt.datetime(2026, 11, 30, 9, 0, tzinfo=WIB)
    officer = login("perkim-banten.petugas-konsultasi")
    consultation_dispose(request=request, by=login("perkim-banten.pimpinan"), version=request.case.version,
                         officer=officer, now=monday)  # fmt: skip
    request.refresh_from_db()
    sent = dt.datetime(2026, 11, 30, 10, 0, tzinfo=WIB)
    aula = Room.objects.get(agency=request.agency, name="Aula")
    offered = slots_free(request=request, officer=officer, room=aula, now=sent, limit=100)
    assert offered[0] == dt.datetime(2026, 11, 30, 10, 30, tzinfo=WIB)
    assert offered[-1] == dt.datetime(2026, 12, 3, 15, 0, tzinfo=WIB)  # Thursday's last slot ends at 16:00

    with pytest.raises(InvalidInput) as late:
        consultation_decide(
            request=request, officer=officer, accept=True, version=request.case.version, mode="face_to_face",
            room=aula, starts_at=dt.datetime(2026, 12, 4, 8, 30, tzinfo=WIB), contact_person="Andi, 0812 1111 2222",
            now=sent,
        )  # fmt: skip
    assert set(late.value.fields) == {"starts_at"}

    request = consultation_decide(
        request=request, officer=officer, accept=True, version=request.case.version, mode="face_to_face",
        room=aula, starts_at=offered[-1], contact_person="Andi, 0812 1111 2222", now=sent,
    )  # fmt: skip
    held = SlaClock.objects.get(target_id=str(request.case.pk), step_id="pelaksanaan-konsultasi")
    assert held.due_at.astimezone(WIB) == dt.datetime(2026, 12, 3, 16, 0, tzinfo=WIB)
    answered = SlaClock.objects.get(target_id=str(request.case.pk), step_id="surat-jawaban")
    assert answered.state == "met"
    assert request.case.step == "surat-5"
    letter = Document.objects.get(case=request.case, kind=DocumentKind.REPLY_LETTER)
    assert "Aula" in letter.context["details"]["tempat"]
