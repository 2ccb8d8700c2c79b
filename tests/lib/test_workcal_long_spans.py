"""Questions far apart in time give the same answers as questions close together."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from pelayan.lib.durations import parse_duration
from pelayan.lib.workcal import Calendar

WIB = ZoneInfo("Asia/Jakarta")


def test_answers_do_not_depend_on_which_year_was_asked_first():
    fresh, used = Calendar(), Calendar()
    used.add(datetime(2031, 5, 1, 9, tzinfo=WIB), parse_duration("1 jam"))
    used.add(datetime(2019, 5, 1, 9, tzinfo=WIB), parse_duration("1 jam"))
    start = datetime(2026, 3, 16, 9, tzinfo=WIB)
    for text in ("15 menit", "5 hari kerja", "60 hari kerja", "14 hari kalender"):
        assert used.add(start, parse_duration(text)) == fresh.add(start, parse_duration(text))


def test_working_time_between_years_far_apart_adds_up_year_by_year():
    calendar = Calendar()
    a = datetime(2025, 1, 1, tzinfo=WIB)
    b = datetime(2026, 1, 1, tzinfo=WIB)
    c = datetime(2027, 1, 1, tzinfo=WIB)
    assert calendar.working_time_between(a, c) == calendar.working_time_between(
        a, b
    ) + calendar.working_time_between(b, c)


def test_a_very_long_limit_is_still_counted():
    calendar = Calendar()
    start = datetime(2026, 3, 9, 9, tzinfo=WIB)
    due = calendar.add(start, timedelta(hours=37.5 * 200))
    assert calendar.working_time_between(start, due) == timedelta(hours=37.5 * 200)
    assert due.year == 2030
