"""The names the four seed decrees give their services find the demo services they are versions of."""

from __future__ import annotations

import pytest

from pelayan.lib.service_match import Candidate, best_match

BANTEN = [Candidate(1, "Konsultasi", ("600/SK. /Perkim.1/2021",)), Candidate(2, "Informasi Publik")]


@pytest.mark.parametrize(
    ("imported", "service"),
    [
        ("Pelayanan Konsultasi", "Konsultasi"),
        ("Pelayanan Pengaduan Masyarakat", "Pengaduan Masyarakat"),
        ("Pelayanan Surat Pengantar Izin Keramaiaan", "Surat Pengantar Izin Keramaian"),
    ],
)
def test_the_seed_names_find_the_demo_services(imported, service):
    others = [Candidate(7, "Surat Keterangan Usaha"), Candidate(8, "Legalisasi Dokumen")]
    match = best_match(name=imported, decree=None, candidates=[*others, Candidate(3, service)])
    assert match is not None and match.key == 3


def test_the_decree_number_finds_the_service_under_another_name():
    match = best_match(name="Layanan Tatap Muka", decree="600/SK./Perkim.1/2021", candidates=BANTEN)
    assert match is not None and match.key == 1 and match.by_decree


def test_similar_but_different_services_are_not_matched():
    candidates = [Candidate(1, "Izin Usaha Kecil"), Candidate(2, "Surat Keterangan Usaha")]
    assert best_match(name="Pelayanan Izin Usaha Mikro", decree=None, candidates=candidates) is None


def test_a_decree_number_without_digits_recognises_nothing():
    candidates = [Candidate(1, "Konsultasi", ("…/…/…",))]
    assert best_match(name="Pengaduan", decree="…/…/…", candidates=candidates) is None


def test_one_decree_for_several_services_leaves_the_choice_to_the_names():
    decree = "400/...../KESRA/2020"
    candidates = [Candidate(1, "Pengaduan", (decree,)), Candidate(2, "Pelayanan Konsultasi", (decree,))]
    match = best_match(name="Konsultasi", decree=decree, candidates=candidates)
    assert match is not None and match.key == 2
