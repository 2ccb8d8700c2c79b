"""Seed 002: DPMPTSP Bangli, complaint service as a markdown pipe table with HTML inside cells."""

from __future__ import annotations

import pytest

from pelayan.lib.importer import parse_document
from pelayan.lib.standard_schema import COMPONENT_KEYS
from tests.lib.importer.support import seed_bytes


@pytest.fixture(scope="module")
def result():
    data, name = seed_bytes("002_")
    return parse_document(data, name)


def test_it_finds_all_components_in_both_tables(result):
    assert result.found == list(COMPONENT_KEYS)
    assert result.service == "Pelayanan Pengaduan Masyarakat"


def test_it_reads_the_mermaid_graph_with_its_loop_back(result):
    (flow,) = result.components.procedure.flows
    assert [(n.id, n.label) for n in flow.nodes] == [
        ("M", "MASYARAKAT"),
        ("PM", "PENGADUAN MANUAL"),
        ("PO", "PENGADUAN ONLINE"),
        ("PP", "PETUGAS PENGADUAN"),
        ("OIT", "OPERATOR IT"),
        ("TPT", "TIM PENGADUAN DAN BIDANG TERKAI"),
        ("HTPM", "HASIL/TINDAK-LANJUT PENGADUAN MASYARAKAT"),
    ]
    # The chart as written has eight arrows, the last one back to MASYARAKAT.
    assert [(e.source, e.target) for e in flow.edges] == [
        ("M", "PM"),
        ("M", "PO"),
        ("PM", "PP"),
        ("PO", "OIT"),
        ("PP", "TPT"),
        ("OIT", "TPT"),
        ("TPT", "HTPM"),
        ("HTPM", "M"),
    ]


def test_it_reads_the_fork_of_the_flowchart_as_two_tracks_meeting_at_the_team(result):
    procedure = result.components.procedure
    assert [t.title for t in procedure.tracks] == ["Pengaduan Manual", "Pengaduan Online"]
    assert [sorted(c.kind for c in t.channels) for t in procedure.tracks] == [
        ["complaint_box", "in_person"],
        ["email", "phone", "website", "whatsapp"],
    ]
    steps = procedure.steps
    assert [(s.performer, s.actor) for s in steps] == [
        ("applicant", "Masyarakat"),
        ("staff", "Petugas Pengaduan"),
        ("applicant", None),
        ("staff", "Operator IT"),
        ("staff", "Tim Pengaduan dan Bidang Terkait"),
        ("staff", "Tim Pengaduan dan Bidang Terkait"),
        ("staff", "Tim Pengaduan dan Bidang Terkait"),
    ]
    assert [s.track for s in steps[4:]] == [None, None, None]
    assert steps[1].transitions[0].to == steps[3].transitions[0].to == "s5"
    assert (
        steps[6].text
        == "Tim Pengaduan dan Bidang Terkait menyampaikan hasil/tindak lanjut Pengaduan masyarakat."
    )
    assert steps[6].transitions[0].end == "completed"


def test_it_reads_a_range_written_in_digits_and_words(result):
    (limit,) = result.components.time_limits
    assert (limit.min.value, limit.min.unit) == (1, "working_day")
    assert (limit.max.value, limit.max.unit) == (60, "working_day")


def test_it_reads_fee_requirements_and_channels(result):
    c = result.components
    assert c.fee.amount == 0
    assert [r.text for r in c.requirements] == ["KTP/Pekenal lainnya", "Alamat Pelapor", "Bukti dukung aduan"]
    kinds = [(ch.kind, ch.normalized) for ch in c.complaint_handling.channels]
    assert kinds == [
        ("complaint_box", None),
        ("letter", None),
        ("in_person", None),
        ("email", "dpmptspbangli@gmail.com"),
        ("website", "https://dpmptsp.banglikab.go.id"),
        ("phone", "+6236691267"),
        ("whatsapp", "+628123866945"),
        ("social_media", None),
    ]
    # "Melalui Email,Telp,WA, FB,Web" names channels without addresses; they come from the procedure.
    assert sum("diambil dari komponen lain" in w for w in result.warnings) == 4


def test_it_reads_the_management_table(result):
    c = result.components
    assert [(r.type, r.number, r.year) for r in c.legal_basis][:3] == [
        ("Undang-Undang", "25", 2009),
        ("Peraturan Pemerintah", "96", 2012),
        ("Peraturan Presiden", "76", 2013),
    ]
    assert len(c.legal_basis) == 5
    assert c.facilities == ["Meja", "Kursi", "Hp", "Komputer/Laptop", "Printer", "Alat Tulis Kantor"]
    assert len(c.competence) == 2
    assert len(c.internal_supervision) == 1
    assert c.service_guarantee == ["Formulir dan Arsif"]
    assert len(c.security_guarantee) == 1
    assert c.performance_evaluation[0].frequency.per == "case"
    assert c.performance_evaluation[1].frequency is None


def test_it_keeps_a_head_count_without_a_number_and_warns(result):
    staff = result.components.staff_count
    assert staff.total is None
    assert staff.text.startswith("Tim Penyediaan Layanan Konsultasi")
    assert any(w.startswith("[Jumlah Pelaksana]") for w in result.warnings)
