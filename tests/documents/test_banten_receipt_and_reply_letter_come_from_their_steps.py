"""Banten: receiving the consultation letter gives a tanda terima; approving gives the surat jawaban
with the schedule and the contact person. Each is numbered under its own classification code."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from cases.services import Actor, Applicant, case_create
from documents.models import DocumentKind, DocumentStatus
from documents.selectors import case_documents, document_verdict
from documents.services import case_act_with_documents
from standards.models import Service
from tests.documents.conftest import T0, login


def text_of(document) -> str:
    return "".join(page.extract_text() for page in PdfReader(document.file.open("rb")).pages)


@pytest.mark.django_db
def test_the_receipt_and_the_reply_letter_are_made_by_their_steps(demo):
    service = Service.objects.get(agency__slug="perkim-banten", slug="konsultasi")
    case = case_create(
        service=service, actor=login("perkim-banten.front-office"),
        applicant=Applicant(name="LSM Rumah Layak", institution="LSM Rumah Layak", email="lsm@example.org"),
        channel="letter", received_at=T0 - dt.timedelta(minutes=30), now=T0,
    ).case  # fmt: skip

    case = case_act_with_documents(case=case, actor=login("perkim-banten.front-office"), action="terima",
                                   version=case.version, now=T0 + dt.timedelta(minutes=5))  # fmt: skip
    case = case_act_with_documents(
        case=case, actor=Actor(login("perkim-banten.pimpinan")), action="disposisi", version=case.version,
        assignee=login("perkim-banten.petugas-konsultasi"), now=T0 + dt.timedelta(minutes=60),
    )  # fmt: skip
    case = case_act_with_documents(
        case=case, actor=login("perkim-banten.petugas-konsultasi"), action="setujui", version=case.version,
        details={"jadwal": "Kamis, 5 November 2026 pukul 10.00 WIB", "narahubung": "Sdr. Andi, 0812 1111 2222"},
        now=T0 + dt.timedelta(minutes=120),
    )  # fmt: skip

    receipt, reply = case_documents(case=case)
    assert (receipt.kind, receipt.step, receipt.number) == (
        DocumentKind.RECEIPT,
        "surat-2",
        "000.5/001/Perkim/2026",
    )
    assert (reply.kind, reply.step, reply.number) == (
        DocumentKind.REPLY_LETTER,
        "surat-4",
        "600/001/Perkim/2026",
    )
    assert receipt.status == reply.status == DocumentStatus.RENDERED
    assert "TANDA TERIMA" in text_of(receipt) and "LSM Rumah Layak" in text_of(receipt)
    reply_text = text_of(reply)
    assert "5 November 2026 pukul 10.00" in reply_text and "Sdr. Andi" in reply_text
    assert "Serang, 4 November 2026" in reply_text
    assert "Telp. (0254) 267005" in reply_text and "Faks. 267006" in reply_text
    assert document_verdict(reply).genuine
