"""Reads: an agency's (or service's) working-time calendar, SLA clock figures, clocks at risk."""

from __future__ import annotations

import threading
from datetime import datetime, time
from typing import Any

from django.db.models import Count, Max, Q, QuerySet

from calendars.models import NonWorkingDay, SlaClock, SlaPhase, SlaState, TimeFrame, WeeklySchedule
from pelayan.lib.durations import Duration, Unit, parse_duration
from pelayan.lib.sla import ClockRecord, ClockStatus, Interval, clock_status
from pelayan.lib.workcal import DEFAULT_WEEKLY_HOURS, DEFAULT_ZONE, Calendar, WeeklyHours
from standards.models import Agency, Service

__all__ = [
    "agency_by_slug",
    "calendar_for",
    "clock_duration",
    "clock_record",
    "clock_status_now",
    "clocks_about_to_break",
    "default_calendar",
    "due_preview",
    "schedule_weekly_hours",
]

# Built calendars keep their precomputed years, so they are reused while nothing they depend on
# has changed. The key includes a fingerprint of the rows, so an edit is seen on the next call.
_cache: dict[tuple[Any, ...], Calendar] = {}
_cache_lock = threading.Lock()
_CACHE_LIMIT = 512


def default_calendar(zone: str = DEFAULT_ZONE) -> Calendar:
    """The national default: 37.5-hour week and national days off, in ``zone``."""
    return _cached(("default", zone), lambda: Calendar(zone))


def _cached(key: tuple[Any, ...], build: Any) -> Calendar:
    calendar = _cache.get(key)
    if calendar is None:
        with _cache_lock:
            calendar = _cache.get(key)
            if calendar is None:
                if len(_cache) >= _CACHE_LIMIT:
                    _cache.clear()
                calendar = build()
                _cache[key] = calendar
    return calendar


def _frame_seconds(frame: TimeFrame) -> tuple[int, int]:
    start = frame.start.hour * 3600 + frame.start.minute * 60 + frame.start.second
    end = 86_400 if frame.end == time(0) else frame.end.hour * 3600 + frame.end.minute * 60 + frame.end.second
    return start, end


def schedule_weekly_hours(schedule: WeeklySchedule) -> WeeklyHours:
    days: dict[int, list[tuple[int, int]]] = {day: [] for day in range(7)}
    for frame in schedule.frames.all():
        days[frame.weekday].append(_frame_seconds(frame))
    return WeeklyHours.from_mapping(days)


def _schedule_for(agency: Agency, service: Service | None) -> WeeklySchedule | None:
    schedules = WeeklySchedule.objects.filter(agency=agency).prefetch_related("frames")
    if service is not None:
        for schedule in schedules.filter(service=service):
            return schedule
    return schedules.filter(service__isnull=True).first()


def _days_off_rows(agency: Agency) -> QuerySet[NonWorkingDay]:
    return NonWorkingDay.objects.filter(Q(agency=agency) | Q(agency__isnull=True))


def calendar_for(*, agency: Agency, service: Service | None = None) -> Calendar:
    """The calendar of ``service`` if it has its own hours, else of ``agency``, else the default."""
    schedule = _schedule_for(agency, service)
    rows = _days_off_rows(agency)
    fingerprint = rows.aggregate(count=Count("id"), changed=Max("updated_at"))
    frames_key = None
    if schedule is not None:
        frames_key = tuple(sorted((f.weekday, f.start, f.end) for f in schedule.frames.all()))
    key = (
        "agency",
        agency.pk,
        agency.timezone,
        schedule.pk if schedule else None,
        schedule.observes_non_working_days if schedule else True,
        frames_key,
        fingerprint["count"],
        fingerprint["changed"],
    )

    def build() -> Calendar:
        weekly = schedule_weekly_hours(schedule) if schedule is not None else DEFAULT_WEEKLY_HOURS
        observes = schedule.observes_non_working_days if schedule is not None else True
        closed: dict[Any, bool] = {}
        opened: dict[Any, bool] = {}
        # National rows first, so an agency's own row for the same date wins.
        for row in sorted(rows, key=lambda r: r.agency_id is not None):
            target, other = (opened, closed) if row.opens else (closed, opened)
            target[row.date] = True
            other.pop(row.date, None)
        return Calendar(
            agency.timezone or DEFAULT_ZONE,
            weekly,
            closed_days=closed if observes else (),
            open_days=opened if observes else (),
            national_holidays=observes,
        )

    return _cached(key, build)


def agency_by_slug(slug: str) -> Agency | None:
    return Agency.objects.filter(slug=slug).first()


def clock_duration(clock: SlaClock) -> Duration:
    minimum = None
    if clock.allowance_min_value is not None:
        minimum = Duration(clock.allowance_min_value, Unit(clock.allowance_min_unit or clock.allowance_unit))
    return Duration(clock.allowance_value, Unit(clock.allowance_unit), minimum=minimum)


def clock_record(clock: SlaClock) -> ClockRecord:
    intervals = tuple(
        Interval(start=i.started_at, end=i.ended_at, pause_reason=i.pause_reason, pause_step=i.pause_step)
        for i in clock.intervals.order_by("started_at", "id")
    )
    return ClockRecord(
        allowance=clock_duration(clock),
        intervals=intervals,
        stopped_at=clock.stopped_at,
        at_risk_share=float(clock.at_risk_share),
    )


def clock_status_now(*, clock: SlaClock, now: datetime) -> ClockStatus:
    calendar = calendar_for(agency=clock.agency, service=clock.service)
    return clock_status(clock_record(clock), calendar, now)


def clocks_about_to_break(*, agency: Agency, now: datetime) -> QuerySet[SlaClock]:
    """Running clocks that are at risk or already breached at ``now``, soonest due first.

    Uses the stored moments, so it is one indexed query; run ``sla_clocks_refresh`` periodically
    to keep the stored states in step with the clock on the wall.
    """
    return (
        SlaClock.objects.filter(agency=agency, phase=SlaPhase.RUNNING)
        .filter(Q(at_risk_at__lte=now) | Q(state__in=[SlaState.AT_RISK, SlaState.BREACHED]))
        .select_related("service")
        .order_by("due_at", "id")
    )


def due_preview(
    *, agency: Agency, service: Service | None = None, text: str = "5 hari kerja", now: datetime
) -> datetime:
    """When a case received at ``now`` with the time limit ``text`` falls due."""
    return calendar_for(agency=agency, service=service).add(now, parse_duration(text))
