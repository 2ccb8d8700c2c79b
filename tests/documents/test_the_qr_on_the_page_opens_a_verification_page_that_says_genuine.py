"""A police officer scans the QR on the printed letter: it opens /v/<code>, which says genuine."""

from __future__ import annotations

import shutil

import pytest

from documents.rendering import verify_url
from tests.documents.helpers import qr_texts, signed_letter

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")


@pytest.mark.django_db
def test_the_qr_decoded_from_the_page_image_opens_the_page_which_says_genuine(
    case_at_signing, camat, demo_ca, client
):
    document = signed_letter(case_at_signing, camat).document
    data = document.file.open("rb").read()

    texts = qr_texts(data)

    assert texts == [verify_url(document.public_code)]
    assert texts[0] == f"https://pelayan.example.id/v/{document.public_code}"
    page = client.get(texts[0].removeprefix("https://pelayan.example.id"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "ASLI" in html
    assert document.number in html and document.sha256 in html
    assert "Budi Santoso" in html and "Camat Kedopok" in html
    assert "terpercaya" in html and "tidak diubah setelah ditandatangani" in html
