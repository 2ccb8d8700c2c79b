""" "hari kalender" counts calendar days and ends at 23:59:59 local time of the N-th day."""

from datetime import datetime
from zoneinfo import ZoneInfo

from pelayan.lib.durations import parse_duration
from pelayan.lib.workcal import Calendar

WIB = ZoneInfo("Asia/Jakarta")
WIT = ZoneInfo("Asia/Jayapura")


def test_fourteen_calendar_days_run_through_weekends_and_holidays():
    calendar = Calendar()
    start = datetime(2026, 3, 16, 8, 0, tzinfo=WIB)
    assert calendar.add(start, parse_duration("14 hari kalender")) == datetime(
        2026, 3, 30, 23, 59, 59, tzinfo=WIB
    )


def test_a_letter_left_when_the_office_is_closed_is_received_at_the_next_opening():
    calendar = Calendar()
    saturday = datetime(2026, 3, 14, 10, 0, tzinfo=WIB)
    assert calendar.add(saturday, parse_duration("3 hari kalender")) == datetime(
        2026, 3, 19, 23, 59, 59, tzinfo=WIB
    )


def test_the_end_of_the_day_is_local_to_the_agency():
    calendar = Calendar("Asia/Jayapura")
    start = datetime(2026, 3, 9, 8, 0, tzinfo=WIT)
    due = calendar.add(start, parse_duration("1 calendar day"))
    assert due.isoformat() == "2026-03-10T23:59:59+09:00"
