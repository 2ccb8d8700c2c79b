"""The March 2026 run of Nyepi, Idul Fitri and cuti bersama, as the `holidays` package lists them
(categories public + government): Wed 18 cuti bersama Nyepi, Thu 19 Nyepi, Fri 20 cuti bersama,
Sat 21 - Sun 22 Idul Fitri, Mon 23 - Tue 24 cuti bersama. The office reopens on Wed 25 March."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from pelayan.lib.durations import parse_duration
from pelayan.lib.workcal import Calendar, national_non_working_days

WIB = ZoneInfo("Asia/Jakarta")


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, second, tzinfo=WIB)


def test_the_package_lists_the_march_2026_run_of_holidays_and_cuti_bersama():
    days = national_non_working_days(2026)
    march = {day: name for day, name in days.items() if day.month == 3}
    assert march == {
        date(2026, 3, 18): "Cuti Bersama Hari Suci Nyepi",
        date(2026, 3, 19): "Hari Suci Nyepi",
        date(2026, 3, 20): "Cuti Bersama Hari Raya Idul Fitri",
        date(2026, 3, 21): "Hari Raya Idul Fitri",
        date(2026, 3, 22): "Hari kedua dari Hari Raya Idul Fitri",
        date(2026, 3, 23): "Cuti Bersama Hari Raya Idul Fitri",
        date(2026, 3, 24): "Cuti Bersama Hari Raya Idul Fitri",
    }


def test_the_office_is_closed_from_18_to_24_march_2026():
    calendar = Calendar()
    for day in range(18, 25):
        assert not calendar.is_working_day(date(2026, 3, day)), day
    assert calendar.is_working_day(date(2026, 3, 17))
    assert calendar.is_working_day(date(2026, 3, 25))


def test_an_hour_started_late_on_the_last_day_before_the_break_ends_after_it():
    calendar = Calendar()
    assert calendar.add(at(17, 15, 30), parse_duration("1 jam")) == at(25, 8, 0)


def test_one_working_day_from_the_day_before_the_break_falls_on_the_first_day_after_it():
    calendar = Calendar()
    assert calendar.add(at(17, 10), parse_duration("1 hari kerja")) == at(25, 16, 0)


def test_five_working_days_skip_the_whole_holiday_run():
    calendar = Calendar()
    # Mon 16 is the day of receipt; Tue 17, Wed 25, Thu 26, Fri 27, Mon 30 are the five days.
    assert calendar.add(at(16, 9), parse_duration("5 hari kerja")) == at(30, 16, 0)


def test_a_case_received_during_the_holidays_counts_from_the_first_day_back():
    calendar = Calendar()
    assert calendar.add(at(19, 10), parse_duration("1 jam")) == at(25, 8, 30)
    # Received on Nyepi: the day of receipt is Wed 25, so one working day is Thu 26.
    assert calendar.add(at(19, 10), parse_duration("1 hari kerja")) == at(26, 16, 0)


def test_the_holiday_run_holds_no_office_time():
    calendar = Calendar()
    assert calendar.working_time_between(at(17, 16, 0), at(25, 7, 30)) == timedelta(0)
    assert calendar.next_opening(at(18, 9)) == at(25, 7, 30)


def test_plain_hari_is_counted_like_hari_kerja_across_the_holidays():
    calendar = Calendar()
    assert calendar.add(at(16, 9), parse_duration("paling lambat 3 (tiga) hari")) == at(26, 16, 0)
