"""The demo registry searched as citizens type: other spellings, abbreviations, a city, a requirement."""

import pytest

from standards.selectors import SearchMatch, service_search

KEDOPOK = "Surat Pengantar Izin Keramaian"
BANGLI = "Pengaduan Masyarakat"
KALBAR = "Pelayanan Konsultasi"


def _names(query: str) -> list[str]:
    return [s.name for s in service_search(query=query).services]


@pytest.mark.parametrize("query", ["izin", "ijin", "IJIN keramaian", "ijin kera"])
def test_izin_and_ijin_find_the_permit_letter(demo, query):
    assert _names(query) == [KEDOPOK]


@pytest.mark.parametrize("query", ["KTP", "ktp-el", "e-KTP", "KTP elektronik", "kartu tanda penduduk"])
def test_every_spelling_of_ktp_finds_the_services_that_ask_for_it(demo, query):
    found = _names(query)

    assert KEDOPOK in found  # "Fotocopy KTP-el 1 Lembar"
    assert BANGLI in found  # "KTP/Pengenal lainnya"
    assert KALBAR not in found  # asks for a "tanda pengenal", not a KTP


def test_a_city_finds_the_services_of_its_agencies(demo):
    assert _names("Probolinggo") == [KEDOPOK]  # Kecamatan Kedopok lies in Kota Probolinggo


def test_an_agency_name_finds_its_services(demo):
    assert _names("kedopok") == [KEDOPOK]


def test_the_placeholder_example_finds_services_with_some_of_its_words(demo):
    page = service_search(query="surat keterangan")

    assert page.match == SearchMatch.ANY
    assert KEDOPOK in [s.name for s in page.services]


def test_words_that_nothing_holds_find_nothing(demo):
    page = service_search(query="tilang")

    assert (page.total, page.services, page.match) == (0, [], SearchMatch.NONE)


def test_the_search_page_shows_the_matches_and_who_serves_them(client, demo):
    body = client.get("/", {"q": "ijin"}).content.decode()

    assert "1 layanan cocok dengan “ijin”." in body
    assert "/kec-kedopok/surat-pengantar-izin-keramaian/" in body
    assert "Kecamatan Kedopok" in body
