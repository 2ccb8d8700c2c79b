"""Minutes and hours count only inside office hours."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pelayan.lib.durations import parse_duration
from pelayan.lib.workcal import Calendar

WIB = ZoneInfo("Asia/Jakarta")


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


@pytest.fixture
def calendar() -> Calendar:
    return Calendar()


def test_a_walk_in_at_15_30_on_monday_with_one_hour_is_due_at_08_00_on_tuesday(calendar):
    assert calendar.add(at(3, 9, 15, 30), parse_duration("1 jam")) == at(3, 10, 8, 0)


def test_fifteen_minutes_inside_office_hours_are_fifteen_real_minutes(calendar):
    assert calendar.add(at(3, 9, 9, 0), parse_duration("15 menit")) == at(3, 9, 9, 15)


def test_a_case_received_before_opening_starts_at_opening(calendar):
    assert calendar.add(at(3, 9, 6, 0), parse_duration("15 menit")) == at(3, 9, 7, 45)


def test_a_case_received_on_sunday_starts_monday_morning(calendar):
    assert calendar.add(at(3, 8, 20, 0), parse_duration("maksimal 1 (satu) jam")) == at(3, 9, 8, 30)


def test_it_skips_the_monday_lunch_break(calendar):
    assert calendar.add(at(3, 9, 11, 30), parse_duration("1 jam")) == at(3, 9, 13, 30)


def test_it_counts_friday_afternoon_break(calendar):
    # Friday: 30 minutes before the 11:30 break, then from 13:00.
    assert calendar.add(at(3, 13, 11, 0), parse_duration("1 jam")) == at(3, 13, 13, 30)


def test_a_friday_afternoon_case_runs_over_the_weekend(calendar):
    # 15:00 to the 16:30 close is 90 minutes; the last 30 fall on Monday morning.
    assert calendar.add(at(3, 13, 15, 0), parse_duration("2 jam")) == at(3, 16, 8, 0)


def test_friday_at_16_10_is_still_open(calendar):
    assert calendar.add(at(3, 13, 16, 10), parse_duration("1 jam")) == at(3, 16, 8, 10)


def test_time_that_runs_out_at_the_break_is_due_at_the_break_not_after_it(calendar):
    assert calendar.add(at(3, 9, 11, 0), parse_duration("60 menit")) == at(3, 9, 12, 0)


def test_time_that_runs_out_at_closing_is_due_at_closing(calendar):
    assert calendar.add(at(3, 9, 15, 0), parse_duration("1 jam")) == at(3, 9, 16, 0)


def test_one_times_twenty_four_hours_is_twenty_four_office_hours(calendar):
    # 24 office hours from Monday 07:30 is three full days and 1.5 hours of the fourth.
    assert calendar.add(at(3, 9, 7, 30), parse_duration("1 x 24 jam")) == at(3, 12, 9, 0)


def test_a_timedelta_is_office_time_too(calendar):
    assert calendar.add(at(3, 9, 15, 30), timedelta(hours=1)) == at(3, 10, 8, 0)


def test_zero_time_is_due_at_once(calendar):
    assert calendar.add(at(3, 8, 20, 0), timedelta(0)) == at(3, 8, 20, 0)


def test_working_time_between_counts_only_office_time(calendar):
    assert calendar.working_time_between(at(3, 9, 15, 30), at(3, 10, 8, 0)) == timedelta(hours=1)
    assert calendar.working_time_between(at(3, 10, 8, 0), at(3, 9, 15, 30)) == timedelta(hours=-1)
