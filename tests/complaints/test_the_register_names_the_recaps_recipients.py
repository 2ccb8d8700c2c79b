"""The Buku Pengaduan says who receives its recap by the roles' names, as the standard writes them."""


def test_kedopok_register_names_kasi_pelayanan_and_sekcam(client, kedopok, officer):
    client.force_login(officer("kec-kedopok.petugas-pengaduan"))

    page = client.get("/kerja/pengaduan/buku/kec-kedopok/2026/").content.decode()

    assert "Kasi Pelayanan, Sekretaris Kecamatan" in page
    assert "kasi-pelayanan, sekcam" not in page
