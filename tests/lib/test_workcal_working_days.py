""" "N hari kerja" is due at the close of office on the N-th working day after the day of receipt."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from pelayan.lib.durations import Duration, Unit, parse_duration
from pelayan.lib.workcal import Calendar

WIB = ZoneInfo("Asia/Jakarta")


def at(month: int, day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=WIB)


@pytest.fixture
def calendar() -> Calendar:
    return Calendar()


def test_one_working_day_from_a_monday_morning_is_tuesday_at_closing(calendar):
    assert calendar.add(at(3, 9, 9), parse_duration("1 (satu) hari kerja")) == at(3, 10, 16, 0)


def test_a_case_received_at_16_10_counts_as_received_the_next_working_day(calendar):
    assert calendar.add(at(3, 9, 16, 10), parse_duration("1 hari kerja")) == at(3, 11, 16, 0)


def test_a_case_received_at_16_10_on_friday_is_still_received_on_friday(calendar):
    assert calendar.add(at(3, 13, 16, 10), parse_duration("1 hari kerja")) == at(3, 16, 16, 0)


def test_a_case_received_after_friday_closing_counts_from_monday(calendar):
    assert calendar.add(at(3, 13, 16, 40), parse_duration("1 hari kerja")) == at(3, 17, 16, 0)


def test_a_case_received_at_closing_time_exactly_belongs_to_the_next_day(calendar):
    assert calendar.add(at(3, 9, 16, 0), parse_duration("1 hari kerja")) == at(3, 11, 16, 0)


def test_a_case_received_over_lunch_is_received_that_day(calendar):
    assert calendar.add(at(3, 9, 12, 30), parse_duration("1 hari kerja")) == at(3, 10, 16, 0)


def test_the_deadline_falls_on_a_friday_at_friday_closing(calendar):
    assert calendar.add(at(3, 12, 9), parse_duration("1 hari kerja")) == at(3, 13, 16, 30)


def test_a_range_takes_its_maximum_as_the_deadline(calendar):
    duration = parse_duration("1 – 60 hari kerja")
    assert calendar.add(at(3, 9, 9), duration) == calendar.add(at(3, 9, 9), Duration(60, Unit.WORKING_DAY))


def test_sixty_working_days_from_new_year_count_every_2026_holiday(calendar):
    # 1 Jan is a holiday: Fri 2 Jan is the day of receipt. The 60 days skip 16 Jan, 16-17 Feb and
    # 18-24 Mar, so the 60th is Thu 9 April.
    assert calendar.add(at(1, 1, 8), parse_duration("selambat-lambatnya 60 hari kerja")) == at(4, 9, 16, 0)


def test_working_days_run_across_the_new_year(calendar):
    # Tue 22 Dec 2026 + 3: Wed 23, (24 cuti bersama, 25 Christmas), Mon 28, Tue 29.
    assert calendar.add(at(12, 22, 9), parse_duration("3 hari kerja")) == at(12, 29, 16, 0)
    # ... and into 2027: 30, 31 Dec, then 1 Jan 2027 is New Year's Day.
    assert calendar.add(at(12, 29, 9), parse_duration("3 hari kerja")).date().isoformat() == "2027-01-04"


def test_zero_working_days_is_the_close_of_the_day_of_receipt(calendar):
    assert calendar.add(at(3, 9, 9), Duration(0, Unit.WORKING_DAY)) == at(3, 9, 16, 0)
