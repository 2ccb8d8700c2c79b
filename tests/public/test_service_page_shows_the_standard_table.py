import pytest

from pelayan.lib.standard_schema import COMPONENT_KEYS
from standards.components import COMPONENT_LABELS

URL = "/kec-contoh/surat-pengantar-izin-keramaian/"


@pytest.fixture
def body(client, published) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_both_parts_of_the_official_table(body):
    assert "A. Komponen standar pelayanan yang terkait dengan proses penyampaian pelayanan" in body
    assert (
        "B. Komponen standar pelayanan yang terkait dengan pengelolaan pelayanan di internal organisasi"
        in body
    )
    for column in ("NO", "KOMPONEN", "URAIAN"):
        assert f">{column}</span>" in body


def test_it_shows_every_one_of_the_fourteen_components(body):
    for key in COMPONENT_KEYS:
        assert f"<h3>{COMPONENT_LABELS[key]}</h3>" in body


def test_it_shows_the_content_of_each_component(body):
    for text in (
        "Fotokopi KTP-el",
        "Camat menandatangani secara digital",
        "Surat pengantar izin keramaian",
        "Buku Pengaduan",
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
        "Meja pelayanan",
        "Mampu mengoperasikan komputer",
        "Pengawasan melekat oleh atasan langsung",
        "2 orang",
        "Pelayanan sesuai standar",
        "CCTV di ruang pelayanan",
        "Monitoring setiap bulan",
        "1 kali per bulan",
    ):
        assert text in body, text


def test_it_shows_the_time_limit_in_words_and_the_fee(body):
    assert "paling lama 15 menit" in body
    assert ">Gratis<" in body


def test_it_shows_the_decree(body):
    for text in (
        "800/123/KEP/2024",
        "Februari 2024",
        "Standar Pelayanan Kecamatan Contoh",
        "Budi Santoso",
        "Camat Contoh",
    ):
        assert text in body


def test_it_draws_the_procedure_and_lists_its_steps_with_actors_and_transitions(body):
    assert "<svg" in body
    assert 'class="actor">Operator Kecamatan<' in body
    assert "Alur: Pengajuan daring oleh Operator Kelurahan" in body  # the track as the decree titles it
    assert "<strong>jika tidak lengkap</strong>: dikembalikan → kembali ke langkah 1" in body
    assert "<strong>jika lengkap</strong> → lanjut ke langkah 3" in body


def test_it_makes_the_complaint_e_mail_a_link(body):
    assert 'href="mailto:kec@example.go.id"' in body
