"""The API's sign action takes the signer's passphrase: a wrong one is refused on the passphrase
field and leaves the case at the camat's step; the right one signs the letter and moves on."""

from __future__ import annotations

import pytest

from accounts.services import api_token_create
from documents.models import DocumentStatus
from documents.services import signing_identity_issue

PASSPHRASE = "kata-sandi-camat-2026"


@pytest.mark.django_db
def test_the_camat_signs_through_the_api_with_the_passphrase(case_at_signing, camat, demo_ca, client):
    signing_identity_issue(user=camat, passphrase=PASSPHRASE)
    _token, secret = api_token_create(user=camat, name="uji")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    url = f"/api/v1/cases/{case_at_signing.display_number}/actions"
    action = {"action": "tandatangani", "version": case_at_signing.version}

    wrong = client.post(url, {**action, "passphrase": "salah"}, content_type="application/json", **auth)
    assert wrong.status_code == 400
    assert wrong.json()["error"]["fields"][0]["field"] == "passphrase"
    case_at_signing.refresh_from_db()
    assert case_at_signing.step == "tandatangan"

    signed = client.post(url, {**action, "passphrase": PASSPHRASE}, content_type="application/json", **auth)

    assert signed.status_code == 200, signed.content
    assert signed.json()["version"] == action["version"] + 1
    case_at_signing.refresh_from_db()
    assert case_at_signing.step == "kembali-kecamatan"
    assert case_at_signing.documents.get().status == DocumentStatus.SIGNED
