"""A service whose only standard is a draft is not public; its agency's admin still sees it."""


def test_it_is_not_listed_publicly(client, published, draft_only_service):
    body = client.get("/api/v1/services").json()

    assert [s["slug"] for s in body["results"]] == ["surat-pengantar-izin-keramaian"]


def test_it_is_not_listed_for_another_agencys_admin(
    client, published, draft_only_service, other_agency_admin
):
    client.force_login(other_agency_admin)

    body = client.get("/api/v1/services", {"agency": "kec-contoh"}).json()

    assert [s["slug"] for s in body["results"]] == ["surat-pengantar-izin-keramaian"]


def test_it_is_listed_for_its_agencys_admin_without_a_version_in_force(
    client, published, draft_only_service, agency_admin
):
    client.force_login(agency_admin)

    body = client.get("/api/v1/services", {"agency": "kec-contoh"}).json()

    listed = {s["slug"]: s["standard"] for s in body["results"]}
    assert set(listed) == {"surat-pengantar-izin-keramaian", "rekomendasi-izin-usaha-mikro"}
    assert listed["rekomendasi-izin-usaha-mikro"] is None


def test_its_detail_is_hidden_publicly(client, draft_only_service):
    response = client.get("/api/v1/agencies/kec-contoh/services/rekomendasi-izin-usaha-mikro")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_its_detail_is_shown_to_its_agencys_admin_with_the_draft(client, draft_only_service, agency_admin):
    client.force_login(agency_admin)

    body = client.get("/api/v1/agencies/kec-contoh/services/rekomendasi-izin-usaha-mikro").json()

    assert body["standard"] is None
    assert [(v["version"], v["status"]) for v in body["versions"]] == [(1, "draft")]
