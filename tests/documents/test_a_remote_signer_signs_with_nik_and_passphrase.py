"""The BSrE-shaped remote signer: the PDF goes out with NIK and passphrase and comes back signed;
a wrong passphrase is the service's refusal, shown as the reason. Locally the fake answers."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.ca import issue_pkcs12
from documents.models import DocumentStatus, SignerKind, SigningIdentity
from documents.selectors import document_verdict
from documents.services import case_sign
from documents.signers import SigningFailed, remote_transport
from tests.documents.conftest import T0

NIK = "3574010101800001"


@pytest.fixture
def remote_camat(camat, demo_ca):
    pkcs12, pem = issue_pkcs12(common_name="Budi Santoso", title="Camat Kedopok", serial_hint=NIK,
                               passphrase="rahasia-bsre-1")  # fmt: skip
    remote_transport().enrol(nik=NIK, pkcs12=pkcs12, passphrase="rahasia-bsre-1")
    SigningIdentity.objects.create(user=camat, kind=SignerKind.REMOTE, name="Budi Santoso", title="Camat Kedopok",
                                   nik=NIK, certificate_pem=pem)  # fmt: skip
    return camat


@pytest.mark.django_db
def test_the_remote_service_signs_and_refuses_a_wrong_passphrase(case_at_signing, remote_camat):
    with pytest.raises(SigningFailed) as refused:
        case_sign(
            case=case_at_signing, actor=remote_camat, passphrase="keliru", now=T0 + dt.timedelta(minutes=5)
        )
    assert "Passphrase salah" in refused.value.reason

    result = case_sign(case=case_at_signing, actor=remote_camat, passphrase="rahasia-bsre-1",
                       now=T0 + dt.timedelta(minutes=6))  # fmt: skip

    assert result.document.status == DocumentStatus.SIGNED
    assert result.document.signer_kind == SignerKind.REMOTE
    assert document_verdict(result.document).genuine
