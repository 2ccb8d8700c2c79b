"""Mistakes in the apply form come back next to the input at fault, never as a server error."""

from django.test import Client

from cases.models import Case
from tests.public.conftest import BANGLI, BANGLI_APPLICANT, apply_to_bangli, form_key


def _field(body: str, name: str) -> str:
    """The markup of one form field's block, from its label to its input."""
    start = body.index(f'<label for="id_{name}">')
    return body[start : body.index(f'name="{name}"', start)]


def test_a_bad_phone_number_is_named_at_the_phone_field(client, demo):
    response = apply_to_bangli(client, pemohon_telepon="12")

    assert response.status_code == 400
    body = response.content.decode()
    assert "Nomor telepon tidak sah" in _field(body, "pemohon_telepon")
    assert not Case.objects.exists()


def test_a_missing_name_and_a_missing_file_are_named_at_their_fields(client, demo):
    response = apply_to_bangli(client, pemohon_nama="", bukti=None)

    body = response.content.decode()
    assert response.status_code == 400
    assert "Bidang ini tidak boleh kosong." in _field(body, "pemohon_nama")
    assert "Bidang ini tidak boleh kosong." in _field(body, "bukti")
    assert "Bidang ini tidak boleh kosong." not in _field(body, "identitas")


def test_a_file_that_is_not_a_pdf_or_image_is_refused_by_the_service(client, demo):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("bukti.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf")
    response = apply_to_bangli(client, bukti=fake)

    assert response.status_code == 400
    assert "Jenis berkas tidak diterima; kirim PDF, JPEG, atau PNG." in response.content.decode()
    assert not Case.objects.exists()


def test_an_oversized_file_is_named_at_its_field(client, demo, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.PELAYAN_CASE_FILE_MAX_BYTES = 1024 * 1024
    big = SimpleUploadedFile("ktp.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024), content_type="application/pdf")
    response = apply_to_bangli(client, identitas=big)

    assert response.status_code == 400
    assert "Berkas lebih dari 1 MB." in _field(response.content.decode(), "identitas")


def test_the_form_refuses_a_post_without_the_csrf_token(demo):
    client = Client(enforce_csrf_checks=True)
    url = BANGLI + "ajukan/"
    response = client.post(url, {**BANGLI_APPLICANT, "kunci": form_key(client, url)})

    assert response.status_code == 403
    assert not Case.objects.exists()
