"""Kecamatan Kedopok, Kota Probolinggo: Surat Pengantar Izin Keramaian."""

from pelayan.lib.standard_schema import ChannelKind, DurationUnit, RequirementKind, StepAction


def test_kedopok_asks_for_the_signed_form_and_one_photocopy_each_of_kk_and_ktp_el(components):
    requirements = components("kec-kedopok").requirements

    assert [(r.kind, r.copies, r.original) for r in requirements] == [
        (RequirementKind.FORM, None, None),
        (RequirementKind.DOCUMENT, 1, False),
        (RequirementKind.IDENTITY, 1, False),
    ]
    assert requirements[0].text == "Formulir Surat Pengantar Izin Keramaian yang sudah ditandatangani Lurah"


def test_kedopok_runs_seven_steps_from_kelurahan_operator_to_camat_and_back(components):
    steps = components("kec-kedopok").procedure.steps

    assert [(s.actor, s.action) for s in steps] == [
        ("Operator Kelurahan", StepAction.SUBMIT),
        ("Operator Kecamatan", StepAction.VERIFY),
        ("Operator Kecamatan", StepAction.FORWARD),
        ("Camat", StepAction.SIGN),
        ("Camat", StepAction.FORWARD),
        ("Operator Kecamatan", StepAction.DELIVER),
        (None, StepAction.ARCHIVE),  # the decree names no one for "Pengarsipan"
    ]


def test_kedopok_returns_an_incomplete_file_to_the_kelurahan_operator(components):
    steps = components("kec-kedopok").procedure.steps
    submit, verify = steps[0], steps[1]

    assert [(t.condition, t.kind, t.to, t.outcome) for t in verify.transitions] == [
        ("jika berkas lengkap", "approve", "ajukan-camat", "diproses dan dilanjutkan"),
        ("jika tidak lengkap", "return", "ajukan", "dikembalikan kepada Operator Kelurahan untuk dilengkapi"),
    ]
    # The clock stops while the file waits on the kelurahan, not while the kecamatan checks it.
    assert (submit.pauses_clock, verify.pauses_clock) == (True, False)
    assert (submit.role, verify.role) == ("operator-kelurahan", "operator-kecamatan")


def test_kedopok_finishes_in_fifteen_minutes_free_of_charge(components):
    c = components("kec-kedopok")

    assert [(t.max.value, t.max.unit) for t in c.time_limits] == [(15, DurationUnit.MINUTE)]
    assert len(c.time_limits[0].step_ids) == 7
    assert (c.fee.amount, c.fee.text) == (0, "Gratis")
    assert c.products == ["Legalisasi Surat Dokumen"]


def test_kedopok_takes_complaints_in_person_by_phone_website_and_email_into_the_buku_pengaduan(components):
    handling = components("kec-kedopok").complaint_handling

    assert [(c.kind, c.normalized) for c in handling.channels] == [
        (ChannelKind.IN_PERSON, None),
        (ChannelKind.PHONE, "+6282319235435"),
        (ChannelKind.WEBSITE, "https://kec-kedopok.probolinggo.go.id"),
        (ChannelKind.EMAIL, "kec.kedopok@gmail.com"),
    ]
    assert "Janji Siswanto" in handling.channels[0].label
    assert handling.logbook == "Buku Pengaduan"
    assert handling.reply_over_channel_used is True
    assert len(handling.steps) == 3


def test_kedopok_has_five_staff_in_three_roles_with_their_competences(components):
    c = components("kec-kedopok")

    assert c.staff_count.total == 5
    assert [(r.role, r.count) for r in c.staff_count.roles] == [
        ("Camat/ Sekcam", 1),
        ("Kasi Pelayanan", 1),
        ("Pelaksana Administrasi", 3),
    ]
    assert [(k.role, k.education, k.experience) for k in c.competence] == [
        ("Camat/ Sekcam", "Minimal S1 Administrasi Publik", "Minimal 10 Tahun"),
        ("Kasi Pelayanan", "Minimal S1 Administrasi Publik/Ilmu Pemerintahan", "Minimal 5 Tahun"),
        ("Pelaksana Administrasi", "Minimal SMA", "Minimal 1 Tahun"),
    ]


def test_kedopok_rests_on_six_regulations_and_evaluates_monthly_and_each_semester(components):
    c = components("kec-kedopok")

    assert [(r.number, r.year) for r in c.legal_basis] == [
        ("63", 2003),
        ("25", 2008),
        ("101", 2017),
        ("32", 2015),
        ("104", 2016),
        ("75", 2019),
    ]
    assert len(c.facilities) == 14
    assert [(e.kind, e.frequency.per) for e in c.performance_evaluation] == [
        ("monitoring", "month"),
        ("survey", "semester"),
    ]


def test_kedopok_service_belongs_to_the_seksi_pelayanan_of_a_kecamatan_in_probolinggo(published):
    standard = published("kec-kedopok")
    agency = standard.service.agency

    assert (agency.kind, agency.regency, agency.province) == ("kecamatan", "Kota Probolinggo", "Jawa Timur")
    assert standard.service.unit.name == "Seksi Pelayanan"
