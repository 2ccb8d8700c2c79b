"""Reads: an agency's (or service's) working-time calendar, SLA clock figures, clocks at risk."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, time
from typing import Any

from django.db import connection
from django.db.models import F, Q, QuerySet

from calendars.models import NonWorkingDay, SlaClock, SlaInterval, SlaPhase, SlaState, WeeklySchedule
from pelayan.lib.durations import Duration, Unit, parse_duration
from pelayan.lib.sla import ClockRecord, ClockStatus, Interval, clock_status
from pelayan.lib.workcal import DEFAULT_WEEKLY_HOURS, DEFAULT_ZONE, Calendar, WeeklyHours
from standards.models import Agency, Service

__all__ = [
    "agency_by_slug",
    "calendar_for",
    "clock_duration",
    "clock_intervals",
    "clock_record",
    "clock_status_now",
    "clocks_about_to_break",
    "default_calendar",
    "due_preview",
    "schedule_weekly_hours",
    "service_weekly_hours",
    "weekly_hours",
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


def weekly_hours(frames: Mapping[int, Iterable[tuple[time, time]]]) -> WeeklyHours:
    """Weekly hours from ``{weekday: [(start, end), ...]}`` as stored and edited here, where an end of
    00:00 means midnight at the end of the day. Raises ``CalendarError`` for frames that overlap or
    run backwards."""
    return WeeklyHours.from_mapping(
        {
            day: [(start, "24:00" if end == time(0) else end) for start, end in day_frames]
            for day, day_frames in frames.items()
        }
    )


def schedule_weekly_hours(schedule: WeeklySchedule) -> WeeklyHours:
    days: dict[int, list[tuple[time, time]]] = {}
    for frame in schedule.frames.all():
        days.setdefault(frame.weekday, []).append((frame.start, frame.end))
    return weekly_hours(days)


def service_weekly_hours(*, agency: Agency, service: Service) -> WeeklyHours:
    """The opening hours ``calendar_for(agency=…, service=…).weekly`` would give — the service's own
    schedule, else the agency's, else the default — without building the calendar or reading the
    days off: one query when neither has a schedule, two when one does. For the public service page."""
    schedule = (
        WeeklySchedule.objects.filter(Q(service=service) | Q(service__isnull=True), agency=agency)
        .order_by(F("service").asc(nulls_last=True), "pk")
        .first()
    )
    return schedule_weekly_hours(schedule) if schedule is not None else DEFAULT_WEEKLY_HOURS


def _days_off_rows(agency: Agency) -> QuerySet[NonWorkingDay]:
    return NonWorkingDay.objects.filter(Q(agency=agency) | Q(agency__isnull=True))


def _calendar_fingerprint(agency: Agency, service: Service | None) -> tuple[int | None, int, Any]:
    """In one statement: the schedule that applies (the service's own, else the agency's, else
    none) and the count and latest change of the days off the agency observes. A calendar is read
    on every intake and every clock change, and three ORM queries cost more than the rest of it."""
    schedules = connection.ops.quote_name(WeeklySchedule._meta.db_table)
    days = connection.ops.quote_name(NonWorkingDay._meta.db_table)
    observed = "agency_id = %s OR agency_id IS NULL"
    sql = (
        f"SELECT (SELECT id FROM {schedules} WHERE agency_id = %s AND service_id = %s ORDER BY id LIMIT 1),"  # noqa: S608 - the models' tables
        f" (SELECT id FROM {schedules} WHERE agency_id = %s AND service_id IS NULL ORDER BY id LIMIT 1),"
        f" (SELECT COUNT(*) FROM {days} WHERE {observed}),"
        f" (SELECT MAX(updated_at) FROM {days} WHERE {observed})"
    )
    service_id = service.pk if service is not None else None
    with connection.cursor() as cursor:
        cursor.execute(sql, [agency.pk, service_id, agency.pk, agency.pk, agency.pk])
        own, agency_wide, count, changed = cursor.fetchone()
    return (own if own is not None else agency_wide), count, changed


def calendar_for(*, agency: Agency, service: Service | None = None) -> Calendar:
    """The calendar of ``service`` if it has its own hours, else of ``agency``, else the default."""
    schedule_id, count, changed = _calendar_fingerprint(agency, service)
    schedule = (
        WeeklySchedule.objects.prefetch_related("frames").get(pk=schedule_id)
        if schedule_id is not None
        else None
    )
    rows = _days_off_rows(agency)
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
        count,
        str(changed),
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
            agency.timezone,
            weekly,
            closed_days=closed if observes else (),
            open_days=opened if observes else (),
            national_holidays=observes,
        )

    return _cached(key, build)


def agency_by_slug(slug: str) -> Agency | None:
    return Agency.objects.filter(slug=slug).first()


def clock_duration(clock: SlaClock) -> Duration:
    """The limit the clock counts: the maximum of a range (``allowance_text`` keeps it as written)."""
    return Duration(clock.allowance_value, Unit(clock.allowance_unit))


def clock_intervals(clock: SlaClock) -> list[SlaInterval]:
    """The clock's stored intervals in the order they ran."""
    return list(clock.intervals.order_by("started_at", "id"))


def clock_record(clock: SlaClock, intervals: Sequence[SlaInterval] | None = None) -> ClockRecord:
    """The clock's history; pass ``intervals`` (from ``clock_intervals``) when already loaded."""
    rows = clock_intervals(clock) if intervals is None else intervals
    return ClockRecord(
        allowance=clock_duration(clock),
        intervals=tuple(
            Interval(start=i.started_at, end=i.ended_at, pause_reason=i.pause_reason, pause_step=i.pause_step)
            for i in rows
        ),
        stopped_at=clock.stopped_at,
        at_risk_share=float(clock.at_risk_share),
    )


def clock_status_now(*, clock: SlaClock, now: datetime) -> ClockStatus:
    """Live figures (elapsed, remaining, due and breach moments) of ``clock`` at ``now``."""
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
