"""Service guarantee: the wrong letter is revoked (its page says so), the corrected one is issued
under a new number and signed again, and a delivery to the applicant's address is made."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.models import DeliveryStatus, DocumentStatus
from documents.selectors import case_document_timeline, document_verdict
from documents.services import document_replace
from tests.documents.conftest import T0
from tests.documents.helpers import signed_letter


@pytest.mark.django_db
def test_the_wrong_letter_is_revoked_and_the_corrected_one_delivered(case_at_signing, camat, demo_ca, client):
    wrong = signed_letter(case_at_signing, camat).document

    replaced = document_replace(
        document=wrong, actor=camat, reason="Tanggal kegiatan salah tulis",
        corrections={"waktu": "18 November 2026"}, now=T0 + dt.timedelta(days=1),
    )  # fmt: skip

    wrong.refresh_from_db()
    assert wrong.status == DocumentStatus.REVOKED
    new = replaced.document
    assert new.replaces_id == wrong.pk and new.status == DocumentStatus.SIGNED
    assert new.number == "300/002/Kedopok/2026"
    assert new.context["details"]["waktu"] == "18 November 2026"
    assert document_verdict(new).genuine and not document_verdict(wrong).genuine
    assert replaced.delivery.address == "Jl. Mawar 3, Kedopok"
    assert replaced.delivery.status == DeliveryStatus.PENDING
    page = client.get(f"/v/{wrong.public_code}").content.decode()
    assert "DICABUT" in page and "Tanggal kegiatan salah tulis" in page and new.number in page
    kinds = [entry.kind for entry in case_document_timeline(case=case_at_signing)]
    assert kinds.count("revoked") == 1 and kinds.count("delivery") == 1 and kinds.count("signed") == 2
