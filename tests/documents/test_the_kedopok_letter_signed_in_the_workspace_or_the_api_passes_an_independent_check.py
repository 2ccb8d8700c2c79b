"""Issue 8's proof, end to end: the Kedopok camat signs in the workspace or over the API; the PDF
downloaded from the API validates with pyHanko's own command line (``pyhanko sign validate``,
the demo CA as the only trust root) as intact, trusted and untouched; its QR, decoded from the
rendered page image, opens /v/<code>, which says genuine; the same PDF with one byte changed is
refused by the validator and reported as modified by the page."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.services import api_token_create
from documents.services import signing_identity_issue
from tests.documents.helpers import qr_texts

PASSPHRASE = "kata-sandi-camat-2026"
PYHANKO = Path(sys.executable).parent / "pyhanko"
pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")


def pyhanko_validate(pdf: bytes, ca: Path, tmp_path: Path, name: str) -> subprocess.CompletedProcess:
    path = tmp_path / name
    path.write_bytes(pdf)
    return subprocess.run(  # noqa: S603
        [str(PYHANKO), "sign", "validate", "--trust-replace", "--trust", str(ca), str(path)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def sign_in_the_workspace(client, case, camat) -> dict:
    client.force_login(camat)
    answer = client.post(
        reverse("workspace:case_action", args=[case.display_number]),
        {"action": "tandatangani", "version": case.version, "passphrase": PASSPHRASE},
    )
    assert answer.status_code == 302, answer.content.decode()[:500]
    return {}


def sign_over_the_api(client, case, camat) -> dict:
    _token, secret = api_token_create(user=camat, name="uji")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    answer = client.post(
        f"/api/v1/cases/{case.display_number}/actions",
        {"action": "tandatangani", "version": case.version, "passphrase": PASSPHRASE},
        content_type="application/json", **auth,
    )  # fmt: skip
    assert answer.status_code == 200, answer.content
    return auth


@pytest.mark.django_db
@pytest.mark.parametrize("sign", [sign_in_the_workspace, sign_over_the_api], ids=["workspace", "api"])
def test_the_downloaded_letter_is_intact_trusted_and_genuine_and_one_changed_byte_is_not(
    sign, case_at_signing, camat, demo_ca, client, tmp_path
):
    signing_identity_issue(user=camat, passphrase=PASSPHRASE)
    auth = sign(client, case_at_signing, camat)

    [listed] = client.get(f"/api/v1/cases/{case_at_signing.display_number}/documents", **auth).json()
    assert listed["status"] == "signed" and listed["kind"] == "cover_letter"
    downloaded = client.get(listed["download_url"], **auth)
    assert downloaded.status_code == 200 and downloaded["Content-Type"] == "application/pdf"
    pdf = b"".join(downloaded.streaming_content)

    checked = pyhanko_validate(pdf, demo_ca, tmp_path, "surat.pdf")
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.strip().endswith(":INTACT:TRUSTED,UNTOUCHED"), checked.stdout

    [scanned] = qr_texts(pdf)
    assert scanned == listed["verify_url"]
    page = client.get(scanned.removeprefix("https://pelayan.example.id")).content.decode()
    assert "ASLI" in page and listed["sha256"] in page

    changed = bytearray(pdf)
    changed[len(changed) // 2] ^= 0x01
    refused = pyhanko_validate(bytes(changed), demo_ca, tmp_path, "diubah.pdf")
    assert refused.returncode != 0 or ":INTACT:TRUSTED,UNTOUCHED" not in refused.stdout
    code = scanned.rsplit("/", 1)[1]
    uploaded = client.post(
        f"/v/{code}",
        {"file": SimpleUploadedFile("diubah.pdf", bytes(changed), content_type="application/pdf")},
    ).content.decode()
    assert "BERBEDA" in uploaded and "telah diubah" in uploaded
