"""While the BSrE-shaped service signs the camat's letter, the letter is visibly ``signing`` (a
committed state, seen by the API); afterwards it is ``signed`` or ``failed``. An attempt cut off
half-way (the process stopped) is not stuck: after PELAYAN_SIGNING_TIMEOUT_SECONDS it counts as
failed and signing again succeeds with the same number and code."""

from __future__ import annotations

import datetime as dt

import pytest

from cases.services import Conflict
from documents import signers
from documents.ca import issue_pkcs12
from documents.models import Document, DocumentStatus, SignerKind, SigningIdentity
from documents.services import case_sign
from documents.signers import LocalFakeBsre, SigningFailed
from tests.documents.conftest import T0

NIK = "3574010101800002"
PASSPHRASE = "rahasia-bsre-2"


class Crash(BaseException):
    """The process stops in the middle of the remote call (nothing after it runs)."""


class WatchedBsre(LocalFakeBsre):
    """The local fake, with a look at the case's documents over the API while it signs."""

    def __init__(self, look):
        super().__init__()
        self.look = look
        self.seen: list[dict] = []
        self.crash = False

    def post_sign(self, **kwargs):
        self.seen.append(self.look())
        if self.crash:
            raise Crash
        return super().post_sign(**kwargs)


@pytest.fixture
def bsre(case_at_signing, camat, demo_ca, client, monkeypatch):
    client.force_login(camat)

    def look():
        response = client.get(f"/api/v1/cases/{case_at_signing.display_number}/documents")
        assert response.status_code == 200, response.content
        [document] = response.json()
        return document

    fake = WatchedBsre(look)
    pkcs12, pem = issue_pkcs12(common_name="Budi Santoso", title="Camat Kedopok", serial_hint=NIK,
                               passphrase=PASSPHRASE)  # fmt: skip
    fake.enrol(nik=NIK, pkcs12=pkcs12, passphrase=PASSPHRASE)
    monkeypatch.setattr(signers, "remote_transport", lambda: fake)
    SigningIdentity.objects.create(user=camat, kind=SignerKind.REMOTE, name="Budi Santoso", title="Camat Kedopok",
                                   nik=NIK, certificate_pem=pem)  # fmt: skip
    return fake


def sign(case, camat, passphrase=PASSPHRASE, minute=6):
    return case_sign(case=case, actor=camat, passphrase=passphrase, now=T0 + dt.timedelta(minutes=minute))


@pytest.mark.django_db
def test_the_letter_is_signing_during_the_remote_call_and_signed_after(case_at_signing, camat, bsre):
    result = sign(case_at_signing, camat)

    assert [seen["status"] for seen in bsre.seen] == ["signing"]
    assert bsre.seen[0]["signed_at"] is None
    assert result.document.status == DocumentStatus.SIGNED
    assert bsre.look()["status"] == "signed"
    assert result.case.step == "kembali-kecamatan"


@pytest.mark.django_db
def test_a_refusal_of_the_service_leaves_the_letter_failed_with_the_reason(case_at_signing, camat, bsre):
    with pytest.raises(SigningFailed):
        sign(case_at_signing, camat, passphrase="keliru")

    assert bsre.seen[0]["status"] == "signing"
    after = bsre.look()
    assert after["status"] == "failed" and "Passphrase salah" in after["failure_reason"]
    case_at_signing.refresh_from_db()
    assert case_at_signing.step == "tandatangan"


@pytest.mark.django_db
def test_a_cut_off_attempt_is_retried_after_the_timeout(case_at_signing, camat, bsre, settings):
    bsre.crash = True
    with pytest.raises(Crash):
        sign(case_at_signing, camat)
    bsre.crash = False
    cut_off = Document.objects.get(case=case_at_signing)
    assert cut_off.status == DocumentStatus.SIGNING  # committed before the call, left as it was
    assert bsre.look()["status"] == "signing"

    # Within the timeout, another attempt is told the letter is being signed.
    with pytest.raises(Conflict) as busy:
        sign(case_at_signing, camat, minute=7)
    assert busy.value.fields == {"document": "signing"}
    case_at_signing.refresh_from_db()
    assert case_at_signing.step == "tandatangan"

    # Past it, the attempt counts as failed, and signing again works on the same letter.
    started = cut_off.signing_started_at - dt.timedelta(seconds=settings.PELAYAN_SIGNING_TIMEOUT_SECONDS + 1)
    Document.objects.filter(pk=cut_off.pk).update(signing_started_at=started)
    shown = bsre.look()
    assert shown["status"] == "failed" and "terhenti" in shown["failure_reason"]

    result = sign(case_at_signing, camat, minute=8)

    assert result.document.pk == cut_off.pk
    assert (result.document.number, result.document.public_code) == (cut_off.number, cut_off.public_code)
    assert result.document.status == DocumentStatus.SIGNED
    assert result.case.step == "kembali-kecamatan"
