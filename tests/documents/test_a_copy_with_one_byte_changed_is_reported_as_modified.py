"""Anyone may upload the PDF they were given to /v/<code>: the very file is genuine, the same file
with one byte changed is reported as not issued by us or modified; uploads are bounded."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.documents.helpers import signed_letter


def upload(client, code, data, name="surat.pdf"):
    return client.post(f"/v/{code}", {"file": SimpleUploadedFile(name, data, content_type="application/pdf")})


@pytest.mark.django_db
def test_the_issued_file_is_genuine_and_one_changed_byte_is_modified(case_at_signing, camat, demo_ca, client):
    document = signed_letter(case_at_signing, camat).document
    data = document.file.open("rb").read()
    changed = bytearray(data)
    changed[len(changed) // 2] ^= 0x01

    same = upload(client, document.public_code, data).content.decode()
    other = upload(client, document.public_code, bytes(changed)).content.decode()

    assert "SAMA" in same and "BERBEDA" not in same
    assert "BERBEDA" in other and "telah diubah" in other


@pytest.mark.django_db
def test_an_upload_over_the_limit_is_refused(case_at_signing, camat, demo_ca, client, settings):
    document = signed_letter(case_at_signing, camat).document
    settings.PELAYAN_VERIFY_UPLOAD_MAX_BYTES = 1024

    response = upload(client, document.public_code, b"%PDF" + b"0" * 2048)
    huge = upload(client, document.public_code, b"%PDF" + b"0" * 200_000)

    assert response.status_code == 413
    assert huge.status_code == 413 and "Berkas lebih dari" in huge.content.decode()


@pytest.mark.django_db
def test_an_unknown_code_is_not_ours(client):
    assert client.get("/v/bukan-kode-kami").status_code == 404
