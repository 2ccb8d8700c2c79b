"""Biro Kesejahteraan Rakyat Setda Provinsi Kalimantan Barat: Pelayanan Konsultasi."""

from pelayan.lib.standard_schema import ChannelKind, DurationUnit


def test_kalbar_consults_through_the_information_officer_and_three_bagian(components, published):
    c = components("kesra-kalbar")

    assert [s.actor for s in c.procedure.steps] == [
        "Tamu/Pengguna Layanan",
        "Tamu/Pengguna Layanan",
        "Petugas Informasi",
        "Bagian Bina Mental Spiritual, Bagian Pelayanan Dasar dan Bagian Pelayanan Non Dasar",
    ]
    assert sorted(published("kesra-kalbar").service.agency.units.values_list("name", flat=True)) == [
        "Bagian Bina Mental Spiritual",
        "Bagian Pelayanan Dasar",
        "Bagian Pelayanan Non Dasar",
    ]


def test_kalbar_draws_two_flows_one_for_the_service_and_one_for_complaints(components):
    c = components("kesra-kalbar")
    flows = [*c.procedure.flows, *c.complaint_handling.flows]

    assert [(len(f.nodes), len(f.edges)) for f in flows] == [(3, 2), (4, 3)]
    assert flows[1].nodes[-1].label == "Pengguna Layanan Menerima Jawaban Pengaduan"


def test_kalbar_gives_fifteen_minutes_for_administration_and_leaves_consultation_open(components):
    limits = components("kesra-kalbar").time_limits

    assert [(t.label, t.max and (t.max.value, t.max.unit), t.open_ended) for t in limits] == [
        ("Administrasi", (15, DurationUnit.MINUTE), False),
        ("Konsultasi", None, True),
    ]


def test_kalbar_takes_complaints_over_seven_channels(components):
    channels = components("kesra-kalbar").complaint_handling.channels

    assert [(c.kind, c.normalized) for c in channels] == [
        (ChannelKind.IN_PERSON, None),
        (ChannelKind.COMPLAINT_BOX, None),
        (ChannelKind.WHATSAPP, "+6285828735503"),
        (ChannelKind.PHONE, "+62561736541"),
        (ChannelKind.FAX, "+62561730062"),
        (ChannelKind.EMAIL, "kesra@kalbarprov.go.id"),
        (ChannelKind.LAPOR, "https://www.lapor.go.id"),
    ]
    assert channels[3].value == "(0561) 736541 ext. 126"


def test_kalbar_settles_complaints_in_four_tiers(components):
    tiers = components("kesra-kalbar").complaint_handling.tiers

    assert [(t.key, t.max.value, t.max.unit) for t in tiers] == [
        ("ringan", 3, DurationUnit.HOUR),
        ("normatif", 5, DurationUnit.WORKING_DAY),
        ("tidak-berkadar-pengawasan", 14, DurationUnit.WORKING_DAY),
        ("berkadar-pengawasan", 60, DurationUnit.WORKING_DAY),
    ]


def test_kalbar_has_five_staff_meets_monthly_and_surveys_twice_a_year(components):
    c = components("kesra-kalbar")

    assert (c.staff_count.total, c.staff_count.text) == (5, "5 (lima) orang")
    assert (c.fee.amount, c.fee.text) == (0, "Gratis")
    assert len(c.legal_basis) == 6
    assert len(c.requirements) == 3
    frequencies = [
        e.frequency and (e.frequency.times, e.frequency.per, e.frequency.minimum)
        for e in c.performance_evaluation
    ]
    assert frequencies == [(1, "month", True), (2, "year", False), None]


def test_kalbar_decree_number_is_kept_as_written(published):
    standard = published("kesra-kalbar")

    assert standard.decree_number == "400/...../KESRA/2020"
    assert standard.service.agency.timezone == "Asia/Jakarta"
