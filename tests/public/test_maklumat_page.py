from public.presenters import DEFAULT_PLEDGE


def test_the_maklumat_lists_each_service_with_its_time_limit_and_fee(client, published, second_service):
    body = client.get("/kec-contoh/maklumat/").content.decode()

    assert "MAKLUMAT PELAYANAN" in body
    assert "Surat Pengantar Izin Keramaian" in body
    assert "Legalisasi Surat Keterangan Ahli Waris" in body
    assert "paling lama 15 menit" in body
    assert "Rp 50.000" in body


def test_an_agency_without_its_own_pledge_uses_the_standard_wording(client, published):
    body = client.get("/kec-contoh/maklumat/").content.decode()

    assert "Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan" in body
    assert str(DEFAULT_PLEDGE) in body


def test_an_agency_pledge_and_head_are_shown_for_signature(client, published, agency):
    agency.pledge = "Kami siap melayani dengan sepenuh hati."
    agency.head_title = "Camat Contoh"
    agency.head_name = "Budi Santoso"
    agency.save()

    body = client.get("/kec-contoh/maklumat/").content.decode()

    assert "Kami siap melayani dengan sepenuh hati." in body
    assert "Camat Contoh" in body
    assert "Budi Santoso" in body
    assert "Kota Contoh," in body


def test_the_agency_page_links_to_the_maklumat(client, published):
    body = client.get("/kec-contoh/").content.decode()

    assert 'href="/kec-contoh/maklumat/"' in body
    assert "Surat Pengantar Izin Keramaian" in body
