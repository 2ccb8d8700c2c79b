"""Agencies change the defaults: their own weekly hours, extra closed days, cancelled days off."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from pelayan.lib.durations import parse_duration
from pelayan.lib.workcal import DEFAULT_WEEKLY_HOURS, Calendar, CalendarError, WeeklyHours

WIB = ZoneInfo("Asia/Jakarta")


def test_a_saturday_counter_counts_saturday_morning():
    weekly = WeeklyHours((*DEFAULT_WEEKLY_HOURS.days[:5], ((8 * 3600, 12 * 3600),), ()))
    # Build the same with the mapping helper to check both spellings agree.
    mapped = WeeklyHours.from_mapping(
        {**dict(enumerate(DEFAULT_WEEKLY_HOURS.days[:5])), "sat": [("08:00", "12:00")]}
    )
    assert weekly == mapped
    calendar = Calendar("Asia/Jakarta", weekly)
    start = datetime(2026, 3, 14, 11, 0, tzinfo=WIB)
    assert calendar.add(start, parse_duration("2 jam")) == datetime(2026, 3, 16, 8, 30, tzinfo=WIB)


def test_several_time_frames_a_day_are_allowed():
    weekly = WeeklyHours.from_mapping(
        {d: [("08:00", "10:00"), ("11:00", "12:00"), ("19:00", "21:00")] for d in range(5)}
    )
    calendar = Calendar("Asia/Jakarta", weekly)
    start = datetime(2026, 3, 9, 9, 0, tzinfo=WIB)
    assert calendar.add(start, parse_duration("3 jam")) == datetime(2026, 3, 9, 20, 0, tzinfo=WIB)


def test_an_extra_closed_day_is_skipped():
    calendar = Calendar(closed_days={date(2026, 3, 10)})
    start = datetime(2026, 3, 9, 9, 0, tzinfo=WIB)
    assert calendar.add(start, parse_duration("1 hari kerja")) == datetime(2026, 3, 11, 16, 0, tzinfo=WIB)


def test_a_cancelled_cuti_bersama_is_a_working_day_again():
    calendar = Calendar(open_days={date(2026, 3, 24)})
    assert calendar.is_working_day(date(2026, 3, 24))
    start = datetime(2026, 3, 17, 10, 0, tzinfo=WIB)
    assert calendar.add(start, parse_duration("1 hari kerja")) == datetime(2026, 3, 24, 16, 0, tzinfo=WIB)


def test_a_declared_working_saturday_uses_the_first_weekday_hours():
    calendar = Calendar(open_days={date(2026, 3, 14)})
    assert calendar.frames_on(date(2026, 3, 14)) == DEFAULT_WEEKLY_HOURS.days[0]


@pytest.mark.parametrize(
    "frames",
    [[("12:00", "08:00")], [("08:00", "12:00"), ("11:00", "13:00")], [("08:00", "25:00")]],
)
def test_it_refuses_frames_that_run_backwards_overlap_or_leave_the_day(frames):
    with pytest.raises(CalendarError):
        WeeklyHours.from_mapping({0: frames})


def test_it_refuses_a_week_without_seven_days():
    with pytest.raises(CalendarError):
        WeeklyHours(((),) * 6)
