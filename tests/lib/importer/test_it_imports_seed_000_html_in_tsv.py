"""Seed 000: Dinas Perkim Banten, consultation; HTML inside TSV, the procedure split by page breaks."""

from __future__ import annotations

import pytest

from pelayan.lib.importer import parse_document
from pelayan.lib.standard_schema import COMPONENT_KEYS
from tests.lib.importer.support import seed_bytes


@pytest.fixture(scope="module")
def result():
    data, name = seed_bytes("000_")
    return parse_document(data, name)


def test_it_reads_the_decree_header_and_signature(result):
    assert result.found == list(COMPONENT_KEYS)
    assert result.decree == "600/SK. /Perkim.1/2021"
    assert result.decree_date == "Februari 2021"
    assert result.agency == "Dinas Perumahan Rakyat dan Kawasan Permukiman Provinsi Banten"
    assert result.service == "Pelayanan Konsultasi"
    assert result.signed_by == "M. Rachmat Rogianto"
    # "KEPALA DINAS," under the decree of the "KEPALA DINAS PERUMAHAN … PROVINSI BANTEN"
    assert result.signer_title == "Kepala Dinas Perumahan Rakyat dan Kawasan Permukiman Provinsi Banten"
    assert result.lampiran == "Lampiran II"


def test_it_splits_requirements_run_together_without_separators(result):
    reqs = result.components.requirements
    assert [r.text[:40] for r in reqs] == [
        "identitas pemohon yang meliputi nama per",
        "materi konsultasi yang diminta secara je",
        "mencantumkan maksud dan tujuan permohona",
        "mencantumkan waktu konsultasi",
        "melampirkan foto kopi kartu tanda pendud",
        "registrasi tamu melalui mengisi buku tam",
        "membawa surat permohonan asli dari pimpi",
        "menunjukkan kartu tanda penduduk/paspor/",
    ]
    assert reqs[4].original is False
    assert reqs[6].original is True
    assert [r.channel for r in reqs] == [None] * 5 + ["hadir langsung"] * 3


def test_it_keeps_the_address_lines_as_notes_with_warnings(result):
    notes = result.components.model_extra["notes"]["requirements"]
    assert notes[1] == "Dinas Perumahan Rakyat dan Kawasan Permukiman Provinsi Banten"
    assert sum(w.startswith("[Persyaratan]") for w in result.warnings) == len(notes) == 4


def test_it_joins_the_procedure_across_page_breaks_into_two_tracks(result):
    steps = result.components.procedure.steps
    assert len(steps) == 11
    assert steps[0].text == (
        "Peguna layanan menyampaikan surat permohonan konsultasi ditujukan kepada Dinas Perumahan Rakyat "
        "dan Kawasan Permukiman Provinsi Banten"
    )
    tracks = result.components.procedure.tracks
    assert [t.title for t in tracks] == [
        "Konsultasi dengan usulan melalui surat",
        "Konsultasi dengan hadir langsung Dinas Perumahan Rakyat dan Kawasan Permukiman Provinsi Banten",
    ]
    assert {s.track for s in steps[:6]} == {tracks[0].key}
    assert {s.track for s in steps[6:]} == {tracks[1].key}
    assert steps[3].text.endswith("diselenggarakan secara: tatap muka langsung")
    assert steps[4].text.startswith("pengguna layanan datang langsung")
    # Written from the applicant's side, but only the letter itself is the applicant's act.
    assert [s.performer for s in steps] == ["applicant"] + ["staff"] * 10
    assert steps[9].branches[0].condition == "Apabila permohonan diterima"


def test_it_reads_three_time_limits_from_two_items(result):
    got = [(t.max.value, t.max.unit) for t in result.components.time_limits]
    assert got == [(1, "day"), (3, "day"), (1, "hour")]


def test_it_reads_fee_product_and_channels(result):
    c = result.components
    assert c.fee.amount == 0
    assert c.fee.text == "Tidak ada biaya/tarif"
    assert c.products == ["Surat jawaban dan/atau konsultasi yang diminta"]
    kinds = [ch.kind for ch in c.complaint_handling.channels]
    assert kinds == ["email", "lapor", "website", "letter", "in_person", "complaint_box"]
    letter = c.complaint_handling.channels[3]
    assert letter.value.startswith("Sekretaris Dinas Perumahan Rakyat dan Kawasan Permukiman Provinsi Banten")


def test_it_reads_the_management_half(result):
    c = result.components
    assert [r.number for r in c.legal_basis] == ["14", "25", "61", "96", "68", "8", "11", "38"]
    assert c.legal_basis[0].title == "Keterbukaan Informasi Publik"
    assert c.facilities == [
        "Ruang tamu dengan pendingin ruangan",
        "Meja dan kursi",
        "Komputer",
        "Printer",
        "Jaringan internet",
    ]
    assert len(c.competence) == 4
    assert c.internal_supervision[2] == "Aparat Pengawasan Intern Pemerintahan (APIP)"
    assert c.staff_count.total == 2
    assert len(c.security_guarantee) == 2
    first = c.performance_evaluation[0].frequency
    assert (first.times, first.per, first.minimum) == (1, "year", True)
    assert c.performance_evaluation[1].kind == "survey"


def test_it_does_not_import_the_signature_as_evaluation(result):
    assert all("ROGIANTO" not in e.text for e in result.components.performance_evaluation)
