def test_it_shows_an_agency_with_its_units_contact_channels_and_time_zone(client, agency_with_units):
    response = client.get("/api/v1/agencies/kec-contoh")

    assert response.status_code == 200
    body = response.json()
    assert body["slug"] == "kec-contoh"
    assert (body["timezone"], body["timezone_abbr"]) == ("Asia/Jakarta", "WIB")
    assert body["parent"] is None
    assert body["units"] == [
        {
            "slug": "sekretariat-kecamatan",
            "name": "Sekretariat Kecamatan",
            "kind": "sekretariat",
            "parent": None,
        },
        {
            "slug": "subbagian-umum",
            "name": "Subbagian Umum",
            "kind": "subbagian",
            "parent": "sekretariat-kecamatan",
        },
    ]
    assert body["contact_channels"] == []


def test_it_shows_contact_channels_as_structured_data(client, agency_with_channels):
    body = client.get("/api/v1/agencies/dinas-bali").json()

    assert body["timezone_abbr"] == "WITA"
    assert [(c["kind"], c["value"]) for c in body["contact_channels"]] == [
        ("phone", "(0361) 123456"),
        ("email", "dukcapil@example.go.id"),
    ]
    assert body["contact_channels"][0]["normalized"] == "+62361123456"
