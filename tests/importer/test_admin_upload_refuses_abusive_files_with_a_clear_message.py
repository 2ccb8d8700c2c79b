"""Each abusive upload gets a clear message within 5 s, costs the web process little memory and
creates nothing."""

from __future__ import annotations

import resource
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from importer.models import PendingUpload, PendingUploadStatus
from standards.models import Standard
from tests.lib.importer import abuse

URL = "admin:importer_upload"

CASES = {
    "unclosed_tags": "bukan Standar Pelayanan",
    "docx_bomb": "[MAX_XML_BYTES]",
    "docx_entity_bomb": "deklarasi DTD/entitas",
    "pdf_shared_stream": "[MAX_PDF_CONTENT_BYTES]",
    "million_lines": "[MAX_LINES]",
    "polyglot_pdf_zip": "isinya PDF tetapi namanya tidak berakhiran .pdf",
    "polyglot_zip_html": "isinya arsip ZIP tetapi namanya tidak berakhiran .docx",
}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(CASES))
def test_it_answers_an_abusive_upload_with_a_clear_message_within_five_seconds(
    client, agency, agency_admin, case
):
    client.force_login(agency_admin)
    data, name = abuse.ALL[case]()
    peak_before = _peak_mb()
    start = time.perf_counter()
    response = client.post(reverse(URL), {"agency": agency.pk, "document": SimpleUploadedFile(name, data)})
    elapsed = time.perf_counter() - start
    assert response.status_code == 200
    assert CASES[case] in response.content.decode()
    assert elapsed < 5.0
    # The parse runs in a child process: the web process does not grow with the document's expansion.
    assert _peak_mb() - peak_before < 100
    assert Standard.objects.count() == 0
    assert PendingUpload.objects.get().status == PendingUploadStatus.FAILED


@pytest.mark.django_db
def test_it_refuses_a_fifty_megabyte_upload_by_its_size(client, agency, agency_admin):
    client.force_login(agency_admin)
    data, name = abuse.oversized()
    start = time.perf_counter()
    response = client.post(reverse(URL), {"agency": agency.pk, "document": SimpleUploadedFile(name, data)})
    assert time.perf_counter() - start < 5.0
    assert "Dokumen lebih dari 10 MB (batas ukuran berkas)." in response.content.decode()
    assert PendingUpload.objects.count() == 0


@pytest.mark.django_db
def test_it_refuses_a_fifty_megabyte_paste_with_a_message_naming_the_limit(client, agency, agency_admin):
    client.force_login(agency_admin)
    data, _ = abuse.oversized()
    start = time.perf_counter()
    response = client.post(reverse(URL), {"agency": agency.pk, "text": data.decode()})
    assert time.perf_counter() - start < 5.0
    assert response.status_code == 413
    assert "Kiriman melebihi batas 10 MB" in response.content.decode()
    assert PendingUpload.objects.count() == 0


@pytest.mark.django_db
def test_it_refuses_a_paste_over_the_limit_that_fits_in_the_request(client, agency, agency_admin, settings):
    # Django's own request limit raised, so only the form's limit stands between the paste and the parse.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024
    client.force_login(agency_admin)
    text = "Persyaratan Pelayanan. " * (11 * 1024 * 1024 // 23)
    response = client.post(reverse(URL), {"agency": agency.pk, "text": text})
    assert "Teks tempel lebih dari 10 MB (batas ukuran berkas)." in response.content.decode()
    assert PendingUpload.objects.count() == 0


@pytest.mark.django_db
def test_it_stops_a_parse_at_its_time_limit_and_says_so(client, agency, agency_admin, settings):
    settings.IMPORTER_TIMEOUT_SECONDS = 1
    client.force_login(agency_admin)
    data, name = abuse.slow_emphasis()  # within every size limit, seconds of work
    start = time.perf_counter()
    response = client.post(reverse(URL), {"agency": agency.pk, "document": SimpleUploadedFile(name, data)})
    elapsed = time.perf_counter() - start
    assert "waktu baca dokumen melebihi batas 1 detik [PARSE_TIMEOUT_SECONDS]" in response.content.decode()
    assert elapsed < 2.5
    assert PendingUpload.objects.get().status == PendingUploadStatus.FAILED


@pytest.mark.django_db
def test_it_names_the_limit_when_the_paste_is_refused_before_the_view_runs(agency, agency_admin):
    from django.test import Client

    # With CSRF checks on, the middleware reads the form first and Django refuses the request there.
    client = Client(enforce_csrf_checks=True)
    client.force_login(agency_admin)
    client.get(reverse(URL))
    data, _ = abuse.oversized()
    response = client.post(
        reverse(URL),
        {
            "agency": agency.pk,
            "text": data.decode(),
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
    )
    assert response.status_code == 400
    assert "melebihi batas 10 MB" in response.content.decode()
    assert PendingUpload.objects.count() == 0
