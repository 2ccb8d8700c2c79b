"""What happens to a case's letter beside its steps is on the case's own timeline too."""

from __future__ import annotations

import datetime as dt

import pytest

from cases.models import CaseEvent, CaseEventKind
from documents.services import case_sign, document_replace, signing_identity_issue
from documents.signers import SigningFailed
from tests.documents.conftest import T0
from tests.documents.helpers import signed_letter


@pytest.mark.django_db
def test_a_failed_signature_is_written_on_the_timeline_with_its_reason(case_at_signing, camat, demo_ca):
    signing_identity_issue(user=camat, passphrase="kata-sandi-camat-2026")

    with pytest.raises(SigningFailed):
        case_sign(
            case=case_at_signing, actor=camat, passphrase="salah-sekali", now=T0 + dt.timedelta(minutes=5)
        )

    event = CaseEvent.objects.get(case=case_at_signing, kind=CaseEventKind.SIGNING_FAILED)
    assert "Passphrase" in event.note and "salah-sekali" not in event.note


@pytest.mark.django_db
def test_a_replaced_product_is_written_on_the_timeline_with_the_delivery_address(
    case_at_signing, camat, demo_ca
):
    wrong = signed_letter(case_at_signing, camat).document

    replaced = document_replace(document=wrong, actor=camat, reason="Tanggal kegiatan salah tulis",
                                now=T0 + dt.timedelta(days=1))  # fmt: skip

    event = CaseEvent.objects.get(case=case_at_signing, kind=CaseEventKind.PRODUCT_REPLACED)
    assert event.note == "Tanggal kegiatan salah tulis"
    assert event.data == {
        "revoked": wrong.number, "document": replaced.document.number, "address": replaced.delivery.address,
    }  # fmt: skip
