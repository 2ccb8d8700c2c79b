"""A 24-hour complaint line: open every hour of every day, holidays included."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pelayan.lib.durations import parse_duration
from pelayan.lib.workcal import ALWAYS_OPEN, Calendar

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def line() -> Calendar:
    return Calendar("Asia/Jakarta", ALWAYS_OPEN, national_holidays=False)


def test_it_is_open_at_midnight_on_nyepi(line):
    assert line.is_open(datetime(2026, 3, 19, 0, 0, tzinfo=WIB))
    assert line.is_working_day(date(2026, 3, 19))


def test_hours_run_straight_through_midnight(line):
    start = datetime(2026, 3, 19, 23, 30, tzinfo=WIB)
    assert line.add(start, parse_duration("1 jam")) == datetime(2026, 3, 20, 0, 30, tzinfo=WIB)


def test_three_hours_for_a_light_complaint_are_three_real_hours(line):
    start = datetime(2026, 3, 21, 22, 0, tzinfo=WIB)
    assert line.add(start, parse_duration("3 jam")) == datetime(2026, 3, 22, 1, 0, tzinfo=WIB)


def test_a_day_ends_at_23_59_59_so_the_deadline_keeps_its_date(line):
    start = datetime(2026, 3, 19, 10, 0, tzinfo=WIB)
    assert line.add(start, parse_duration("1 hari kerja")) == datetime(2026, 3, 20, 23, 59, 59, tzinfo=WIB)


def test_a_whole_week_is_a_hundred_and_sixty_eight_hours(line):
    start = datetime(2026, 3, 16, tzinfo=WIB)
    assert line.working_time_between(start, start + timedelta(days=7)) == timedelta(hours=168)


def test_it_runs_across_the_new_year_without_a_gap(line):
    start = datetime(2026, 12, 31, 23, 0, tzinfo=WIB)
    assert line.add(start, parse_duration("2 jam")) == datetime(2027, 1, 1, 1, 0, tzinfo=WIB)
