from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from standards.models import Standard
from tests.lib.importer import corpus
from tests.lib.importer.support import seed_bytes

URL = "admin:importer_upload"


@pytest.mark.django_db
def test_it_shows_the_parsed_draft_beside_the_source_with_warnings(client, agency, agency_admin):
    client.force_login(agency_admin)
    data, name = seed_bytes("000_")
    response = client.post(
        reverse(URL), {"agency": agency.pk, "document": SimpleUploadedFile(name, data)}, follow=False
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Pelayanan Konsultasi" in page
    assert "Teks sumber" in page
    assert "Teks bukan persyaratan" in page  # the warning, next to its passage
    assert 'class="imp-line warn"' in page
    assert Standard.objects.count() == 0


@pytest.mark.django_db
def test_it_creates_the_draft_and_opens_its_admin_page(client, agency, agency_admin):
    client.force_login(agency_admin)
    data, name = seed_bytes("003_")
    client.post(reverse(URL), {"agency": agency.pk, "document": SimpleUploadedFile(name, data)})
    response = client.post(reverse(URL), {"action": "create", "service": "new"})
    standard = Standard.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:standards_standard_change", args=[standard.pk])
    assert standard.service.agency == agency


@pytest.mark.django_db
def test_it_creates_the_draft_of_a_word_document(client, agency, agency_admin):
    client.force_login(agency_admin)
    data, name = corpus.docx_ktp()
    client.post(reverse(URL), {"agency": agency.pk, "document": SimpleUploadedFile(name, data)})
    response = client.post(reverse(URL), {"action": "create", "service": "new"})
    standard = Standard.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:standards_standard_change", args=[standard.pk])
    assert standard.service.agency == agency
    assert standard.source_name == name


@pytest.mark.django_db
def test_it_accepts_pasted_text_with_several_services(client, agency, agency_admin):
    client.force_login(agency_admin)
    data, _ = corpus.text_multi_service()
    response = client.post(reverse(URL), {"agency": agency.pk, "text": data.decode()})
    assert "3 layanan" in response.content.decode()
    client.post(reverse(URL), {"action": "create", "service": ["new", "new", "new"]})
    assert Standard.objects.count() == 3


@pytest.mark.django_db
def test_it_shows_a_clear_message_for_a_scanned_pdf(client, agency, agency_admin):
    from tests.lib.importer.support import make_pdf

    client.force_login(agency_admin)
    upload = SimpleUploadedFile("pindaian.pdf", make_pdf([["x"]], text_layer=False))
    response = client.post(reverse(URL), {"agency": agency.pk, "document": upload})
    assert "lapisan teks" in response.content.decode()
    assert Standard.objects.count() == 0


@pytest.mark.django_db
def test_it_offers_only_the_agencies_the_user_administers(client, agency, other_agency, agency_admin):
    client.force_login(agency_admin)
    data, name = seed_bytes("003_")
    response = client.post(
        reverse(URL), {"agency": other_agency.pk, "document": SimpleUploadedFile(name, data)}
    )
    assert response.status_code == 200
    assert "Teks sumber" not in response.content.decode()
    assert Standard.objects.count() == 0


@pytest.mark.django_db
def test_it_is_closed_to_anonymous_users(client):
    response = client.get(reverse(URL))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
