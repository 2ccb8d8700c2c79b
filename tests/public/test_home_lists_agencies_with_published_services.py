from standards.services import service_create


def test_the_home_page_lists_each_agency_with_its_published_services(client, published, other_agency):
    response = client.get("/")

    assert response.status_code == 200
    body = response.content.decode()
    assert "Kecamatan Contoh" in body
    assert "Surat Pengantar Izin Keramaian" in body
    assert "/kec-contoh/surat-pengantar-izin-keramaian/" in body
    assert "Dinas Lain" in body  # listed, with no service yet


def test_a_service_without_a_published_standard_is_not_listed(client, published, agency):
    service_create(agency=agency, name="Rekomendasi Belum Terbit")

    body = client.get("/").content.decode()

    assert "Rekomendasi Belum Terbit" not in body


def test_the_home_page_is_in_indonesian_by_default(client, published):
    body = client.get("/").content.decode()

    assert '<html lang="id">' in body
    assert "Cari layanan" in body
