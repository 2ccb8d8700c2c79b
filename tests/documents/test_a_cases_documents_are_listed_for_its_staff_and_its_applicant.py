"""A case's documents, with download and verification addresses, for the staff of the case and
for the applicant with the tracking PIN; nobody else learns they exist."""

from __future__ import annotations

import pytest

from accounts.services import api_token_create
from tests.documents.helpers import signed_letter


def bearer(user):
    _token, secret = api_token_create(user=user, name="uji")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.mark.django_db
def test_staff_and_the_applicant_with_the_pin_list_and_download_the_letter(
    case_at_signing, camat, demo_ca, client
):
    signed = signed_letter(case_at_signing, camat)
    url = f"/api/v1/cases/{case_at_signing.display_number}/documents"

    listed = client.get(url, **bearer(camat)).json()

    assert [(d["kind"], d["number"], d["status"]) for d in listed] == [
        ("cover_letter", "300/001/Kedopok/2026", "signed")
    ]
    assert listed[0]["sha256"] == signed.document.sha256
    assert listed[0]["verify_url"] == f"https://pelayan.example.id/v/{signed.document.public_code}"
    assert client.get(url).status_code == 404
    assert client.get(url, HTTP_X_TRACKING_PIN="000000").status_code == 404
    mine = client.get(url, HTTP_X_TRACKING_PIN=case_at_signing.applicant_pin)
    assert mine.status_code == 200 and mine.json() == listed
    pdf = client.get(listed[0]["download_url"], HTTP_X_TRACKING_PIN=case_at_signing.applicant_pin)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content) == signed.document.file.open("rb").read()
