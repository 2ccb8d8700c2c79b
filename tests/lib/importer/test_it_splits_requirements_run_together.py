"""Items written without separators or across page breaks become one item each."""

from __future__ import annotations

from pelayan.lib.importer.items import split_lines


def _texts(*lines):
    return [p.text for p in split_lines(list(enumerate(lines)))]


def test_it_splits_numbered_items_on_one_line():
    assert _texts(
        "1. Formulir yang ditandatangani Lurah 2. Fotocopy KK 1 Lembar 3. Fotocopy KTP - el 1 Lembar"
    ) == [
        "Formulir yang ditandatangani Lurah",
        "Fotocopy KK 1 Lembar",
        "Fotocopy KTP - el 1 Lembar",
    ]


def test_it_splits_items_glued_by_semicolons():
    assert _texts("alamat e-mail;materi konsultasi;mencantumkan waktu; danmelampirkan foto kopi KTP") == [
        "alamat e-mail",
        "materi konsultasi",
        "mencantumkan waktu",
        "melampirkan foto kopi KTP",
    ]


def test_it_continues_a_numbered_list_glued_to_a_word():
    texts = _texts("4. Menunggu jawaban secara:", "- tatap muka langsung5. pengguna layanan datang")
    assert texts == ["Menunggu jawaban secara:", "tatap muka langsung", "pengguna layanan datang"]


def test_it_joins_an_item_broken_by_a_page_break():
    assert _texts(
        "1. Pemohon menyampaikan surat kepada Dinas Perumahan Rakyat", "dan Kawasan Permukiman;"
    ) == ["Pemohon menyampaikan surat kepada Dinas Perumahan Rakyat dan Kawasan Permukiman;"]


def test_it_does_not_split_an_address_on_hyphens():
    assert _texts("Jl Syech Nawawi, Palima – Curug - Serang") == ["Jl Syech Nawawi, Palima – Curug - Serang"]
