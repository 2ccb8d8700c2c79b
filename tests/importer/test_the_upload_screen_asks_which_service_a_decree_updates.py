"""The admin upload screen proposes the service a decree matches and creates a new service only when
the reviewer chooses it."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from importer.models import PendingUpload
from standards.models import Service, Standard
from tests.lib.importer.support import seed_bytes

URL = "admin:importer_upload"


def _upload(client, agency, prefix):
    data, name = seed_bytes(prefix)
    return client.post(reverse(URL), {"agency": agency.pk, "document": SimpleUploadedFile(name, data)})


@pytest.mark.django_db
def test_the_matching_service_is_preselected_and_gets_the_new_version(client, agency, agency_admin, service):
    client.force_login(agency_admin)
    page = _upload(client, agency, "003_").content.decode()
    assert f'<option value="{service.pk}" selected>' in page
    assert "Cocok dengan layanan Surat Pengantar Izin Keramaian" in page
    client.post(reverse(URL), {"action": "create", "service": str(service.pk)})
    assert Standard.objects.get().service == service
    assert Service.objects.filter(agency=agency).count() == 1


@pytest.mark.django_db
def test_without_a_match_or_a_choice_nothing_is_created(client, agency, agency_admin, service):
    client.force_login(agency_admin)
    page = _upload(client, agency, "000_").content.decode()  # Konsultasi: no such service here
    assert '<option value="" selected>' in page
    response = client.post(reverse(URL), {"action": "create", "service": ""}, follow=True)
    assert "tidak ada layanan instansi ini yang cocok dengan" in response.content.decode()
    assert not Standard.objects.exists()
    assert PendingUpload.objects.count() == 1  # kept, to choose again
    client.post(reverse(URL), {"action": "create", "service": "new"})
    assert Standard.objects.get().service.name == "Pelayanan Konsultasi"


@pytest.mark.django_db
def test_another_agencys_service_cannot_be_chosen(client, agency, agency_admin, other_agency):
    from standards.services import service_create

    foreign = service_create(agency=other_agency, name="Surat Pengantar Izin Keramaian")
    client.force_login(agency_admin)
    _upload(client, agency, "003_")
    response = client.post(reverse(URL), {"action": "create", "service": str(foreign.pk)}, follow=True)
    assert "pilihan layanan tidak dikenal" in response.content.decode()
    assert not Standard.objects.exists()
