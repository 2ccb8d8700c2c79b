"""The calendar refuses questions it cannot answer honestly."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pelayan.lib.durations import parse_duration
from pelayan.lib.workcal import Calendar, CalendarError, NaiveDatetimeError, WeeklyHours

WIB = ZoneInfo("Asia/Jakarta")


def test_it_refuses_a_moment_without_a_time_zone():
    with pytest.raises(NaiveDatetimeError):
        Calendar().add(datetime(2026, 3, 9, 9, 0), parse_duration("1 jam"))
    with pytest.raises(NaiveDatetimeError):
        Calendar().is_open(datetime(2026, 3, 9, 9, 0))


def test_it_refuses_a_negative_time_limit():
    with pytest.raises(CalendarError):
        Calendar().add(datetime(2026, 3, 9, 9, 0, tzinfo=WIB), timedelta(hours=-1))


def test_a_calendar_that_never_opens_fails_instead_of_looping():
    closed = Calendar("Asia/Jakarta", WeeklyHours(((),) * 7))
    with pytest.raises(CalendarError, match="no open time"):
        closed.add(datetime(2026, 3, 9, 9, 0, tzinfo=WIB), parse_duration("1 jam"))
    with pytest.raises(CalendarError, match="no open time"):
        closed.add(datetime(2026, 3, 9, 9, 0, tzinfo=WIB), parse_duration("1 hari kerja"))
