"""A service whose standard is still a draft does not exist for the public, not even by name."""


def test_the_404_page_does_not_name_a_service_that_only_has_a_draft(client, draft):
    response = client.get("/kec-contoh/surat-pengantar-izin-keramaian/")

    assert response.status_code == 404
    body = response.content.decode()
    assert "Surat Pengantar Izin Keramaian" not in body
    assert "Halaman tidak ditemukan" in body


def test_its_agency_admin_is_told_why_it_is_not_public(client, draft, agency_admin):
    client.force_login(agency_admin)

    response = client.get("/kec-contoh/surat-pengantar-izin-keramaian/")

    assert response.status_code == 404
    body = response.content.decode()
    assert "Surat Pengantar Izin Keramaian" in body
    assert "belum ditetapkan" in body
