"""Working-time calendars: when an office is open, and when a promised time limit falls due.

Pure Python, no Django. A :class:`Calendar` is built from a time zone, weekly office hours and the
non-working days, and answers four questions quickly:

* ``add(start, duration)``: the due moment of a time limit that starts at ``start``;
* ``working_time_between(a, b)``: how much office time lies between two moments;
* ``is_open(t)`` and ``next_opening(t)``.

The rules are written down in docs/time-limits.md.

How it stays fast: for every local calendar year the calendar computes, once, the sorted list of
open intervals as epoch microseconds, the working time accumulated before each interval, and the
closing moment of every working day. Every question is then one or two binary searches, however
long the duration: 60 working days cost the same as 15 minutes.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from itertools import pairwise
from zoneinfo import ZoneInfo

from pelayan.lib.durations import Duration, Unit

__all__ = [
    "ALWAYS_OPEN",
    "DEFAULT_WEEKLY_HOURS",
    "DEFAULT_ZONE",
    "Calendar",
    "CalendarError",
    "NaiveDatetimeError",
    "WeeklyHours",
    "national_non_working_days",
]

DEFAULT_ZONE = "Asia/Jakarta"

_US = 1_000_000
_DAY_SECONDS = 86_400
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_US = timedelta(microseconds=1)
# A calendar that stays shut this many years in a row is treated as never opening.
_MAX_EMPTY_YEARS = 8
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class CalendarError(ValueError):
    """The calendar cannot answer: it never opens, or a date is out of range."""


class NaiveDatetimeError(CalendarError):
    """A moment without a time zone: working time depends on the zone, so we refuse to guess."""


Frame = tuple[int, int]  # [start, end) in seconds after local midnight; end may be 86 400 (24:00)


def _to_seconds(value: time | str | int) -> int:
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        if value.strip() in {"24:00", "24:00:00"}:
            return _DAY_SECONDS
        try:
            value = time.fromisoformat(value.strip())
        except ValueError as exc:
            raise CalendarError(f"{value!r} is not a time of day (HH:MM, or 24:00)") from exc
    return value.hour * 3600 + value.minute * 60 + value.second


def _normalise_frames(frames: Iterable[tuple[time | str | int, time | str | int]]) -> tuple[Frame, ...]:
    result = sorted((_to_seconds(start), _to_seconds(end)) for start, end in frames)
    for start, end in result:
        if not 0 <= start < end <= _DAY_SECONDS:
            raise CalendarError(f"time frame {start}-{end} s must satisfy 00:00 <= start < end <= 24:00")
    for (_, end), (next_start, _) in pairwise(result):
        if next_start < end:
            raise CalendarError("time frames on one day must not overlap")
    return tuple(result)


def _format_seconds(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


@dataclass(frozen=True)
class WeeklyHours:
    """Office hours for each weekday (Monday first), each day a sorted tuple of time frames."""

    days: tuple[tuple[Frame, ...], ...]

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise CalendarError("weekly hours need exactly seven days, Monday first")

    @classmethod
    def from_mapping(
        cls, mapping: Mapping[int | str, Iterable[tuple[time | str | int, time | str | int]]]
    ) -> WeeklyHours:
        """``{0: [("07:30", "12:00"), ("13:00", "16:00")], "fri": [...]}``; missing days are closed."""
        days: list[tuple[Frame, ...]] = [() for _ in range(7)]
        for key, frames in mapping.items():
            index = WEEKDAY_NAMES.index(key.lower()[:3]) if isinstance(key, str) else key
            days[index] = _normalise_frames(frames)
        return cls(tuple(days))

    @property
    def weekly_seconds(self) -> int:
        return sum(end - start for frames in self.days for start, end in frames)

    def describe(self) -> dict[str, list[str]]:
        """``{"mon": ["07:30-12:00", "13:00-16:00"], ...}`` for display and JSON."""
        return {
            WEEKDAY_NAMES[i]: [f"{_format_seconds(s)}-{_format_seconds(e)}" for s, e in frames]
            for i, frames in enumerate(self.days)
        }


_MON_THU = (("07:30", "12:00"), ("13:00", "16:00"))
_FRI = (("07:30", "11:30"), ("13:00", "16:30"))
# The national 37.5-hour week for civil servants.
DEFAULT_WEEKLY_HOURS = WeeklyHours.from_mapping({0: _MON_THU, 1: _MON_THU, 2: _MON_THU, 3: _MON_THU, 4: _FRI})
ALWAYS_OPEN = WeeklyHours.from_mapping({day: [("00:00", "24:00")] for day in range(7)})


@lru_cache(maxsize=256)
def national_non_working_days(year: int) -> Mapping[date, str]:
    """Indonesian public holidays and cuti bersama for ``year`` from the ``holidays`` package."""
    import holidays  # local import: loading the package's country data is only needed here

    found = holidays.country_holidays(
        "ID", years=year, categories=(holidays.PUBLIC, holidays.GOVERNMENT), language="id"
    )
    return dict(sorted(found.items()))


class _Timeline:
    """Immutable snapshot of the precomputed years; replaced whole when more years are needed."""

    __slots__ = ("closes", "cum", "cum_end", "ends", "first_year", "hi", "last_year", "lo", "starts")

    def __init__(self, first_year: int, last_year: int, lo: int, hi: int) -> None:
        self.first_year = first_year
        self.last_year = last_year
        self.lo = lo  # epoch microseconds of local 1 January of first_year
        self.hi = hi  # epoch microseconds of local 1 January after last_year
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.cum: list[int] = []  # working microseconds before starts[i]
        self.cum_end: list[int] = []  # working microseconds up to ends[i]
        self.closes: list[int] = []  # closing moment of each working day, ascending


class Calendar:
    """An agency's (or one service's) working time.

    ``closed_days`` are extra non-working days (regional holidays, national changes); ``open_days``
    are days that are working days even though the package or the weekday says otherwise (a
    cancelled cuti bersama, a declared working Saturday): they use that weekday's hours, or the first
    weekday's hours when the weekday has none. With ``national_holidays=False`` the package's days
    are ignored, e.g. for a 24-hour complaint line.
    """

    def __init__(
        self,
        zone: str | tzinfo = DEFAULT_ZONE,
        weekly: WeeklyHours = DEFAULT_WEEKLY_HOURS,
        *,
        closed_days: Iterable[date] = (),
        open_days: Iterable[date] = (),
        national_holidays: bool = True,
    ) -> None:
        self.zone: tzinfo = ZoneInfo(zone) if isinstance(zone, str) else zone
        self.weekly = weekly
        self.closed_days = frozenset(closed_days)
        self.open_days = frozenset(open_days)
        self.national_holidays = national_holidays
        self._fallback_frames = next((frames for frames in weekly.days if frames), ())
        self._lock = threading.Lock()
        self._year_blocks: dict[int, tuple[list[int], list[int], list[int]]] = {}
        self._timeline: _Timeline | None = None

    def __repr__(self) -> str:
        return f"Calendar({str(self.zone)!r}, weekly_hours={self.weekly.weekly_seconds / 3600:g}h)"

    # -- days ------------------------------------------------------------------------------------

    def frames_on(self, day: date) -> tuple[Frame, ...]:
        """The office's time frames on ``day`` after holidays and overrides."""
        weekly = self.weekly.days[day.weekday()]
        if day in self.open_days:
            return weekly or self._fallback_frames
        if day in self.closed_days:
            return ()
        if self.national_holidays and day in national_non_working_days(day.year):
            return ()
        return weekly

    def is_working_day(self, day: date) -> bool:
        return bool(self.frames_on(day))

    # -- precomputation --------------------------------------------------------------------------

    def _local_us(self, day: date, seconds: int) -> int:
        if seconds >= _DAY_SECONDS:
            day, seconds = day + timedelta(days=1), seconds - _DAY_SECONDS
        moment = datetime(day.year, day.month, day.day, seconds // 3600, seconds % 3600 // 60, seconds % 60)
        return (moment.replace(tzinfo=self.zone) - _EPOCH) // _ONE_US

    def _year_block(self, year: int) -> tuple[list[int], list[int], list[int]]:
        block = self._year_blocks.get(year)
        if block is not None:
            return block
        starts: list[int] = []
        ends: list[int] = []
        closes: list[int] = []
        day = date(year, 1, 1)
        one_day = timedelta(days=1)
        while day.year == year:
            frames = self.frames_on(day)
            for start, end in frames:
                starts.append(self._local_us(day, start))
                ends.append(self._local_us(day, end))
            if frames:
                last_end = frames[-1][1]
                # A day that runs to midnight closes at 23:59:59 so the deadline keeps its own date.
                closes.append(self._local_us(day, min(last_end, _DAY_SECONDS - 1)))
            day += one_day
        block = (starts, ends, closes)
        self._year_blocks[year] = block
        return block

    def _build(self, first_year: int, last_year: int) -> _Timeline:
        if first_year < 1 or last_year >= 9999:
            raise CalendarError("dates must lie between the years 1 and 9998")
        timeline = _Timeline(
            first_year,
            last_year,
            self._local_us(date(first_year, 1, 1), 0),
            self._local_us(date(last_year + 1, 1, 1), 0),
        )
        starts, ends, cum, cum_end, closes = (
            timeline.starts,
            timeline.ends,
            timeline.cum,
            timeline.cum_end,
            timeline.closes,
        )
        total = 0
        for year in range(first_year, last_year + 1):
            year_starts, year_ends, year_closes = self._year_block(year)
            closes.extend(year_closes)
            for start, end in zip(year_starts, year_ends, strict=True):
                if ends and ends[-1] == start:
                    # Frames that touch (24:00 then 00:00) are one interval, so the search never
                    # stops at a false "closing" in the middle of a 24-hour service.
                    ends[-1] = end
                    total += end - start
                    cum_end[-1] = total
                    continue
                starts.append(start)
                ends.append(end)
                cum.append(total)
                total += end - start
                cum_end.append(total)
        return timeline

    def _year_of(self, us: int) -> int:
        try:
            return (_EPOCH + timedelta(microseconds=us)).astimezone(self.zone).year
        except OverflowError as exc:
            raise CalendarError("date out of range") from exc

    def _covering(self, us: int) -> _Timeline:
        """A timeline whose years include the moment ``us``, plus the year after it."""
        timeline = self._timeline
        if timeline is not None and timeline.lo <= us < timeline.hi:
            return timeline
        year = self._year_of(us)
        with self._lock:
            current = self._timeline
            if current is None:
                first, last = year - 1, year + 1
            else:
                first, last = min(current.first_year, year - 1), max(current.last_year, year + 1)
            if current is None or first < current.first_year or last > current.last_year:
                current = self._build(max(first, 1), last)
                self._timeline = current
            return current

    def _grow(self, seen: _Timeline) -> _Timeline:
        """A timeline with at least one more year after ``seen`` (callers recompute from it)."""
        with self._lock:
            current = self._timeline or seen
            if current.last_year > seen.last_year and current.first_year <= seen.first_year:
                return current
            first = min(current.first_year, seen.first_year)
            last = max(current.last_year, seen.last_year) + 1
            if not any(self._year_block(year)[0] for year in range(last - _MAX_EMPTY_YEARS + 1, last + 1)):
                raise CalendarError(
                    f"the calendar has no open time in the {_MAX_EMPTY_YEARS} years up to {last}"
                )
            current = self._build(first, last)
            self._timeline = current
            return current

    # -- conversions -----------------------------------------------------------------------------

    def _us(self, moment: datetime) -> int:
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise NaiveDatetimeError(f"{moment.isoformat()} has no time zone; give an offset or a zone")
        return (moment - _EPOCH) // _ONE_US

    def _datetime(self, us: int) -> datetime:
        return (_EPOCH + timedelta(microseconds=us)).astimezone(self.zone)

    @staticmethod
    def _position(timeline: _Timeline, us: int) -> int:
        """Working microseconds from the start of ``timeline`` up to ``us``."""
        i = bisect_right(timeline.starts, us) - 1
        if i < 0:
            return 0
        end = timeline.ends[i]
        return timeline.cum[i] + (us if us < end else end) - timeline.starts[i]

    # -- the four questions ----------------------------------------------------------------------

    def is_open(self, moment: datetime) -> bool:
        us = self._us(moment)
        timeline = self._covering(us)
        i = bisect_right(timeline.starts, us) - 1
        return i >= 0 and us < timeline.ends[i]

    def next_opening(self, moment: datetime) -> datetime:
        """``moment`` itself when the office is open then, else the next moment it opens."""
        return self._datetime(self._next_opening_us(self._us(moment)))

    def _next_opening_us(self, us: int) -> int:
        timeline = self._covering(us)
        while True:
            i = bisect_right(timeline.starts, us)
            if i > 0 and us < timeline.ends[i - 1]:
                return us
            if i < len(timeline.starts):
                return timeline.starts[i]
            timeline = self._grow(timeline)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Office time from ``start`` to ``end``; negative when ``end`` comes first."""
        a, b = self._us(start), self._us(end)
        timeline = self._covering(a)
        if not timeline.lo <= b < timeline.hi:
            # Snapshots only ever widen, so covering b after a gives one that holds both.
            timeline = self._covering(b)
        return timedelta(microseconds=self._position(timeline, b) - self._position(timeline, a))

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The moment at which ``amount`` of office time has passed since ``start``.

        Outside office hours the count starts at the next opening. A positive amount that runs out
        exactly at a closing (e.g. 12:00 before the break) is due at that closing, not after it.
        """
        return self._datetime(self._add_working_us(self._us(start), amount // _ONE_US))

    def _add_working_us(self, us: int, amount: int) -> int:
        if amount < 0:
            raise CalendarError("a time limit cannot be negative")
        if amount == 0:
            return us
        timeline = self._covering(us)
        while True:
            target = self._position(timeline, us) + amount
            if timeline.cum_end and target <= timeline.cum_end[-1]:
                i = bisect_left(timeline.cum_end, target)
                return timeline.starts[i] + target - timeline.cum[i]
            timeline = self._grow(timeline)

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """Close of office on the ``days``-th working day after the day of receipt.

        The day of receipt is the first working day whose closing is after ``start``: a case received
        after closing, or on a day off, counts as received on the next working day.
        """
        return self._datetime(self._add_working_days_us(self._us(start), days))

    def _add_working_days_us(self, us: int, days: int) -> int:
        if days < 0:
            raise CalendarError("a time limit cannot be negative")
        timeline = self._covering(us)
        while True:
            index = bisect_right(timeline.closes, us) + days
            if index < len(timeline.closes):
                return timeline.closes[index]
            timeline = self._grow(timeline)

    def add_calendar_days(self, start: datetime, days: int) -> datetime:
        """23:59:59 local time on the ``days``-th calendar day after the day of receipt.

        The day of receipt is the local date of the next opening, so a letter left on Saturday at a
        counter that is closed on Saturday is received on Monday.
        """
        if days < 0:
            raise CalendarError("a time limit cannot be negative")
        received = self._datetime(self._next_opening_us(self._us(start))).date()
        due_day = received + timedelta(days=days)
        return datetime(due_day.year, due_day.month, due_day.day, 23, 59, 59, tzinfo=self.zone)

    def add(self, start: datetime, duration: Duration | timedelta) -> datetime:
        """The due moment of ``duration`` (its maximum, for a range) started at ``start``."""
        if isinstance(duration, timedelta):
            return self.add_working_time(start, duration)
        unit = duration.unit
        if unit is Unit.MINUTE:
            return self._datetime(self._add_working_us(self._us(start), duration.value * 60 * _US))
        if unit is Unit.HOUR:
            return self._datetime(self._add_working_us(self._us(start), duration.value * 3600 * _US))
        if unit is Unit.WORKING_DAY or unit is Unit.DAY:
            return self._datetime(self._add_working_days_us(self._us(start), duration.value))
        if unit is Unit.CALENDAR_DAY:
            return self.add_calendar_days(start, duration.value)
        raise CalendarError(f"unsupported unit {unit!r}")  # pragma: no cover - Unit is closed

    def non_working_days(self, year: int) -> list[tuple[date, str]]:
        """Every weekday in ``year`` on which the office is closed, with the reason when known."""
        names = national_non_working_days(year) if self.national_holidays else {}
        found: list[tuple[date, str]] = []
        day = date(year, 1, 1)
        while day.year == year:
            if self.weekly.days[day.weekday()] and not self.frames_on(day):
                found.append((day, names.get(day, "")))
            day += timedelta(days=1)
        return found
