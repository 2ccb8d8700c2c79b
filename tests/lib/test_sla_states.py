"""The clock reports on_track, at_risk, breached, met or paused."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pelayan.lib.durations import parse_duration
from pelayan.lib.sla import ClockRecord, ClockState, clock_status
from pelayan.lib.workcal import ALWAYS_OPEN, Calendar

WIB = ZoneInfo("Asia/Jakarta")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=WIB)


@pytest.fixture
def calendar() -> Calendar:
    return Calendar()


def one_hour(share: float = 0.75) -> ClockRecord:
    return ClockRecord(parse_duration("1 jam"), at_risk_share=share).start(at(9, 9, 0))


def test_a_fresh_clock_is_on_track_and_says_when_it_falls_due(calendar):
    status = clock_status(one_hour(), calendar, at(9, 9, 30))
    assert status.state is ClockState.ON_TRACK
    assert (status.elapsed, status.remaining) == (timedelta(minutes=30), timedelta(minutes=30))
    assert status.due_at == at(9, 10, 0)
    assert status.at_risk_at == at(9, 9, 45)


def test_it_turns_at_risk_after_three_quarters_of_the_allowance(calendar):
    assert clock_status(one_hour(), calendar, at(9, 9, 44)).state is ClockState.ON_TRACK
    assert clock_status(one_hour(), calendar, at(9, 9, 45)).state is ClockState.AT_RISK


def test_the_at_risk_share_is_configurable(calendar):
    assert clock_status(one_hour(share=0.5), calendar, at(9, 9, 30)).state is ClockState.AT_RISK


def test_it_is_breached_once_the_due_moment_has_passed(calendar):
    status = clock_status(one_hour(), calendar, at(9, 10, 1))
    assert status.state is ClockState.BREACHED
    assert status.breached_at == at(9, 10, 0)
    assert status.remaining == timedelta(minutes=-1)


def test_it_is_breached_after_closing_even_though_no_office_time_passes(calendar):
    record = ClockRecord(parse_duration("1 jam")).start(at(9, 15, 30))
    assert clock_status(record, calendar, at(9, 18, 0)).state is ClockState.ON_TRACK
    assert clock_status(record, calendar, at(10, 8, 1)).state is ClockState.BREACHED


def test_a_clock_stopped_in_time_is_met(calendar):
    status = clock_status(one_hour().stop(at(9, 9, 55)), calendar, at(20, 9))
    assert status.state is ClockState.MET
    assert status.elapsed == timedelta(minutes=55)


def test_a_clock_stopped_late_stays_breached(calendar):
    status = clock_status(one_hour().stop(at(9, 10, 30)), calendar, at(20, 9))
    assert status.state is ClockState.BREACHED


def test_a_clock_stopped_exactly_at_the_due_moment_is_met(calendar):
    assert clock_status(one_hour().stop(at(9, 10, 0)), calendar, at(20, 9)).state is ClockState.MET


def test_a_paused_clock_is_paused_and_has_no_due_moment_yet(calendar):
    record = one_hour().pause(at(9, 9, 20), reason="Berkas dikembalikan", pausable=True)
    status = clock_status(record, calendar, at(11, 9))
    assert status.state is ClockState.PAUSED
    assert status.due_at is None
    assert status.elapsed == timedelta(minutes=20)


def test_a_clock_paused_after_its_due_moment_is_breached(calendar):
    record = one_hour().pause(at(9, 10, 30), reason="Berkas dikembalikan", pausable=True)
    assert clock_status(record, calendar, at(11, 9)).state is ClockState.BREACHED


def test_a_twenty_four_hour_line_counts_every_hour():
    line = Calendar("Asia/Jakarta", ALWAYS_OPEN, national_holidays=False)
    record = ClockRecord(parse_duration("3 jam")).start(at(19, 22, 0))
    status = clock_status(record, line, at(20, 0, 30))
    assert status.state is ClockState.AT_RISK
    assert status.due_at == at(20, 1, 0)
