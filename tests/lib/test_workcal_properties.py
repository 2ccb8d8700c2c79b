"""Properties that must hold for any start and any duration, on several kinds of calendar."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from pelayan.lib.durations import Duration, Unit
from pelayan.lib.workcal import ALWAYS_OPEN, DEFAULT_WEEKLY_HOURS, Calendar, WeeklyHours

SATURDAY_COUNTER = WeeklyHours((*DEFAULT_WEEKLY_HOURS.days[:5], ((8 * 3600, 12 * 3600),), ()))
CALENDARS = {
    "default WIB": Calendar("Asia/Jakarta"),
    "Bali WITA": Calendar("Asia/Makassar", closed_days={datetime(2026, 6, 17).date()}),
    "WIT": Calendar("Asia/Jayapura"),
    "saturday counter": Calendar("Asia/Jakarta", SATURDAY_COUNTER),
    "24 hours": Calendar("Asia/Jakarta", ALWAYS_OPEN, national_holidays=False),
}
ONE_US = timedelta(microseconds=1)
MAX_MINUTES = 60 * 450  # 60 working days of 7.5 hours

calendars = st.sampled_from(sorted(CALENDARS)).map(CALENDARS.__getitem__)
zones = st.sampled_from(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "UTC"]).map(ZoneInfo)
starts = st.builds(
    lambda naive, zone: naive.replace(tzinfo=zone),
    st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31)),
    zones,
)
minutes = st.integers(min_value=1, max_value=MAX_MINUTES)
working_days = st.integers(min_value=0, max_value=60)
time_limits = st.one_of(
    minutes.map(lambda m: Duration(m, Unit.MINUTE)),
    st.integers(1, MAX_MINUTES // 60).map(lambda h: Duration(h, Unit.HOUR)),
    working_days.map(lambda d: Duration(d, Unit.WORKING_DAY)),
    working_days.map(lambda d: Duration(d, Unit.DAY)),
)


@settings(max_examples=300)
@given(calendars, starts, time_limits)
def test_a_due_moment_never_falls_outside_open_time(calendar, start, duration):
    due = calendar.add(start, duration)
    # Due moments are the end of some open time: the instant just before is open.
    assert calendar.is_open(due - ONE_US)
    assert due > start


@settings(max_examples=300)
@given(calendars, starts, starts, time_limits)
def test_due_moments_are_monotonic_in_the_start(calendar, a, b, duration):
    early, late = sorted((a, b))
    assert calendar.add(early, duration) <= calendar.add(late, duration)


@settings(max_examples=300)
@given(calendars, starts, minutes, minutes)
def test_due_moments_are_monotonic_in_the_duration(calendar, start, a, b):
    short, long = sorted((a, b))
    assert calendar.add(start, Duration(short, Unit.MINUTE)) <= calendar.add(
        start, Duration(long, Unit.MINUTE)
    )


@settings(max_examples=300)
@given(calendars, starts, working_days, working_days)
def test_working_day_deadlines_are_monotonic_in_the_number_of_days(calendar, start, a, b):
    short, long = sorted((a, b))
    assert calendar.add(start, Duration(short, Unit.WORKING_DAY)) <= calendar.add(
        start, Duration(long, Unit.WORKING_DAY)
    )


@settings(max_examples=300)
@given(calendars, starts, minutes, minutes)
def test_adding_a_then_b_equals_adding_a_plus_b(calendar, start, a, b):
    step = calendar.add(calendar.add(start, Duration(a, Unit.MINUTE)), Duration(b, Unit.MINUTE))
    assert step == calendar.add(start, Duration(a + b, Unit.MINUTE))


@settings(max_examples=300)
@given(calendars, starts, st.integers(1, 450), st.integers(1, 450))
def test_adding_hours_a_then_b_equals_adding_a_plus_b(calendar, start, a, b):
    step = calendar.add(calendar.add(start, Duration(a, Unit.HOUR)), Duration(b, Unit.HOUR))
    assert step == calendar.add(start, Duration(a + b, Unit.HOUR))


@settings(max_examples=300)
@given(calendars, starts, st.timedeltas(min_value=timedelta(0), max_value=timedelta(minutes=MAX_MINUTES)))
def test_working_time_between_start_and_due_is_the_duration(calendar, start, duration):
    assert calendar.working_time_between(start, calendar.add(start, duration)) == duration


@settings(max_examples=200)
@given(calendars, starts)
def test_next_opening_is_open_and_not_before_the_moment(calendar, moment):
    opening = calendar.next_opening(moment)
    assert opening >= moment
    assert calendar.is_open(opening)
    assert calendar.working_time_between(moment, opening) == timedelta(0)
