from tests.api.helpers import make_published_services


def test_it_lists_agencies_by_name_with_their_published_service_counts(client, agency, other_agency):
    make_published_services(agency, 2)

    response = client.get("/api/v1/agencies")

    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["page"], body["page_size"]) == (2, 1, 20)
    assert (body["next"], body["previous"]) == (None, None)
    assert [a["slug"] for a in body["results"]] == ["dinas-lain", "kec-contoh"]
    contoh = body["results"][1]
    assert contoh == {
        "slug": "kec-contoh",
        "name": "Kecamatan Contoh",
        "short_name": None,
        "kind": "kecamatan",
        "province": "Jawa Timur",
        "regency": "Kota Contoh",
        "timezone": "Asia/Jakarta",
        "timezone_abbr": "WIB",
        "published_services": 2,
    }
    assert body["results"][0]["timezone_abbr"] == "WITA"
    assert body["results"][0]["published_services"] == 0
