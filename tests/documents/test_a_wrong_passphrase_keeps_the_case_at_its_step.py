"""A failed signature keeps the task open with the reason and leaves nothing half signed; signing
again reuses the same document, number and code; the passphrase is never stored."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.models import AuditEvent
from documents.models import Document, DocumentStatus, NumberCounter
from documents.services import case_sign, signing_identity_issue
from documents.signers import SigningFailed
from tests.documents.conftest import T0

PASSPHRASE = "kata-sandi-camat-2026"


@pytest.mark.django_db
def test_a_wrong_passphrase_fails_and_the_right_one_then_signs_the_same_letter(
    case_at_signing, camat, demo_ca
):
    signing_identity_issue(user=camat, passphrase=PASSPHRASE)

    with pytest.raises(SigningFailed) as failed:
        case_sign(
            case=case_at_signing, actor=camat, passphrase="salah-sekali", now=T0 + dt.timedelta(minutes=5)
        )

    case_at_signing.refresh_from_db()
    assert case_at_signing.step == "tandatangan"
    document = Document.objects.get(case=case_at_signing)
    assert document.status == DocumentStatus.FAILED
    assert document.failure_reason == failed.value.reason and "Passphrase" in document.failure_reason
    assert document.file.name == document.rendered_file.name

    result = case_sign(
        case=case_at_signing, actor=camat, passphrase=PASSPHRASE, now=T0 + dt.timedelta(minutes=6)
    )

    assert result.case.step == "kembali-kecamatan"
    assert result.document.pk == document.pk and result.document.status == DocumentStatus.SIGNED
    assert result.document.number == document.number == "300/001/Kedopok/2026"
    assert NumberCounter.objects.get().last == 1
    events = AuditEvent.objects.filter(action__startswith="document.")
    assert list(events.order_by("id").values_list("action", flat=True)) == [
        "document.rendered", "document.signing_failed", "document.signed",
    ]  # fmt: skip
    assert not any(PASSPHRASE in str(e.data) or "salah-sekali" in str(e.data) for e in events)


@pytest.mark.django_db
def test_no_passphrase_for_an_identity_that_needs_one_is_a_failure(case_at_signing, camat, demo_ca):
    signing_identity_issue(user=camat, passphrase=PASSPHRASE)

    with pytest.raises(SigningFailed):
        case_sign(case=case_at_signing, actor=camat, now=T0 + dt.timedelta(minutes=5))

    case_at_signing.refresh_from_db()
    assert case_at_signing.step == "tandatangan"
