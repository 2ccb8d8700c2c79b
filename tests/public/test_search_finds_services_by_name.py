def test_search_finds_a_service_by_a_word_of_its_name_and_not_the_others(client, published, second_service):
    body = client.get("/", {"q": "ahli"}).content.decode()

    assert "Legalisasi Surat Keterangan Ahli Waris" in body
    assert "Surat Pengantar Izin Keramaian" not in body


def test_search_ignores_case_and_lists_only_agencies_with_a_match(client, published, other_agency):
    body = client.get("/", {"q": "KERAMAIAN"}).content.decode()

    assert "Surat Pengantar Izin Keramaian" in body
    assert "Dinas Lain" not in body


def test_search_with_no_match_says_so(client, published):
    body = client.get("/", {"q": "paspor"}).content.decode()

    assert "Tidak ada layanan yang cocok" in body


def test_search_as_you_type_returns_only_the_results(client, published, second_service):
    response = client.get("/", {"q": "waris"}, headers={"HX-Request": "true"})

    body = response.content.decode()
    assert "Legalisasi Surat Keterangan Ahli Waris" in body
    assert "<html" not in body
    assert "HX-Request" in response["Vary"]
