"""The optional photo of the ID: an image by its bytes (not its name), under the size limit,
stored re-encoded as JPEG under a random name and served to desk staff only."""

from __future__ import annotations

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image

from frontdesk.models import EntrySource, GuestEntry
from frontdesk.services import FrontdeskError, GuestForm, guest_entry_create
from tests.frontdesk.conftest import line, login


def _png(size=(64, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def _visit(agency, upload):
    return guest_entry_create(
        agency=agency, form=GuestForm(name="Rina", purpose="Bertamu", line_id=line(agency, "B").pk),
        source=EntrySource.DESK, officer=login("kesra-kalbar.petugas-informasi"), id_photo=upload,
    )  # fmt: skip


@pytest.mark.django_db
def test_a_png_is_kept_as_a_jpeg_under_a_random_name(kalbar, client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    visit = _visit(kalbar, SimpleUploadedFile("ktp-rina.png", _png(), content_type="image/png"))
    stored = visit.entry.id_photo.name
    assert stored.endswith(".jpg") and "rina" not in stored
    with visit.entry.id_photo.open("rb") as f:
        assert f.read(3) == b"\xff\xd8\xff"
    url = reverse("frontdesk:guest_photo", args=["kesra-kalbar", visit.entry.pk])
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(login("kesra-kalbar.pelayanan-dasar.staf"))
    assert client.get(url).status_code == 404
    client.force_login(login("kesra-kalbar.petugas-informasi"))
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"


@pytest.mark.django_db
def test_a_pdf_named_like_a_photo_is_refused_on_its_field(kalbar):
    with pytest.raises(FrontdeskError) as refused:
        _visit(kalbar, SimpleUploadedFile("ktp.jpg", b"%PDF-1.7\n" + b"0" * 400, content_type="image/jpeg"))
    assert set(refused.value.fields) == {"id_photo"}
    assert GuestEntry.objects.count() == 0


@pytest.mark.django_db
@override_settings(PELAYAN_FRONTDESK_PHOTO_MAX_BYTES=1024 * 1024)
def test_a_photo_over_the_limit_is_refused(kalbar):
    noise = io.BytesIO()
    Image.frombytes("RGB", (700, 700), os.urandom(700 * 700 * 3)).save(noise, format="PNG")
    assert noise.tell() > 1024 * 1024
    with pytest.raises(FrontdeskError) as refused:
        _visit(kalbar, SimpleUploadedFile("ktp.png", noise.getvalue(), content_type="image/png"))
    assert refused.value.fields == {"id_photo": "Foto identitas lebih dari 1 MB."}


@pytest.mark.django_db
def test_a_broken_image_is_refused(kalbar):
    with pytest.raises(FrontdeskError) as refused:
        _visit(kalbar, SimpleUploadedFile("ktp.png", _png()[:60], content_type="image/png"))
    assert refused.value.fields["id_photo"] == "Foto identitas tidak dapat dibaca."


def test_a_broken_image_is_refused_even_after_the_letter_renderer_is_loaded(kalbar, monkeypatch):
    # WeasyPrint lets PIL load cut-off files for the whole process; the kiosk must still refuse one.
    import weasyprint  # noqa: F401
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    with pytest.raises(FrontdeskError) as refused:
        _visit(kalbar, SimpleUploadedFile("ktp.png", _png()[:60], content_type="image/png"))
    assert refused.value.fields["id_photo"] == "Foto identitas tidak dapat dibaca."
