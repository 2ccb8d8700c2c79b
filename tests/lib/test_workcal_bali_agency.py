"""An agency in Bali counts in WITA and closes on its regional days (Galungan, Umanis Galungan)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from pelayan.lib.durations import parse_duration
from pelayan.lib.workcal import Calendar

WITA = ZoneInfo("Asia/Makassar")
WIB = ZoneInfo("Asia/Jakarta")
GALUNGAN_2026 = date(2026, 6, 17)
UMANIS_GALUNGAN_2026 = date(2026, 6, 18)


def bali() -> Calendar:
    return Calendar("Asia/Makassar", closed_days={GALUNGAN_2026, UMANIS_GALUNGAN_2026})


def test_a_bali_agency_answers_in_wita():
    due = bali().add(datetime(2026, 3, 9, 9, 0, tzinfo=WITA), parse_duration("1 jam"))
    assert due.isoformat() == "2026-03-09T10:00:00+08:00"


def test_regional_days_close_the_bali_office_but_not_a_jakarta_one():
    start = datetime(2026, 6, 15, 10, 0, tzinfo=WITA)
    # Tue 16 June is Islamic New Year everywhere; Bali is also closed on 17 and 18 June.
    assert bali().add(start, parse_duration("1 hari kerja")) == datetime(2026, 6, 19, 16, 30, tzinfo=WITA)
    assert Calendar("Asia/Jakarta").add(start, parse_duration("1 hari kerja")) == datetime(
        2026, 6, 17, 16, 0, tzinfo=WIB
    )


def test_closing_time_is_read_on_the_bali_clock():
    # 15:30 WIB is 16:30 WITA: after closing in Bali, so the case is received on Tuesday.
    start = datetime(2026, 3, 9, 15, 30, tzinfo=WIB)
    assert bali().add(start, parse_duration("1 hari kerja")) == datetime(2026, 3, 11, 16, 0, tzinfo=WITA)
    assert Calendar().add(start, parse_duration("1 hari kerja")) == datetime(2026, 3, 10, 16, 0, tzinfo=WIB)


def test_nyepi_closes_the_bali_office_too():
    assert not bali().is_working_day(date(2026, 3, 19))


def test_it_lists_the_regional_days_among_the_non_working_days():
    days = dict(bali().non_working_days(2026))
    assert GALUNGAN_2026 in days
    assert days[date(2026, 3, 19)] == "Hari Suci Nyepi"
