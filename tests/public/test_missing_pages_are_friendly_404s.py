from standards.services import service_create


def test_an_unknown_agency_is_a_404_in_indonesian(client, db):
    response = client.get("/tidak-ada/")

    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_an_unknown_service_is_a_404(client, published):
    response = client.get("/kec-contoh/tidak-ada/")

    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_a_service_under_another_agency_is_a_404(client, published, other_agency):
    assert client.get("/dinas-lain/surat-pengantar-izin-keramaian/").status_code == 404


def test_a_service_without_a_published_standard_explains_itself_to_its_admin(client, agency_admin, draft):
    client.force_login(agency_admin)

    response = client.get("/kec-contoh/surat-pengantar-izin-keramaian/")

    assert response.status_code == 404
    body = response.content.decode()
    assert "Surat Pengantar Izin Keramaian" in body
    assert "belum ditetapkan" in body


def test_an_inactive_service_is_a_404(client, published):
    published.service.is_active = False
    published.service.save()

    assert client.get("/kec-contoh/surat-pengantar-izin-keramaian/").status_code == 404


def test_the_public_pages_only_answer_get(client, published, agency):
    service_create(agency=agency, name="Lain")

    assert client.post("/").status_code == 405
    assert client.post("/kec-contoh/surat-pengantar-izin-keramaian/").status_code == 405
