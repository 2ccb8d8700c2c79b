from standards.services import service_create
from tests.api.helpers import make_published_services


def test_it_lists_services_with_the_version_in_force(client, published):
    response = client.get("/api/v1/services")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [service] = body["results"]
    assert service["slug"] == "surat-pengantar-izin-keramaian"
    assert service["name"] == "Surat Pengantar Izin Keramaian"
    assert service["agency"] == {
        "slug": "kec-contoh",
        "name": "Kecamatan Contoh",
        "timezone": "Asia/Jakarta",
        "timezone_abbr": "WIB",
    }
    assert service["standard"]["id"] == published.pk
    assert service["standard"]["version"] == 1
    assert service["standard"]["status"] == "published"
    assert service["standard"]["published_at"] == "2025-03-03T09:30:00+07:00"


def test_it_filters_services_by_agency(client, agency, other_agency):
    make_published_services(agency, 2)
    make_published_services(other_agency, 1)

    body = client.get("/api/v1/services", {"agency": "dinas-lain"}).json()

    assert body["count"] == 1
    assert body["results"][0]["agency"]["slug"] == "dinas-lain"
    assert body["results"][0]["agency"]["timezone_abbr"] == "WITA"


def test_it_searches_services_by_words_in_their_name(client, agency, published):
    make_published_services(agency, 2)

    body = client.get("/api/v1/services", {"q": "izin keramaian"}).json()

    assert [s["slug"] for s in body["results"]] == ["surat-pengantar-izin-keramaian"]


def test_it_does_not_list_a_service_with_no_standard_at_all(client, agency, published):
    service_create(agency=agency, name="Layanan Tanpa Standar")

    body = client.get("/api/v1/services").json()

    assert [s["slug"] for s in body["results"]] == ["surat-pengantar-izin-keramaian"]
