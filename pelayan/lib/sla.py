"""The SLA clock: how much of a promised time limit a case (or one procedure step) has used.

Pure Python, no Django. A :class:`ClockRecord` is the immutable history of one clock: the allowance
and every interval during which the clock ran. Pausing closes an interval and records why;
resuming opens a new one. :func:`clock_status` turns a record into figures for a given moment.

How pauses move the deadline: when the clock starts, the due moment follows the calendar rules
(docs/time-limits.md). That fixes a budget: the office time between the start and that due moment
(real time for "hari kalender"). Every pause then pushes the due moment back by exactly the office
time (or real time) during which the clock stood still.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from pelayan.lib.durations import Duration, Unit
from pelayan.lib.workcal import Calendar

__all__ = [
    "DEFAULT_AT_RISK_SHARE",
    "ClockError",
    "ClockPhase",
    "ClockRecord",
    "ClockState",
    "ClockStatus",
    "Interval",
    "PauseNotAllowedError",
    "clock_status",
]

DEFAULT_AT_RISK_SHARE = 0.75


class ClockError(ValueError):
    """A clock operation that does not fit the clock's history."""


class PauseNotAllowedError(ClockError):
    """The standard's procedure does not allow the clock to stop at this step."""


class ClockState(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BREACHED = "breached"
    MET = "met"
    PAUSED = "paused"


class ClockPhase(StrEnum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"


def _aware(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ClockError(f"the {what} moment has no time zone")
    return moment


@dataclass(frozen=True)
class Interval:
    """One stretch during which the clock ran; ``pause_reason`` says why it ended, if paused."""

    start: datetime
    end: datetime | None = None
    pause_reason: str = ""
    pause_step: str = ""


@dataclass(frozen=True)
class ClockRecord:
    allowance: Duration
    intervals: tuple[Interval, ...] = ()
    stopped_at: datetime | None = None
    at_risk_share: float = DEFAULT_AT_RISK_SHARE

    def __post_init__(self) -> None:
        if not 0 < self.at_risk_share <= 1:
            raise ClockError("the at-risk share must be more than 0 and at most 1")
        previous_end: datetime | None = None
        for position, interval in enumerate(self.intervals):
            _aware(interval.start, "start")
            if previous_end is not None and interval.start < previous_end:
                raise ClockError("clock intervals must not overlap or go back in time")
            if interval.end is None:
                if position != len(self.intervals) - 1:
                    raise ClockError("only the last interval may still be running")
            elif _aware(interval.end, "end") < interval.start:
                raise ClockError("a clock interval cannot end before it starts")
            previous_end = interval.end

    @property
    def phase(self) -> ClockPhase:
        if self.stopped_at is not None:
            return ClockPhase.STOPPED
        if not self.intervals:
            return ClockPhase.NOT_STARTED
        return ClockPhase.RUNNING if self.intervals[-1].end is None else ClockPhase.PAUSED

    def _last_event(self) -> datetime | None:
        if not self.intervals:
            return None
        last = self.intervals[-1]
        return last.end or last.start

    def _not_before_last(self, at: datetime) -> datetime:
        _aware(at, "event")
        last = self._last_event()
        if last is not None and at < last:
            raise ClockError(f"{at.isoformat()} is before the clock's last event ({last.isoformat()})")
        return at

    def start(self, at: datetime) -> ClockRecord:
        if self.phase is not ClockPhase.NOT_STARTED:
            raise ClockError("the clock has already started")
        return replace(self, intervals=(Interval(start=_aware(at, "start")),))

    def pause(self, at: datetime, *, reason: str, pausable: bool, step: str = "") -> ClockRecord:
        """Stop the clock, e.g. while the file is back with the applicant.

        ``pausable`` is whether the standard's procedure allows the clock to stop at this point
        (``ProcedureStep.pausable``); the caller states it so the rule cannot be skipped silently.
        """
        if not pausable:
            where = f"step {step!r}" if step else "this point of the procedure"
            raise PauseNotAllowedError(
                f"the standard's procedure does not allow pausing the clock at {where}"
            )
        if not reason.strip():
            raise ClockError("a pause needs a reason")
        if self.phase is not ClockPhase.RUNNING:
            raise ClockError(f"only a running clock can be paused (it is {self.phase.value})")
        at = self._not_before_last(at)
        last = replace(self.intervals[-1], end=at, pause_reason=reason.strip(), pause_step=step)
        return replace(self, intervals=(*self.intervals[:-1], last))

    def resume(self, at: datetime) -> ClockRecord:
        if self.phase is not ClockPhase.PAUSED:
            raise ClockError(f"only a paused clock can be resumed (it is {self.phase.value})")
        return replace(self, intervals=(*self.intervals, Interval(start=self._not_before_last(at))))

    def stop(self, at: datetime) -> ClockRecord:
        if self.phase not in (ClockPhase.RUNNING, ClockPhase.PAUSED):
            raise ClockError(f"only a running or paused clock can be stopped (it is {self.phase.value})")
        at = self._not_before_last(at)
        intervals = self.intervals
        if intervals[-1].end is None:
            intervals = (*intervals[:-1], replace(intervals[-1], end=at))
        return replace(self, intervals=intervals, stopped_at=at)


@dataclass(frozen=True)
class ClockStatus:
    state: ClockState
    phase: ClockPhase
    budget: timedelta  # office time allowed (real time for calendar days)
    elapsed: timedelta
    remaining: timedelta  # negative once overdue
    due_at: datetime | None  # None while paused: it depends on when the clock resumes
    at_risk_at: datetime | None  # when a running clock turns at_risk
    breached_at: datetime | None
    counts_office_time: bool = field(default=True)


class _Meter:
    """Office time for minutes, hours and (working) days; real time for calendar days."""

    def __init__(self, calendar: Calendar, office_time: bool) -> None:
        self.calendar = calendar
        self.office_time = office_time

    def between(self, a: datetime, b: datetime) -> timedelta:
        return self.calendar.working_time_between(a, b) if self.office_time else b - a

    def advance(self, a: datetime, amount: timedelta) -> datetime:
        if amount <= timedelta(0):
            return a
        if self.office_time:
            return self.calendar.add_working_time(a, amount)
        return (a + amount).astimezone(self.calendar.zone)


def clock_status(record: ClockRecord, calendar: Calendar, now: datetime) -> ClockStatus:
    """The clock's figures at ``now`` (ignored for the parts of history that are already closed)."""
    _aware(now, "current")
    if not record.intervals:
        raise ClockError("the clock has not started")
    allowance = record.allowance
    office_time = allowance.unit is not Unit.CALENDAR_DAY
    meter = _Meter(calendar, office_time)
    first = record.intervals[0].start
    if allowance.seconds is not None:
        budget = timedelta(seconds=allowance.seconds)
    else:
        budget = meter.between(first, calendar.add(first, allowance))
    risk_budget = budget * record.at_risk_share

    elapsed = timedelta(0)
    breached_at: datetime | None = None
    due_at: datetime | None = None
    at_risk_at: datetime | None = None
    for interval in record.intervals:
        end = interval.end if interval.end is not None else max(now, interval.start)
        left = budget - elapsed
        due_here = meter.advance(interval.start, left) if left > timedelta(0) else interval.start
        if breached_at is None and due_here < end:
            breached_at = due_here
        if interval is record.intervals[-1]:  # only the last interval can still be running
            due_at = due_here
            if elapsed < risk_budget:
                at_risk_at = meter.advance(interval.start, risk_budget - elapsed)
            else:
                at_risk_at = interval.start
        elapsed += meter.between(interval.start, end)

    phase = record.phase
    if phase is ClockPhase.STOPPED:
        state = ClockState.BREACHED if breached_at is not None else ClockState.MET
    elif breached_at is not None:
        state = ClockState.BREACHED
    elif phase is ClockPhase.PAUSED:
        state = ClockState.PAUSED
    elif elapsed >= risk_budget:
        state = ClockState.AT_RISK
    else:
        state = ClockState.ON_TRACK
    if phase is ClockPhase.PAUSED:
        due_at = None
        at_risk_at = None
    if phase is ClockPhase.STOPPED:
        at_risk_at = None
    return ClockStatus(
        state=state,
        phase=phase,
        budget=budget,
        elapsed=elapsed,
        remaining=budget - elapsed,
        due_at=due_at,
        at_risk_at=at_risk_at,
        breached_at=breached_at,
        counts_office_time=office_time,
    )
