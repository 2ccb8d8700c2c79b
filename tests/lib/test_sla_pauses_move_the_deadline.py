"""A pause pushes the due moment back by exactly the time the clock stood still."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from pelayan.lib.durations import parse_duration
from pelayan.lib.sla import ClockRecord, ClockState, clock_status
from pelayan.lib.workcal import Calendar

WIB = ZoneInfo("Asia/Jakarta")


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, second, tzinfo=WIB)


def test_without_pauses_the_clock_agrees_with_the_calendar():
    calendar = Calendar()
    record = ClockRecord(parse_duration("5 hari kerja")).start(at(9, 9))
    status = clock_status(record, calendar, at(9, 10))
    assert status.due_at == calendar.add(at(9, 9), parse_duration("5 hari kerja")) == at(16, 16, 0)
    # The rest of Monday 9 March from 09:00 (6 hours) and five full days of 7.5 hours.
    assert status.budget == timedelta(hours=6 + 5 * 7.5)


def test_two_paused_working_days_push_five_working_days_past_the_idul_fitri_holidays():
    calendar = Calendar()
    record = (
        ClockRecord(parse_duration("5 hari kerja"))
        .start(at(9, 9))
        .pause(at(10, 9), reason="Berkas dikembalikan kepada pemohon untuk dilengkapi", pausable=True)
        .resume(at(12, 9))
    )
    status = clock_status(record, calendar, at(12, 10))
    # Due was Mon 16 March 16:00; 15 office hours stood still: Tue 17 March takes 7.5 of them and
    # the holidays run from 18 to 24 March, so the last 7.5 hours fall on Wed 25 March.
    assert status.due_at == at(25, 16, 0)
    assert status.state is ClockState.ON_TRACK


def test_calendar_day_clocks_move_by_real_time():
    calendar = Calendar()
    record = (
        ClockRecord(parse_duration("14 hari kalender"))
        .start(at(2, 8))
        .pause(at(4, 8), reason="Menunggu dokumen", pausable=True)
        .resume(at(7, 8))
    )
    status = clock_status(record, calendar, at(7, 9))
    assert status.due_at == at(19, 23, 59, 59)
    assert not status.counts_office_time
    assert status.elapsed == timedelta(days=2, hours=1)
