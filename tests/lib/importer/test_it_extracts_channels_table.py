"""The channel extractor on the shapes decrees write (table-based)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelayan.lib.importer.channels import find_channels, find_named_channels, normalise_phone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WA : 085828735503", [("whatsapp", "085828735503", "+6285828735503")]),
        ("Telepon : (0561) 736541 ext. 126", [("phone", "(0561) 736541 ext. 126", "+62561736541")]),
        ("Faximile : (0561) 730062", [("fax", "(0561) 730062", "+62561730062")]),
        ("Call Center Pengaduan, Nomor HP 082319235435", [("phone", "082319235435", "+6282319235435")]),
        ("SMS ke +62 813-1111-2222", [("sms", "+62 813-1111-2222", "+6281311112222")]),
        ("Email : kesra@kalbarprov.go.id", [("email", "kesra@kalbarprov.go.id", "kesra@kalbarprov.go.id")]),
        ("E-mail: Info@Dinas.GO.ID.", [("email", "Info@Dinas.GO.ID", "info@dinas.go.id")]),
        (
            "Website di kec-kedopok.probolinggo.go.id",
            [("website", "kec-kedopok.probolinggo.go.id", "https://kec-kedopok.probolinggo.go.id")],
        ),
        (
            "Web : https://dpmptsp.banglikab.go.id",
            [("website", "https://dpmptsp.banglikab.go.id", "https://dpmptsp.banglikab.go.id")],
        ),
        (
            "Online melalui website SP4N-LAPOR! (www.lapor.go.id)",
            [("lapor", "SP4N-LAPOR!", "https://www.lapor.go.id")],
        ),
        (
            "3) WA : 085828735503 4) Telepon : (0561) 736541",
            [("whatsapp", "085828735503", "+6285828735503"), ("phone", "(0561) 736541", "+62561736541")],
        ),
        ("Tahun 2009 Nomor 112", []),
    ],
)
def test_it_finds_channels_with_addresses(text, expected):
    assert [(c.kind.value, c.value, c.normalized) for c in find_channels(text)] == expected


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Tatap muka langsung kepada Pejabat Pengelola Pengaduan", ["in_person"]),
        ("Tertulis disampaikan ke Kotak Pengaduan", ["complaint_box"]),
        ("Pengaduan secara tertulis ke Dinas PMPTSP", ["letter"]),
        ("Melalui Email,Telp,WA, FB,Web.", ["email", "website", "phone", "whatsapp", "social_media"]),
        ("Pengadu mendatangi petugas, Sdr. JANJI SISWANTO", ["in_person"]),
    ],
)
def test_it_finds_channels_named_by_words(text, kinds):
    assert [c.kind.value for c in find_named_channels(text)] == kinds


def test_it_names_the_officer_met_in_person():
    (channel,) = find_named_channels("Pengadu mendatangi petugas, Sdr. JANJI SISWANTO")
    assert channel.label == "Sdr. Janji Siswanto"


@given(st.sampled_from(["0", "+62", "62", "+62 "]), st.text(alphabet="0123456789", min_size=9, max_size=11))
def test_every_mobile_number_normalises_to_the_same_plus_62_form(prefix, rest):
    number = "8" + rest
    assert normalise_phone(prefix + number) == "+62" + number
