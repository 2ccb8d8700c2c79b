"""Seed 001: Biro Kesra Kalimantan Barat, consultation ("Service Delivery"/"Manufacturing" halves)."""

from __future__ import annotations

import pytest

from pelayan.lib.importer import parse_document
from pelayan.lib.standard_schema import COMPONENT_KEYS, components_to_json
from tests.lib.importer.support import seed_bytes


@pytest.fixture(scope="module")
def result():
    data, name = seed_bytes("001_")
    return parse_document(data, name)


def test_it_reads_the_decree_header(result):
    assert result.found == list(COMPONENT_KEYS)
    assert result.decree == "400/...../KESRA/2020"
    assert result.agency == "Biro Kesejahteraan Rakyat Sekretariat Daerah Provinsi Kalimantan Barat"
    assert result.service == "Pelayanan Konsultasi"


def test_it_reads_requirements_and_four_steps(result):
    c = result.components
    assert [(r.text, r.kind) for r in c.requirements] == [
        ("Surat Tugas", "document"),
        ("Dokumen/berkas pendukung", "document"),
        ("Tanda pengenal/identitas", "identity"),
    ]
    steps = c.procedure.steps
    assert len(steps) == 4
    assert steps[0].actor == "Tamu/Pengguna Layanan"
    assert steps[3].text.startswith("Menerima layanan konsultasi dari Bagian Bina Mental Spritual")


def test_it_reads_both_mermaid_graphs(result):
    data = components_to_json(result.components)
    assert data["procedure"]["flows"] == [
        {
            "title": None,
            "nodes": [
                {"id": "A", "label": "Tamu/Pengguna"},
                {"id": "B", "label": "Petugas Informasi"},
                {"id": "C", "label": "Menerima layanan konsultasi"},
            ],
            "edges": [{"from": "A", "to": "B", "label": None}, {"from": "B", "to": "C", "label": None}],
        }
    ]
    complaint_flow = data["complaint_handling"]["flows"][0]
    assert [n["id"] for n in complaint_flow["nodes"]] == ["A", "B", "C", "D"]
    assert complaint_flow["nodes"][1]["label"] == "Pejabat Pengelola pengaduan menerima aduan"
    assert [(e["from"], e["to"]) for e in complaint_flow["edges"]] == [("A", "B"), ("B", "C"), ("C", "D")]


def test_it_reads_labelled_time_limits(result):
    limits = result.components.time_limits
    assert [(t.label, t.text) for t in limits] == [
        ("Administrasi", "15 Menit"),
        ("Konsultasi", "Sesuai materi konsultasi"),
    ]
    assert limits[0].max.value == 15 and limits[0].max.unit == "minute"
    assert limits[1].max is None
    assert any("Sesuai materi konsultasi" in w for w in result.warnings)


def test_it_reads_fee_channels_and_four_complaint_tiers(result):
    c = result.components
    assert c.fee.amount == 0
    assert c.products == ["Pelayanan Konsultasi"]
    got = [(ch.kind, ch.value, ch.normalized) for ch in c.complaint_handling.channels]
    assert got == [
        ("whatsapp", "085828735503", "+6285828735503"),
        ("phone", "(0561) 736541 ext. 126", "+62561736541"),
        ("fax", "(0561) 730062", "+62561730062"),
        ("email", "kesra@kalbarprov.go.id", "kesra@kalbarprov.go.id"),
        ("lapor", "SP4N-LAPOR!", "https://www.lapor.go.id"),
        ("in_person", None, None),
        ("complaint_box", "Kotak Pengaduan", None),
    ]
    assert c.complaint_handling.channels[5].label == "Pejabat Pengelola Pengaduan"
    tiers = c.complaint_handling.tiers
    assert [(t.label, t.max.value, t.max.unit) for t in tiers] == [
        ("Pengaduan ringan", 3, "hour"),
        ("Pengaduan bersifat normatif", 5, "working_day"),
        ("Pengaduan tidak berkadar pengawasan", 14, "working_day"),
        ("Pengaduan berkadar pengawasan dan memerlukan pemeriksaan", 60, "working_day"),
    ]


def test_it_reads_the_manufacturing_half(result):
    c = result.components
    assert [(r.number, r.year) for r in c.legal_basis] == [
        ("14", 2008),
        ("25", 2009),
        ("8", 2015),
        ("11", 2019),
        ("92", 2016),
        ("77", 2019),
    ]
    assert c.facilities[:3] == ["Ruang pelayanan", "ruang tunggu", "ruang laktasi"]
    assert len(c.facilities) == 9
    assert len(c.competence) == 4
    assert len(c.internal_supervision) == 3
    assert c.staff_count.total == 5
    assert len(c.service_guarantee) == 2
    assert len(c.security_guarantee) == 2
    freqs = [
        e.frequency and (e.frequency.times, e.frequency.per, e.frequency.minimum)
        for e in c.performance_evaluation
    ]
    assert freqs == [(1, "month", True), (2, "year", False), None]
