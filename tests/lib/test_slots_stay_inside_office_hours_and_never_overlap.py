"""Consultation slots start at each time frame's opening, follow each other without gaps, never
run over a break or the closing, and stay between the two moments asked for."""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelayan.lib.slots import slot_starts
from pelayan.lib.workcal import Calendar

WIB = ZoneInfo("Asia/Jakarta")
CAL = Calendar("Asia/Jakarta")


def test_a_monday_has_seven_hour_slots_around_the_lunch_break():
    monday = dt.datetime(2026, 11, 30, 0, 0, tzinfo=WIB)
    starts = slot_starts(frames_on=CAL.frames_on, zone=WIB, after=monday, until=monday + dt.timedelta(days=1),
                         minutes=60)  # fmt: skip
    assert [s.strftime("%H:%M") for s in starts] == [
        "07:30",
        "08:30",
        "09:30",
        "10:30",
        "13:00",
        "14:00",
        "15:00",
    ]


def test_a_moment_without_a_zone_is_refused():
    with pytest.raises(ValueError):
        slot_starts(frames_on=CAL.frames_on, zone=WIB, after=dt.datetime(2026, 11, 30),
                    until=dt.datetime(2026, 12, 1, tzinfo=WIB), minutes=60)  # fmt: skip


@given(
    start=st.datetimes(min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2027, 12, 1)),
    hours=st.integers(min_value=0, max_value=24 * 10),
    minutes=st.sampled_from([15, 30, 45, 60, 90]),
)
def test_every_slot_is_open_office_time_inside_the_window_and_none_overlap(start, hours, minutes):
    after = start.replace(tzinfo=WIB)
    until = after + dt.timedelta(hours=hours)
    starts = slot_starts(frames_on=CAL.frames_on, zone=WIB, after=after, until=until, minutes=minutes)
    length = dt.timedelta(minutes=minutes)
    for begin in starts:
        assert after <= begin and begin + length <= until
        # Open throughout: the office time of the slot is its whole length.
        assert CAL.working_time_between(begin, begin + length) == length
    assert all(a + length <= b for a, b in itertools.pairwise(starts))
