"""Dinas Perumahan Rakyat dan Kawasan Permukiman Provinsi Banten: Konsultasi."""

from pelayan.lib.standard_schema import ChannelKind, DurationUnit


def test_banten_standard_carries_its_decree_as_written(published):
    standard = published("perkim-banten")

    assert standard.decree_number == "600/SK. /Perkim.1/2021"
    assert standard.decree_date_text == "Februari 2021"
    assert standard.decree_date is None
    assert standard.signed_by_name == "M. Rachmat Rogianto"
    assert standard.decree_title.startswith("Penetapan Standar Pelayanan Publik pada Dinas Perumahan Rakyat")


def test_banten_consults_by_letter_or_by_walking_in(components):
    steps = components("perkim-banten").procedure.steps

    assert [s.id for s in steps if s.track == "surat"] == [f"surat-{n}" for n in range(1, 7)]
    assert [s.id for s in steps if s.track == "hadir-langsung"] == [f"hadir-{x}" for x in "abcde"]
    tracks = components("perkim-banten").procedure.tracks
    assert [(t.key, [c.kind for c in t.channels]) for t in tracks] == [
        ("surat", ["letter", "email"]),
        ("hadir-langsung", ["in_person"]),
    ]
    assert {s.actor for s in steps} >= {"Petugas Front Office", "Pimpinan", "Petugas/pegawai yang ditugaskan"}


def test_banten_continues_an_approved_letter_with_a_scheduled_visit(components):
    reply = next(s for s in components("perkim-banten").procedure.steps if s.id == "surat-4")

    assert [(t.condition, t.to, t.end) for t in reply.transitions] == [
        ("Apabila permohonan disetujui", "surat-5", None),
        ("Apabila permohonan tidak disetujui", None, "rejected"),
    ]


def test_banten_replies_within_a_day_consults_within_three_and_receives_walk_ins_within_an_hour(components):
    limits = components("perkim-banten").time_limits

    assert [(t.key, t.max.value, t.max.unit) for t in limits] == [
        ("surat-jawaban", 1, DurationUnit.DAY),
        ("pelaksanaan-konsultasi", 3, DurationUnit.DAY),
        ("hadir-langsung", 1, DurationUnit.HOUR),
    ]
    assert "sejak surat permohonan diterima" in limits[0].text
    # The reply letter's day runs from receipt until the reply leaves; the consultation's three
    # days from the reply until the visitor is brought in; the walk-in's hour until the officer.
    assert [(t.track, t.start and t.start.step, t.stop and t.stop.step) for t in limits] == [
        ("surat", None, "surat-4"),
        ("surat", "surat-4", "surat-6"),
        ("hadir-langsung", None, "hadir-d"),
    ]


def test_banten_asks_for_a_letter_and_for_originals_from_walk_ins(components):
    requirements = components("perkim-banten").requirements

    assert len(requirements) == 8
    walk_in = [r for r in requirements if r.channel == "in_person"]
    assert [(r.kind, r.original) for r in walk_in] == [("form", None), ("document", True), ("identity", True)]


def test_banten_takes_complaints_by_letter_email_desk_box_lapor_and_website(components):
    handling = components("perkim-banten").complaint_handling

    assert [(c.kind, c.normalized) for c in handling.channels] == [
        (ChannelKind.LETTER, None),
        (ChannelKind.EMAIL, "perkimbantenprovinsi@gmail.com"),
        (ChannelKind.IN_PERSON, None),
        (ChannelKind.COMPLAINT_BOX, None),
        (ChannelKind.LAPOR, "https://www.lapor.go.id"),
        (ChannelKind.WEBSITE, "https://perkim.bantenprov.go.id/"),
    ]
    assert "Pejabat Pengelola Pengaduan" in handling.handlers


def test_banten_rests_on_eight_regulations_and_has_two_staff(components):
    c = components("perkim-banten")

    assert [(r.type, r.number, r.year) for r in c.legal_basis] == [
        ("Undang-Undang", "14", 2008),
        ("Undang-Undang", "25", 2009),
        ("Peraturan Pemerintah", "61", 2010),
        ("Peraturan Pemerintah", "96", 2012),
        ("Peraturan Presiden", "68", 2019),
        ("Peraturan Daerah Provinsi", "8", 2016),
        ("Peraturan Gubernur", "11", 2011),
        ("Peraturan Gubernur", "38", 2017),
    ]
    assert c.staff_count.total == 2
    assert (c.fee.amount, c.fee.text) == (0, "Tidak ada biaya/tarif.")
    assert c.performance_evaluation[0].frequency.model_dump() == {"times": 1, "per": "year", "minimum": True}
