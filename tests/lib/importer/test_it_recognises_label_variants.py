"""Component labels as agencies write them: case, spacing, numbering and slips do not matter."""

from __future__ import annotations

import pytest

from pelayan.lib.importer.sections import match_label, service_title


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("Persyaratan Pelayanan", "requirements"),
        ("1. PERSYARATAN", "requirements"),
        ("Persyaratn Pelayanan", "requirements"),
        ("Sistem, Mekanisme, dan Prosedur", "procedure"),
        ("2 Sistem,Mekanisme dan Prosedur", "procedure"),
        ("Jangka Waktu Penyelesaian/Pelayanan", "time_limits"),
        ("Waktu Pelayanan", "time_limits"),
        ("Biaya/Tarif", "fee"),
        ("Biaya/ Tarif", "fee"),
        ("Biaya (tarif)", "fee"),
        ("Produk Layanan", "products"),
        ("Penanganan/Pengelolaan Pengaduan, Saran dan Masukan", "complaint_handling"),
        ("Penanganan Pengaduan, Saran dan Masukan/", "complaint_handling"),
        ("Sarana, Prasarana dan/atau Fasilitas", "facilities"),
        ("Sarana dan Prasarana dan/atau Fasilitas", "facilities"),
        ("Pengawas Internal", "internal_supervision"),
        ("Pengawasan internal", "internal_supervision"),
        ("Jumlah Pelaksana", "staff_count"),
        ("Jaminan Pelayanan", "service_guarantee"),
        ("Jaminan Keamanan dan Keselamatan Pelayanan", "security_guarantee"),
        ("Evaluasi Kinerja Pelaksana", "performance_evaluation"),
        ("evaluasi   kinerja  PELAKSANA", "performance_evaluation"),
        ("Dasar Hukum a. Undang-Undang Nomor 14 Tahun 2008", "legal_basis"),
    ],
)
def test_it_recognises_the_label(line, key):
    label = match_label(line)
    assert label is not None and label.key == key


def test_it_keeps_what_follows_the_label_on_the_same_line():
    label = match_label("Jumlah Pelaksana 5 (lima) orang")
    assert (label.key, label.rest) == ("staff_count", "5 (lima) orang")


@pytest.mark.parametrize(
    "line", ["Pelayanan pengaduan masyarakat dilakukan secara transparan", "Ruang tunggu"]
)
def test_it_does_not_take_prose_for_a_label(line):
    assert match_label(line) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("2. STANDAR PELAYANAN KONSULTASI", "Pelayanan Konsultasi"),
        ("1. PelayananKonsultasi", "Pelayanan Konsultasi"),
        ("7. PELAYANAN SURAT PENGANTAR IZIN KERAMAIAAN", "Pelayanan Surat Pengantar Izin Keramaiaan"),
    ],
)
def test_it_reads_service_titles(line, name):
    assert service_title(line)[1] == name


def test_it_does_not_take_the_decree_subject_for_a_service():
    assert service_title("PELAYANAN PUBLIK PADA DINAS") is None
