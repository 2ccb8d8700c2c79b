"""The new-case form: errors beside their fields with what was typed kept; the PIN shown once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from cases.models import Case


def _url(service):
    return reverse("workspace:case_new", args=[service.agency.slug, service.slug])


@pytest.mark.django_db
def test_errors_are_shown_beside_the_field_and_the_form_keeps_what_was_typed(kedopok_service, as_kelurahan):
    response = as_kelurahan.post(
        _url(kedopok_service),
        {"track": "online", "channel": "website", "name": "", "phone": "12", "address": "Jl. Mawar 3"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="err-name"' in page and "Nama pemohon wajib diisi." in page
    assert 'id="err-phone"' in page
    assert "Jl. Mawar 3" in page
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_a_received_time_in_the_future_is_refused(kedopok_service, as_kelurahan):
    tomorrow = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = as_kelurahan.post(
        _url(kedopok_service),
        {"track": "online", "channel": "website", "name": "Budi", "received_at": tomorrow},
    )
    assert response.status_code == 400
    assert 'id="err-received"' in response.content.decode()
    assert "masa depan" in response.content.decode()


@pytest.mark.django_db
def test_an_officer_whose_role_cannot_open_cases_is_told_so(kedopok_service, camat, client):
    client.force_login(camat)
    response = client.post(_url(kedopok_service), {"track": "online", "channel": "website", "name": "Budi"})
    assert response.status_code == 403
    assert "tidak dapat mengajukan permohonan" in response.content.decode()


@pytest.mark.django_db
def test_sending_the_same_form_twice_makes_one_case_and_shows_the_pin_once(kedopok_service, as_kelurahan):
    form = {"track": "online", "channel": "website", "name": "Budi", "idempotency_key": "abc123"}
    first = as_kelurahan.post(_url(kedopok_service), form).content.decode()
    second = as_kelurahan.post(_url(kedopok_service), form).content.decode()
    assert Case.objects.count() == 1
    assert "PIN pemohon" in first
    assert "PIN pemohon" not in second and "sudah pernah dikirim" in second


@pytest.mark.django_db
def test_the_form_asks_one_file_per_requirement_by_its_text(kedopok_service, as_kelurahan):
    page = as_kelurahan.get(_url(kedopok_service)).content.decode()
    for key, text in [
        ("formulir", "Formulir Surat Pengantar"),
        ("kk", "Fotocopy KK"),
        ("ktp", "Fotocopy KTP-el"),
    ]:
        assert f'name="{key}" type="file"' in page
        assert text in page
    assert "Pengajuan secara online oleh Operator Kelurahan" in page


@pytest.mark.django_db
def test_a_file_of_the_wrong_type_is_refused_and_nothing_is_recorded(kedopok_service, as_kelurahan):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = as_kelurahan.post(
        _url(kedopok_service),
        {
            "track": "online",
            "channel": "website",
            "name": "Budi",
            "kk": SimpleUploadedFile("kk.txt", b"bukan pdf", content_type="text/plain"),
        },
    )
    assert response.status_code == 400
    assert "PDF, JPEG, atau PNG" in response.content.decode()
    assert not Case.objects.exists()
