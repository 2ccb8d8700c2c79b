"""The PKCS#11 signer: the key sits on a token (SoftHSM2 here), unlocked by the PIN the official
types at the sign step; a wrong PIN is a failure with the reason."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from documents.ca import issue_pkcs12
from documents.models import DocumentStatus, SignerKind, SigningIdentity
from documents.selectors import document_verdict
from documents.services import case_sign
from documents.signers import SigningFailed
from tests.documents.conftest import T0

MODULE = "/usr/lib/softhsm/libsofthsm2.so"
pytestmark = pytest.mark.skipif(
    shutil.which("softhsm2-util") is None or not Path(MODULE).exists(), reason="needs SoftHSM2 (apt softhsm2)"
)
PIN = "246810"


@pytest.fixture
def token_camat(camat, demo_ca, tmp_path, monkeypatch):
    pytest.importorskip("pkcs11")
    (tmp_path / "tokens").mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tmp_path / 'tokens'}\nobjectstore.backend = file\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    data, pem = issue_pkcs12(
        common_name="Budi Santoso", title="Camat Kedopok", serial_hint="token", passphrase=None
    )
    key, _cert, _chain = pkcs12.load_key_and_certificates(data, None)
    key_file = tmp_path / "key.pem"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    run = {
        "check": True,
        "capture_output": True,
        "env": {"SOFTHSM2_CONF": str(conf), "PATH": "/usr/bin:/bin"},
    }
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "pelayan", "--pin", PIN,  # noqa: S603, S607
                    "--so-pin", "135790"], **run)  # fmt: skip
    subprocess.run(["softhsm2-util", "--import", str(key_file), "--token", "pelayan", "--label", "camat",  # noqa: S603, S607
                    "--id", "01", "--pin", PIN], **run)  # fmt: skip
    key_file.unlink()
    SigningIdentity.objects.create(user=camat, kind=SignerKind.PKCS11, name="Budi Santoso", title="Camat Kedopok",
                                   locator=f"{MODULE}#pelayan#camat", certificate_pem=pem)  # fmt: skip
    return camat


@pytest.mark.django_db
def test_the_token_signs_with_the_right_pin_and_refuses_a_wrong_one(case_at_signing, token_camat):
    with pytest.raises(SigningFailed) as refused:
        case_sign(
            case=case_at_signing, actor=token_camat, passphrase="000000", now=T0 + dt.timedelta(minutes=5)
        )
    assert "PIN" in refused.value.reason

    result = case_sign(
        case=case_at_signing, actor=token_camat, passphrase=PIN, now=T0 + dt.timedelta(minutes=6)
    )

    assert (
        result.document.status == DocumentStatus.SIGNED and result.document.signer_kind == SignerKind.PKCS11
    )
    assert document_verdict(result.document).genuine
