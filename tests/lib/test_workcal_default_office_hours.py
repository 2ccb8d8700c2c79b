"""The default calendar follows the national 37.5-hour week in WIB."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from pelayan.lib.workcal import DEFAULT_WEEKLY_HOURS, Calendar

WIB = ZoneInfo("Asia/Jakarta")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=WIB)


def test_the_default_week_has_thirty_seven_and_a_half_hours():
    assert DEFAULT_WEEKLY_HOURS.weekly_seconds == 37.5 * 3600


def test_it_describes_the_default_week_for_display():
    assert DEFAULT_WEEKLY_HOURS.describe()["mon"] == ["07:30-12:00", "13:00-16:00"]
    assert DEFAULT_WEEKLY_HOURS.describe()["fri"] == ["07:30-11:30", "13:00-16:30"]
    assert DEFAULT_WEEKLY_HOURS.describe()["sat"] == []


def test_it_is_open_monday_morning_and_closed_over_the_lunch_break():
    calendar = Calendar()
    assert calendar.is_open(at(9, 7, 30))
    assert calendar.is_open(at(9, 11, 59))
    assert not calendar.is_open(at(9, 12, 0))
    assert calendar.is_open(at(9, 13, 0))
    assert not calendar.is_open(at(9, 16, 0))
    assert not calendar.is_open(at(9, 7, 29))


def test_it_counts_the_longer_friday_break_and_later_friday_close():
    calendar = Calendar()
    friday = 13
    assert not calendar.is_open(at(friday, 11, 30))
    assert not calendar.is_open(at(friday, 12, 59))
    assert calendar.is_open(at(friday, 16, 10))
    assert not calendar.is_open(at(friday, 16, 30))


def test_it_is_closed_on_the_weekend():
    calendar = Calendar()
    assert not calendar.is_open(at(14, 10))
    assert not calendar.is_open(at(15, 10))
    assert not calendar.is_working_day(date(2026, 3, 14))


def test_a_full_ordinary_week_holds_thirty_seven_and_a_half_office_hours():
    calendar = Calendar()
    assert calendar.working_time_between(at(9, 0), at(16, 0)) == timedelta(hours=37.5)


def test_next_opening_is_the_moment_itself_when_open_and_the_next_opening_otherwise():
    calendar = Calendar()
    assert calendar.next_opening(at(9, 9, 15)) == at(9, 9, 15)
    assert calendar.next_opening(at(9, 12, 10)) == at(9, 13, 0)
    assert calendar.next_opening(at(13, 17, 0)) == at(16, 7, 30)


def test_it_answers_in_the_calendar_zone_whatever_zone_the_question_uses():
    calendar = Calendar()
    utc_question = datetime(2026, 3, 9, 1, 0, tzinfo=ZoneInfo("UTC"))  # 08:00 WIB
    assert calendar.is_open(utc_question)
    assert calendar.next_opening(utc_question).tzinfo == WIB
