"""The search index changes in the same transaction as what the public sees."""

from standards.models import ServiceSearch
from standards.selectors import service_search
from standards.services import agency_update, service_create, service_update, unit_create, unit_update
from tests.public.conftest import publish


def _found(query: str) -> list[str]:
    return [s.slug for s in service_search(query=query).services]


def test_a_service_is_found_once_its_standard_is_published_and_not_before(
    service, django_capture_on_commit_callbacks
):
    assert _found("keramaian") == []

    # The empty page just found is kept until a change to the index commits.
    with django_capture_on_commit_callbacks(execute=True):
        publish(service)

    assert _found("keramaian") == ["surat-pengantar-izin-keramaian"]


def test_a_renamed_service_is_found_by_its_new_name_only(service):
    publish(service)

    service_update(actor=None, service=service, name="Surat Pengantar Pertunjukan")

    assert _found("pertunjukan") == ["surat-pengantar-izin-keramaian"]
    assert _found("keramaian") == []


def test_a_service_switched_off_leaves_the_index(service):
    publish(service)

    service_update(actor=None, service=service, is_active=False)

    assert _found("keramaian") == []
    assert not ServiceSearch.objects.filter(service=service).exists()


def test_an_agency_moved_to_another_regency_is_found_there(service, agency):
    publish(service)

    agency_update(actor=None, agency=agency, regency="Kota Probolinggo", name="Kecamatan Kedopok Baru")

    assert _found("probolinggo") == ["surat-pengantar-izin-keramaian"]
    assert _found("kedopok baru") == ["surat-pengantar-izin-keramaian"]
    assert ServiceSearch.objects.get(service=service).agency_name == "Kecamatan Kedopok Baru"


def test_a_renamed_unit_renames_its_services_entries(agency):
    unit = unit_create(actor=None, agency=agency, name="Seksi Pelayanan")
    publish(service_create(agency=agency, name="Legalisir Dokumen", unit=unit))

    unit_update(actor=None, unit=unit, name="Seksi Pemerintahan")

    assert _found("pemerintahan") == ["legalisir-dokumen"]


def test_a_new_version_replaces_the_words_of_the_old_one(service):
    publish(service)
    publish(
        service,
        requirements=[
            {"key": "formulir", "text": "Formulir permohonan", "kind": "form"},
            {"key": "ktp", "text": "Paspor asli", "kind": "identity"},
        ],
    )

    assert _found("paspor") == ["surat-pengantar-izin-keramaian"]
    assert _found("ditandatangani lurah") == []
    assert ServiceSearch.objects.filter(service=service).count() == 1
