from pelayan.lib.standard_schema import COMPONENT_KEYS
from tests.api.helpers import assert_error
from tests.factories import complete_components

URL = "/api/v1/agencies/kec-contoh/services/surat-pengantar-izin-keramaian/standard"


def test_it_returns_the_version_in_force_with_its_decree_and_all_components(client, published):
    response = client.get(URL)

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == published.pk
    assert (body["version"], body["status"]) == (1, "published")
    assert body["service"] == {
        "slug": "surat-pengantar-izin-keramaian",
        "name": "Surat Pengantar Izin Keramaian",
    }
    assert body["decree"] == {
        "number": "800/12/35.78.01/2025",
        "date": "2025-02-20",
        "date_text": "20 Februari 2025",
        "title": "Standar Pelayanan Kecamatan Contoh",
        "signed_by": {"name": "Budi Santoso", "title": "Camat Contoh"},
    }
    assert body["effective_date"] == "2025-03-01"
    assert set(body["components"]) >= set(COMPONENT_KEYS)


def test_it_states_times_in_the_agencys_time_zone(client, published):
    body = client.get(URL).json()

    assert body["timezone"] == "Asia/Jakarta"
    assert body["agency"]["timezone_abbr"] == "WIB"
    assert body["published_at"] == "2025-03-03T09:30:00+07:00"


def test_it_keeps_the_components_as_stored_including_aliased_keys(client, published):
    body = client.get(URL).json()

    expected = complete_components()
    assert body["components"]["requirements"][0]["text"] == expected["requirements"][0]["text"]
    assert body["components"]["procedure"]["flows"][0]["edges"][0] == {"from": "A", "to": "B", "label": None}
    assert body["components"]["fee"]["amount"] == 0
    assert body["components"]["staff_count"]["total"] == 2


def test_it_is_cacheable_by_shared_caches(client, published):
    response = client.get(URL)

    assert response["Cache-Control"] == "public, max-age=300"
    assert response["ETag"].startswith('"') and not response["ETag"].startswith("W/")
    assert response["Last-Modified"].endswith("GMT")
    assert "Cookie" not in response.get("Vary", "")


def test_a_service_with_only_a_draft_has_no_standard_in_force(client, draft):
    response = client.get(URL)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def _deactivate(standard):
    standard.service.is_active = False
    standard.service.save()


def test_an_inactive_services_standard_is_not_found_like_the_service_itself(client, published):
    _deactivate(published)

    assert client.get(URL.removesuffix("/standard")).status_code == 404
    assert_error(client.get(URL), 404, "not_found")


def test_an_inactive_services_standard_is_not_found_for_another_agencys_admin(
    client, published, other_agency_admin
):
    _deactivate(published)
    client.force_login(other_agency_admin)

    assert client.get(URL).status_code == 404


def test_an_inactive_services_standard_is_shown_to_its_agencys_admin_and_not_cached(
    client, published, agency_admin
):
    _deactivate(published)
    client.force_login(agency_admin)

    response = client.get(URL)

    assert response.status_code == 200
    assert response.json()["id"] == published.pk
    assert response["Cache-Control"] == "private, no-store"
    assert client.get(URL.removesuffix("/standard")).status_code == 200
