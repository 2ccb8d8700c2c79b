"""While a worker parses the upload, its page says so and reloads itself without any script."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from importer.models import PendingUploadStatus
from importer.services import pending_upload_parse, pending_upload_store
from tests.lib.importer import corpus


@pytest.mark.django_db
def test_it_shows_sedang_dibaca_with_a_meta_refresh_until_the_result_is_ready(client, agency, agency_admin):
    client.force_login(agency_admin)
    data, name = corpus.docx_ktp()
    # Stored but not yet parsed: what a queued task looks like to the page.
    upload = pending_upload_store(actor=agency_admin, agency=agency, data=data, filename=name)
    url = reverse("admin:importer_pending", args=[upload.pk])
    page = client.get(url).content.decode()
    assert "sedang dibaca…" in page
    assert '<meta http-equiv="refresh" content="2">' in page
    # No inline script or style: the admin runs under a CSP without 'unsafe-inline'.
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert "style=" not in page and "<style" not in page

    assert pending_upload_parse(upload_id=str(upload.pk)).status == PendingUploadStatus.READY
    page = client.get(url).content.decode()
    assert "sedang dibaca" not in page and "http-equiv" not in page
    assert "Teks sumber" in page


@pytest.mark.django_db
def test_a_queued_upload_redirects_the_form_to_its_waiting_page(client, agency, agency_admin, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from importer import admin as importer_admin
    from importer.models import PendingUpload

    # A backend with a worker: enqueueing returns before the parse has run.
    class QueuedOnly:
        def enqueue(self, **kwargs):
            return None

    monkeypatch.setattr(importer_admin, "pending_upload_parse_task", QueuedOnly())
    client.force_login(agency_admin)
    data, name = corpus.docx_ktp()
    response = client.post(
        reverse("admin:importer_upload"), {"agency": agency.pk, "document": SimpleUploadedFile(name, data)}
    )
    upload = PendingUpload.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:importer_pending", args=[upload.pk])


@pytest.mark.django_db
def test_it_stops_waiting_for_a_parse_whose_task_was_lost(client, agency, agency_admin):
    import datetime as dt

    from importer.admin import PARSING_GIVE_UP
    from importer.models import PendingUpload

    client.force_login(agency_admin)
    data, name = corpus.docx_ktp()
    upload = pending_upload_store(actor=agency_admin, agency=agency, data=data, filename=name)
    PendingUpload.objects.filter(pk=upload.pk).update(
        created_at=upload.created_at - PARSING_GIVE_UP - dt.timedelta(seconds=1)
    )
    page = client.get(reverse("admin:importer_pending", args=[upload.pk])).content.decode()
    assert "http-equiv" not in page
    assert "tidak selesai dibaca" in page
    assert PendingUpload.objects.get().status == PendingUploadStatus.FAILED


@pytest.mark.django_db
def test_it_says_so_when_the_parse_task_itself_fails(client, agency, agency_admin, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from importer import services

    def broken(**kwargs):
        raise OSError("storage unavailable")

    monkeypatch.setattr(services, "parse_services_bounded", broken)
    client.force_login(agency_admin)
    data, name = corpus.docx_ktp()
    response = client.post(
        reverse("admin:importer_upload"), {"agency": agency.pk, "document": SimpleUploadedFile(name, data)}
    )
    assert response.status_code == 200
    assert "tidak selesai dibaca" in response.content.decode()
