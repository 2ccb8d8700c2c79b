from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from standards.models import Service, Standard, StandardStatus
from tests.lib.importer import corpus
from tests.lib.importer.support import seed_bytes


@pytest.mark.django_db
def test_it_creates_a_draft_of_a_new_service_when_asked(agency, tmp_path):
    data, name = seed_bytes("000_")
    path = tmp_path / name
    path.write_bytes(data)
    call_command("import_standard", str(path), "--agency", agency.slug, "--new-service", stdout=io.StringIO())
    standard = Standard.objects.get()
    assert standard.status == StandardStatus.DRAFT
    assert standard.service.agency == agency
    assert standard.service.name == "Pelayanan Konsultasi"
    assert standard.decree_number == "600/SK. /Perkim.1/2021"
    assert standard.decree_date_text == "Februari 2021"
    assert standard.signed_by_name == "M. Rachmat Rogianto"
    assert standard.source_name == name
    assert "KEPALA DINAS," in standard.source_text
    assert len(standard.components["procedure"]["steps"]) == 11


@pytest.mark.django_db
def test_it_uses_the_service_name_given(agency, service, tmp_path):
    data, name = seed_bytes("003_")
    path = tmp_path / name
    path.write_bytes(data)
    call_command(
        "import_standard", str(path), "--agency", agency.slug, "--service", service.name, stdout=io.StringIO()
    )
    assert Service.objects.filter(agency=agency).count() == 1
    assert Standard.objects.get().service == service


@pytest.mark.django_db
def test_it_makes_one_draft_per_service_of_a_decree(agency, tmp_path):
    data, name = corpus.text_multi_service()
    path = tmp_path / name
    path.write_bytes(data)
    call_command("import_standard", str(path), "--agency", agency.slug, "--new-service", stdout=io.StringIO())
    assert sorted(Standard.objects.values_list("service__name", flat=True)) == [
        "Pelayanan Izin Apotek",
        "Pelayanan Izin Praktik Bidan",
        "Pelayanan Izin Usaha Mikro",
    ]


@pytest.mark.django_db
def test_it_uses_the_service_name_given_for_a_single_service_document(agency, service, tmp_path):
    data, name = corpus.docx_ktp()
    path = tmp_path / name
    path.write_bytes(data)
    call_command(
        "import_standard", str(path), "--agency", agency.slug, "--service", service.name, stdout=io.StringIO()
    )
    assert Service.objects.filter(agency=agency).count() == 1
    standard = Standard.objects.get()
    assert standard.service == service
    assert standard.status == StandardStatus.DRAFT
    assert standard.source_name == name
