"""The clock starts, pauses, resumes and stops, and refuses anything out of order."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from pelayan.lib.durations import parse_duration
from pelayan.lib.sla import ClockError, ClockPhase, ClockRecord, Interval, PauseNotAllowedError

WIB = ZoneInfo("Asia/Jakarta")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=WIB)


def started() -> ClockRecord:
    return ClockRecord(parse_duration("5 hari kerja")).start(at(9, 9))


def test_a_new_clock_has_not_started():
    assert ClockRecord(parse_duration("1 jam")).phase is ClockPhase.NOT_STARTED


def test_it_stores_every_interval_and_every_pause_reason():
    record = (
        started()
        .pause(at(10, 9), reason="Berkas dikembalikan untuk dilengkapi", pausable=True, step="verifikasi")
        .resume(at(12, 9))
        .stop(at(13, 10))
    )
    assert record.intervals == (
        Interval(at(9, 9), at(10, 9), "Berkas dikembalikan untuk dilengkapi", "verifikasi"),
        Interval(at(12, 9), at(13, 10)),
    )
    assert record.phase is ClockPhase.STOPPED
    assert record.stopped_at == at(13, 10)


def test_a_paused_clock_can_be_stopped_without_resuming():
    record = started().pause(at(10, 9), reason="Pemohon tidak hadir", pausable=True).stop(at(11, 9))
    assert record.phase is ClockPhase.STOPPED
    assert record.intervals[-1].end == at(10, 9)


def test_it_refuses_a_pause_the_procedure_does_not_allow():
    with pytest.raises(PauseNotAllowedError, match="penandatanganan"):
        started().pause(at(10, 9), reason="Pejabat dinas luar", pausable=False, step="penandatanganan")


def test_it_refuses_a_pause_without_a_reason():
    with pytest.raises(ClockError, match="reason"):
        started().pause(at(10, 9), reason="  ", pausable=True)


@pytest.mark.parametrize(
    "action",
    [
        lambda r: r.start(at(10, 9)),
        lambda r: r.resume(at(10, 9)),
        lambda r: r.stop(at(10, 9)).stop(at(11, 9)),
        lambda r: r.pause(at(10, 9), reason="x", pausable=True).pause(at(11, 9), reason="y", pausable=True),
    ],
)
def test_it_refuses_transitions_out_of_order(action):
    with pytest.raises(ClockError):
        action(started())


def test_it_refuses_events_that_go_back_in_time():
    with pytest.raises(ClockError, match="before"):
        started().pause(at(9, 8), reason="x", pausable=True)


def test_it_refuses_moments_without_a_time_zone():
    with pytest.raises(ClockError, match="time zone"):
        ClockRecord(parse_duration("1 jam")).start(datetime(2026, 3, 9, 9, 0))


def test_it_refuses_an_at_risk_share_outside_zero_to_one():
    with pytest.raises(ClockError):
        ClockRecord(parse_duration("1 jam"), at_risk_share=1.5)
