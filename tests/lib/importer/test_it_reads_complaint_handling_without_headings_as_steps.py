"""Complaint handling: channel lines and headings ("… dengan prosedur :", "Alur Penanganan
Pengaduan :") are not handling steps; a channel's own procedure stays with the channel."""

from __future__ import annotations

import pytest

from pelayan.lib.importer import parse_document
from tests.lib.importer.support import seed_bytes


@pytest.mark.parametrize("prefix", ["000_", "001_", "002_"])
def test_seeds_that_list_only_channels_have_no_handling_steps(prefix):
    assert parse_document(*seed_bytes(prefix)).components.complaint_handling.steps == []


def test_kedopok_keeps_each_channel_procedure_and_the_three_handling_steps():
    handling = parse_document(*seed_bytes("003_")).components.complaint_handling
    assert [s[:40] for s in handling.steps] == [
        "Semua pengaduan yang masuk melalui berba",
        "Sekretaris Kecamatan menindaklanjuti pen",
        "Hasil tindaklanjut pengaduan disampaikan",
    ]
    assert handling.model_extra["steps_title"] == "Pengelolaan Pengaduan"
    steps = {c.kind: len(c.model_extra.get("steps") or []) for c in handling.channels}
    assert steps == {"in_person": 3, "phone": 2, "website": 4, "email": 3}
    assert handling.logbook == "Buku Pengaduan"
    assert handling.handlers == [
        "Petugas Penerima Pengaduan",
        "Kepala Seksi Pelayanan",
        "Sekretaris Kecamatan",
        "Petugas Pengaduan",
    ]
    assert handling.reply_over_channel_used is True


def test_kalbar_handlers_include_the_team_of_the_flowchart_and_four_tiers():
    handling = parse_document(*seed_bytes("001_")).components.complaint_handling
    assert handling.handlers == ["Pejabat Pengelola Pengaduan", "Tim Pengelola pengaduan"]
    assert [(t.max.value, t.max.unit) for t in handling.tiers] == [
        (3, "hour"),
        (5, "working_day"),
        (14, "working_day"),
        (60, "working_day"),
    ]


def test_bangli_team_formed_for_complaints_is_a_handler():
    handling = parse_document(*seed_bytes("002_")).components.complaint_handling
    assert handling.handlers == ["Tim / petugas khusus penanganan pengaduan saran dan masukan"]
