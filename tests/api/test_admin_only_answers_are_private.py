"""Answers that show what only an agency admin may see must not be kept by shared caches."""


def test_a_service_detail_with_drafts_is_private(client, draft, agency_admin):
    client.force_login(agency_admin)

    response = client.get("/api/v1/agencies/kec-contoh/services/surat-pengantar-izin-keramaian")

    assert response.status_code == 200
    assert [v["status"] for v in response.json()["versions"]] == ["draft"]
    assert response["Cache-Control"] == "private, no-store"


def test_a_service_list_with_an_admins_drafts_is_private(client, draft, agency_admin):
    client.force_login(agency_admin)

    response = client.get("/api/v1/services")

    assert response.json()["count"] == 1
    assert response["Cache-Control"] == "private, no-store"


def test_the_public_service_list_is_not_marked_private(client, published):
    response = client.get("/api/v1/services")

    assert response.json()["count"] == 1
    assert "private" not in response.get("Cache-Control", "")
