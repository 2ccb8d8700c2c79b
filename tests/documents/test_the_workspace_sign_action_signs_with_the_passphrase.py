"""In the workspace the camat's sign action signs the letter with the passphrase from the form;
a wrong one shows the reason and leaves the case at the camat's step."""

from __future__ import annotations

import pytest
from django.urls import reverse

from documents.models import DocumentStatus
from documents.services import signing_identity_issue

PASSPHRASE = "kata-sandi-camat-2026"


@pytest.mark.django_db
def test_the_sign_action_takes_the_passphrase_from_the_form(case_at_signing, camat, demo_ca, client):
    signing_identity_issue(user=camat, passphrase=PASSPHRASE)
    client.force_login(camat)
    url = reverse("workspace:case_action", args=[case_at_signing.display_number])
    form = {"action": "tandatangani", "version": case_at_signing.version}

    wrong = client.post(url, {**form, "passphrase": "salah"})
    assert wrong.status_code == 400 and "Passphrase salah" in wrong.content.decode()
    assert PASSPHRASE not in wrong.content.decode() and 'salah"' not in wrong.content.decode()
    right = client.post(url, {**form, "passphrase": PASSPHRASE})

    assert right.status_code == 302
    case_at_signing.refresh_from_db()
    assert case_at_signing.step == "kembali-kecamatan"
    assert case_at_signing.documents.get().status == DocumentStatus.SIGNED
