"""Seed 003: Kecamatan Kedopok, surat pengantar izin keramaian (TSV with HTML, "A./B. Komponen" halves)."""

from __future__ import annotations

import pytest

from pelayan.lib.importer import parse_services
from pelayan.lib.standard_schema import COMPONENT_KEYS
from tests.lib.importer.support import seed_bytes


@pytest.fixture(scope="module")
def result():
    data, name = seed_bytes("003_")
    results = parse_services(data, name)
    assert len(results) == 1
    return results[0]


def test_it_finds_all_fourteen_components(result):
    assert result.found == list(COMPONENT_KEYS)
    assert result.service == "Pelayanan Surat Pengantar Izin Keramaiaan"


def test_it_reads_three_requirements_with_copies(result):
    reqs = result.components.requirements
    assert [r.text for r in reqs] == [
        "Formulir Surat Pengantar Izin Keramaian yang sudah ditandatangani Lurah",
        "Fotocopy KK 1 Lembar",
        "Fotocopy KTP - el 1 Lembar",
    ]
    assert [r.kind for r in reqs] == ["form", "identity", "identity"]
    assert [(r.copies, r.original) for r in reqs] == [(None, None), (1, False), (1, False)]


def test_it_reads_seven_steps_with_actors_and_the_return_branch(result):
    steps = result.components.procedure.steps
    assert [s.id for s in steps] == [f"s{n}" for n in range(1, 8)]
    assert [s.actor for s in steps] == [
        "Operator Kelurahan",
        "Operator Kecamatan",
        "Operator Kecamatan",
        "Camat",
        "Camat",
        "Operator Kecamatan",
        None,
    ]
    assert [s.action for s in steps] == ["submit", "receive", "submit", "sign", "return", "return", "archive"]
    assert [s.performer for s in steps] == ["staff"] * 6 + ["system"]
    branches = steps[1].branches
    assert [(b.condition, b.outcome) for b in branches] == [
        ("jika berkas lengkap", "akan diproses dan dilanjutkan"),
        ("jika tidak lengkap", "akan dikembalikan kepada Operator Kelurahan untuk dilengkapi"),
    ]
    assert branches[1].goto == "s1"
    assert [(t.kind, t.to) for t in steps[1].transitions] == [("approve", "s3"), ("return", "s1")]
    # The file waits on the kelurahan where it is returned to, so that step stops the clock.
    assert [s.pausable for s in steps] == [True] + [False] * 6


def test_it_reads_time_fee_and_product(result):
    c = result.components
    assert len(c.time_limits) == 1
    assert c.time_limits[0].text == "15 menit"
    assert c.time_limits[0].max.model_dump(mode="json") == {"value": 15, "unit": "minute"}
    assert c.fee.amount == 0
    assert c.products == ["Legalisasi Surat Dokumen"]


def test_it_reads_complaint_channels(result):
    ch = result.components.complaint_handling
    got = [(c.kind, c.value, c.normalized, c.label) for c in ch.channels]
    assert got == [
        ("phone", "082319235435", "+6282319235435", "Call Center"),
        ("website", "kec-kedopok.probolinggo.go.id", "https://kec-kedopok.probolinggo.go.id", None),
        ("email", "kec.kedopok@gmail.com", "kec.kedopok@gmail.com", None),
        ("in_person", None, None, "Sdr. Janji Siswanto"),
    ]
    assert ch.logbook == "Buku Pengaduan"
    assert ch.reply_over_channel_used is True
    assert ch.tiers == []


def test_it_reads_the_management_half(result):
    c = result.components
    assert [(r.type, r.number, r.year) for r in c.legal_basis] == [
        ("Peraturan Menteri Pendayagunaan Aparatur Negara Republik Indonesia", "63", 2003),
        ("Peraturan Presiden", "25", 2008),
        ("Peraturan Walikota Probolinggo", "101", 2017),
        ("Peraturan Wali Kota", "32", 2015),
        ("Peraturan Walikota Probolinggo", "104", 2016),
        ("Peraturan Walikota", "75", 2019),
    ]
    assert c.legal_basis[4].title == "Tugas dan Fungsi Kecamatan"
    assert len(c.facilities) == 14
    assert c.facilities[-2:] == ["Toilet Umum", "Ruang Laktasi"]
    assert [(x.role, x.education, x.experience) for x in c.competence] == [
        ("Camat/ Sekcam", "Minimal S1 Administrasi Publik", "Minimal 10 Tahun"),
        ("Kasi Pelayanan", "Minimal S1 Administrasi Publik/Illmu Pemerintahan", "Minimal 5 Tahun"),
        ("Pelaksana Administrasi", "Minimal SMA", "Minimal 1 Tahun"),
    ]
    assert len(c.internal_supervision) == 3
    assert c.staff_count.total == 5
    assert [(r.role, r.count) for r in c.staff_count.roles] == [
        ("Camat/Sekcam", 1),
        ("Kasi Pelayanan", 1),
        ("Pelaksana Administrasi", 3),
    ]
    assert len(c.service_guarantee) == 1
    assert len(c.security_guarantee) == 5


def test_it_reads_monthly_monitoring_and_a_survey_each_semester(result):
    evaluations = result.components.performance_evaluation
    assert [(e.frequency.times, e.frequency.per, e.kind) for e in evaluations] == [
        (1, "month", "monitoring"),
        (1, "semester", "survey"),
    ]


def test_it_has_nothing_to_warn_about(result):
    assert result.warnings == []
