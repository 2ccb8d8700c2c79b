"""A range takes its maximum as the deadline and keeps its minimum for display."""

import pytest

from pelayan.lib.durations import Duration, DurationError, Unit, parse_duration


@pytest.mark.parametrize(
    "text",
    [
        "1 – 60 hari kerja",
        "1-60 hari kerja",
        "1 s.d. 60 hari kerja",
        "1 s/d 60 hari kerja",
        "1 sampai dengan 60 hari kerja",
    ],
)
def test_it_reads_a_range_of_working_days(text):
    duration = parse_duration(text)
    assert (duration.min_value, duration.max_value, duration.unit) == (1, 60, Unit.WORKING_DAY)
    assert duration.is_range
    assert duration.label() == "1–60 hari kerja"


def test_a_range_between_two_units_keeps_both():
    duration = parse_duration("30 menit - 2 jam")
    assert duration == Duration(2, Unit.HOUR, minimum=Duration(30, Unit.MINUTE))
    assert duration.label() == "30 menit – 2 jam"


def test_antara_dan_is_a_range():
    assert parse_duration("antara 1 dan 3 hari kerja").min_value == 1


def test_a_range_with_equal_ends_is_a_single_value():
    assert parse_duration("3 - 3 hari") == Duration(3, Unit.DAY)


def test_a_single_value_is_its_own_minimum():
    duration = parse_duration("5 hari kerja")
    assert duration.min_value == duration.max_value == 5
    assert not duration.is_range


def test_it_refuses_a_range_that_runs_backwards():
    with pytest.raises(DurationError, match="backwards"):
        parse_duration("60 - 1 hari kerja")
