"""The duration parser reads time limits the way decrees write them."""

import pytest

from pelayan.lib.durations import Duration, Unit, parse_duration


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("15 menit", 15, Unit.MINUTE),
        ("maksimal 1 (satu) jam", 1, Unit.HOUR),
        ("1 (satu) hari sejak surat permohonan diterima", 1, Unit.DAY),
        ("paling lambat 3 (tiga) hari", 3, Unit.DAY),
        ("5 hari kerja", 5, Unit.WORKING_DAY),
        ("selambat-lambatnya 60 hari kerja", 60, Unit.WORKING_DAY),
        ("14 hari kalender", 14, Unit.CALENDAR_DAY),
        ("60 (enam puluh) Hari Kerja", 60, Unit.WORKING_DAY),
        ("enam puluh hari kerja", 60, Unit.WORKING_DAY),
        ("dua belas jam", 12, Unit.HOUR),
        ("Paling lama 7 (tujuh) Hari Kerja setelah berkas lengkap", 7, Unit.WORKING_DAY),
        ("5 HK", 5, Unit.WORKING_DAY),
    ],
)
def test_it_reads_indonesian_time_limits(text, value, unit):
    assert parse_duration(text) == Duration(value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("90 minutes", 90, Unit.MINUTE),
        ("1 minute", 1, Unit.MINUTE),
        ("2 hours", 2, Unit.HOUR),
        ("5 working days", 5, Unit.WORKING_DAY),
        ("1 working day", 1, Unit.WORKING_DAY),
        ("10 calendar days", 10, Unit.CALENDAR_DAY),
        ("3 days", 3, Unit.DAY),
    ],
)
def test_it_reads_english_time_limits(text, value, unit):
    assert parse_duration(text) == Duration(value, unit)


def test_it_multiplies_one_times_twenty_four_hours():
    assert parse_duration("1 x 24 jam") == Duration(24, Unit.HOUR)
    assert parse_duration("3 kali 24 jam") == Duration(72, Unit.HOUR)


def test_it_adds_hours_and_minutes_into_minutes():
    assert parse_duration("1 jam 30 menit") == Duration(90, Unit.MINUTE)


def test_it_skips_numbers_that_are_not_time_limits():
    assert parse_duration("Pasal 5 ayat 2: paling lambat 3 hari") == Duration(3, Unit.DAY)


def test_plain_hari_is_a_day_counted_as_a_working_day():
    duration = parse_duration("3 hari")
    assert duration.unit is Unit.DAY
    assert duration.counted_as_working_days
    assert "hari kerja" in duration.note()


def test_a_duration_survives_a_round_trip_through_a_dict():
    duration = parse_duration("1 – 60 hari kerja")
    assert Duration.from_dict(duration.as_dict()) == duration
    assert duration.as_dict() == {
        "value": 60,
        "unit": "working_day",
        "min": {"value": 1, "unit": "working_day"},
    }
