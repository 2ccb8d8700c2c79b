from standards.services import standard_draft_from, standard_publish


def test_it_shows_a_service_with_its_version_in_force_and_history(client, published):
    second = standard_publish(standard=standard_draft_from(standard=published, actor=None), actor=None)
    standard_draft_from(standard=second, actor=None)  # a third version, still a draft

    response = client.get("/api/v1/agencies/kec-contoh/services/surat-pengantar-izin-keramaian")

    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Surat Pengantar Izin Keramaian"
    assert body["kind"] == "application"
    assert body["is_active"] is True
    assert body["unit"] is None
    assert body["agency"]["slug"] == "kec-contoh"
    assert body["standard"]["id"] == second.pk
    assert [(v["version"], v["status"]) for v in body["versions"]] == [(2, "published"), (1, "superseded")]
    assert body["versions"][1]["superseded_at"] is not None


def test_its_agencys_admin_also_sees_the_draft_version(client, published, agency_admin):
    standard_draft_from(standard=published, actor=None)
    client.force_login(agency_admin)

    body = client.get("/api/v1/agencies/kec-contoh/services/surat-pengantar-izin-keramaian").json()

    assert [(v["version"], v["status"]) for v in body["versions"]] == [(2, "draft"), (1, "published")]


def test_an_unknown_service_is_not_found(client, agency):
    response = client.get("/api/v1/agencies/kec-contoh/services/tidak-ada")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
