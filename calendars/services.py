"""Writes for office hours, days off and SLA clocks. Each state change records an audit event."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from functools import partial
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from audit import events
from audit.models import AuditEvent
from audit.services import Actor, audit_events_record
from calendars.models import (
    NonWorkingDay,
    NonWorkingDayKind,
    SlaClock,
    SlaInterval,
    SlaPhase,
    SlaState,
    TimeFrame,
    WeeklySchedule,
)
from calendars.selectors import calendar_for, clock_intervals, clock_record, weekly_hours
from pelayan.lib.durations import Duration, parse_duration
from pelayan.lib.sla import (
    DEFAULT_AT_RISK_SHARE,
    ClockError,
    ClockRecord,
    ClockStatus,
    PauseNotAllowedError,
    clock_status,
)
from pelayan.lib.workcal import Calendar, CalendarError, WeeklyHours
from standards.models import Agency, Service

__all__ = [
    "CalendarEditError",
    "ClockError",
    "PauseNotAllowedError",
    "non_working_day_create",
    "non_working_day_delete",
    "non_working_day_update",
    "schedule_save",
    "sla_clock_allowance_change",
    "sla_clock_pause",
    "sla_clock_refresh",
    "sla_clock_resume",
    "sla_clock_start",
    "sla_clock_stop",
    "sla_clocks_refresh_due",
]

FrameInput = tuple[time, time]


class CalendarEditError(ValueError):
    """Office hours or days off that cannot be stored as given."""


# -- office hours ------------------------------------------------------------------------------


def schedule_validate(frames: Mapping[int, Iterable[FrameInput]]) -> WeeklyHours:
    """Check frames the way the calendar reads them (00:00 as an end means midnight)."""
    try:
        return weekly_hours(frames)
    except CalendarError as exc:
        raise CalendarEditError(str(exc)) from exc


@transaction.atomic
def schedule_save(
    *,
    actor: Actor,
    agency: Agency,
    frames: Mapping[int, Iterable[FrameInput]],
    service: Service | None = None,
    name: str = "",
    observes_non_working_days: bool = True,
    schedule: WeeklySchedule | None = None,
) -> WeeklySchedule:
    """Create or replace the weekly hours of ``agency`` (or of one of its ``service``s).

    ``frames`` maps weekday (0 = Monday) to ``(start, end)`` times; an end of 00:00 is midnight.
    """
    frames = {day: list(day_frames) for day, day_frames in frames.items()}
    weekly = schedule_validate(frames)
    if service is not None and service.agency_id != agency.pk:
        raise CalendarEditError("the service belongs to another agency")
    if schedule is None:
        schedule = WeeklySchedule.objects.filter(agency=agency, service=service).first()
    created = schedule is None or schedule.pk is None
    if schedule is None:
        schedule = WeeklySchedule(agency=agency, service=service)
    schedule.agency = agency
    schedule.service = service
    schedule.name = name
    schedule.observes_non_working_days = observes_non_working_days
    schedule.save()
    schedule.frames.all().delete()
    TimeFrame.objects.bulk_create(
        TimeFrame(schedule=schedule, weekday=day, start=start, end=end)
        for day, day_frames in frames.items()
        for start, end in day_frames
    )
    events.calendar_schedule_saved(
        actor=actor,
        schedule=schedule,
        created=created,
        hours=weekly.describe(),
        observes_non_working_days=observes_non_working_days,
    )
    return schedule


# -- days off ----------------------------------------------------------------------------------


def _check_day(*, name: str, kind: str, source_decree: str) -> None:
    if kind not in NonWorkingDayKind.values:
        raise CalendarEditError(f"unknown kind of day {kind!r}")
    if not name.strip():
        raise CalendarEditError("a day off needs a name")
    if not source_decree.strip():
        raise CalendarEditError("a day off needs its source decree")


@transaction.atomic
def non_working_day_create(
    *,
    actor: Actor,
    agency: Agency | None,
    date: date,
    name: str,
    kind: str,
    source_decree: str,
) -> NonWorkingDay:
    """Add a day to the table; ``agency=None`` changes the national list for every agency."""
    _check_day(name=name, kind=kind, source_decree=source_decree)
    if NonWorkingDay.objects.filter(agency=agency, date=date).exists():
        raise CalendarEditError(f"{date.isoformat()} is already in the table")
    day = NonWorkingDay.objects.create(
        agency=agency,
        date=date,
        name=name.strip(),
        kind=kind,
        source_decree=source_decree.strip(),
    )
    events.calendar_day_added(actor=actor, day=day)
    return day


@transaction.atomic
def non_working_day_update(
    *,
    actor: Actor,
    day: NonWorkingDay,
    date: date,
    name: str,
    kind: str,
    source_decree: str,
) -> NonWorkingDay:
    _check_day(name=name, kind=kind, source_decree=source_decree)
    if NonWorkingDay.objects.filter(agency=day.agency, date=date).exclude(pk=day.pk).exists():
        raise CalendarEditError(f"{date.isoformat()} is already in the table")
    before = events.day_data(day)
    day.date, day.name, day.kind = date, name.strip(), kind
    day.source_decree = source_decree.strip()
    day.save()
    events.calendar_day_changed(actor=actor, day=day, before=before)
    return day


@transaction.atomic
def non_working_day_delete(*, actor: Actor, day: NonWorkingDay) -> None:
    events.calendar_day_removed(actor=actor, day=day)
    day.delete()


# -- SLA clocks --------------------------------------------------------------------------------


def _apply_status(clock: SlaClock, status: ClockStatus) -> list[str]:
    """Copy the figures stored for listing onto ``clock``; returns the fields that changed."""
    changed = []
    for name, value in (
        ("state", status.state),
        ("phase", status.phase),
        ("due_at", status.due_at),
        ("at_risk_at", status.at_risk_at),
    ):
        if getattr(clock, name) != value:
            setattr(clock, name, value)
            changed.append(name)
    return changed


def _calendar(clock: SlaClock) -> Calendar:
    return calendar_for(agency=clock.agency, service=clock.service)


def sla_clock_start(
    *,
    actor: Actor,
    agency: Agency,
    target_type: str,
    target_id: str,
    allowance: Duration | str,
    at: datetime,
    service: Service | None = None,
    step_id: str = "",
    at_risk_share: float | Decimal = DEFAULT_AT_RISK_SHARE,
    now: datetime | None = None,
    new_target: bool = False,
) -> SlaClock:
    """Start the clock of a case (or of one step): ``allowance`` as parsed or as written.

    ``new_target`` says the target was made in the caller's transaction, so it has no clock yet:
    the insert needs no savepoint to tell a second clock from another failure."""
    text = allowance if isinstance(allowance, str) else allowance.label()
    duration = parse_duration(allowance) if isinstance(allowance, str) else allowance
    if service is not None and service.agency_id != agency.pk:
        raise ClockError("the service belongs to another agency")
    start = partial(
        _clock_start, actor=actor, agency=agency, target_type=target_type, target_id=str(target_id),
        text=text, duration=duration, at=at, service=service, step_id=step_id,
        at_risk_share=at_risk_share, now=now,
    )  # fmt: skip
    if new_target:
        return start()
    try:
        with transaction.atomic():
            return start()
    except IntegrityError:
        # The constraint slaclock_one_per_target decides, so a clock starting on every intake
        # does not ask first; only a failure looks at why.
        if SlaClock.objects.filter(
            target_type=target_type, target_id=str(target_id), step_id=step_id
        ).exists():
            raise ClockError("this target already has a clock") from None
        raise


def _clock_start(
    *,
    actor: Actor,
    agency: Agency,
    target_type: str,
    target_id: str,
    text: str,
    duration: Duration,
    at: datetime,
    service: Service | None,
    step_id: str,
    at_risk_share: float | Decimal,
    now: datetime | None,
) -> SlaClock:
    share = Decimal(str(at_risk_share)).quantize(Decimal("0.01"))
    record = ClockRecord(duration, at_risk_share=float(share)).start(at)
    clock = SlaClock(
        agency=agency,
        service=service,
        target_type=target_type,
        target_id=str(target_id),
        step_id=step_id,
        allowance_text=text[:200],
        allowance_value=duration.value,
        allowance_unit=duration.unit.value,
        at_risk_share=share,
        started_at=at,
    )
    _apply_status(clock, clock_status(record, _calendar(clock), max(now or timezone.now(), at)))
    clock.save()
    SlaInterval.objects.create(clock=clock, started_at=at)
    events.sla_started(actor=actor, clock=clock, allowance=duration.as_dict(), at=at)
    return clock


def _locked(clock: SlaClock) -> SlaClock:
    # of=("self",): PostgreSQL cannot lock the nullable side of the service join, and only the
    # clock row needs the lock.
    return (
        SlaClock.objects.select_for_update(of=("self",)).select_related("agency", "service").get(pk=clock.pk)
    )


def _store(
    clock: SlaClock, record: ClockRecord, stored: Sequence[SlaInterval], now: datetime, *, at: datetime
) -> None:
    """Write the record's intervals back over the ``stored`` rows it was read from (only the last
    one or two ever change) and its status."""
    for position, interval in enumerate(record.intervals):
        if position < len(stored):
            row = stored[position]
            if (row.ended_at, row.pause_reason, row.pause_step) != (
                interval.end,
                interval.pause_reason,
                interval.pause_step,
            ):
                row.ended_at, row.pause_reason, row.pause_step = (
                    interval.end,
                    interval.pause_reason,
                    interval.pause_step,
                )
                row.save(update_fields=["ended_at", "pause_reason", "pause_step"])
        else:
            SlaInterval.objects.create(
                clock=clock,
                started_at=interval.start,
                ended_at=interval.end,
                pause_reason=interval.pause_reason,
                pause_step=interval.pause_step,
            )
    clock.stopped_at = record.stopped_at
    _apply_status(clock, clock_status(record, _calendar(clock), max(now, at)))
    clock.save()


def _transition(
    *,
    actor: Actor,
    clock: SlaClock,
    at: datetime,
    now: datetime | None,
    change: Callable[[ClockRecord], ClockRecord],
    audit: Callable[[SlaClock], AuditEvent],
) -> SlaClock:
    """Lock the clock, apply ``change`` to its history, store the result and ``audit`` it.
    The caller runs it inside a transaction."""
    clock = _locked(clock)
    stored = clock_intervals(clock)
    record = change(clock_record(clock, stored))
    _store(clock, record, stored, now or timezone.now(), at=at)
    audit(clock)
    return clock


def _step_fields(step: Any | None, pausable: bool | None) -> tuple[bool, str]:
    if step is not None:
        return bool(getattr(step, "pausable", False)), str(getattr(step, "id", "") or "")
    if pausable is None:
        raise PauseNotAllowedError("say whether the procedure allows a pause here: pass the step or pausable")
    return pausable, ""


@transaction.atomic
def sla_clock_pause(
    *,
    actor: Actor,
    clock: SlaClock,
    at: datetime,
    reason: str,
    step: Any | None = None,
    pausable: bool | None = None,
    now: datetime | None = None,
) -> SlaClock:
    """Stop the clock (e.g. the file goes back to the applicant to be completed).

    Allowed only where the standard's procedure allows it: pass the procedure ``step``
    (``pelayan.lib.standard_schema.ProcedureStep``, whose ``pausable`` decides) or ``pausable``.
    """
    allowed, step_id = _step_fields(step, pausable)
    return _transition(
        actor=actor,
        clock=clock,
        at=at,
        now=now,
        change=lambda record: record.pause(at, reason=reason, pausable=allowed, step=step_id),
        audit=lambda stored: events.sla_paused(
            actor=actor, clock=stored, at=at, reason=reason.strip(), pause_step=step_id
        ),
    )


@transaction.atomic
def sla_clock_resume(*, actor: Actor, clock: SlaClock, at: datetime, now: datetime | None = None) -> SlaClock:
    return _transition(
        actor=actor,
        clock=clock,
        at=at,
        now=now,
        change=lambda record: record.resume(at),
        audit=lambda stored: events.sla_resumed(actor=actor, clock=stored, at=at),
    )


@transaction.atomic
def sla_clock_stop(*, actor: Actor, clock: SlaClock, at: datetime, now: datetime | None = None) -> SlaClock:
    """The promise is settled (service delivered, step done): the clock ends as met or breached."""
    return _transition(
        actor=actor,
        clock=clock,
        at=at,
        now=now,
        change=lambda record: record.stop(at),
        audit=lambda stored: events.sla_stopped(actor=actor, clock=stored, at=at),
    )


@transaction.atomic
def sla_clock_allowance_change(
    *,
    actor: Actor,
    clock: SlaClock,
    allowance: Duration,
    text: str = "",
    now: datetime | None = None,
) -> SlaClock:
    """Give the clock a new allowance (a complaint re-tiered). The due moment is recomputed from
    the clock's start with the new allowance; the intervals are kept, so time the clock stood
    paused stays uncounted."""
    clock = _locked(clock)
    if clock.phase == SlaPhase.STOPPED:
        raise ClockError("a stopped clock keeps its allowance")
    before = {"value": clock.allowance_value, "unit": clock.allowance_unit, "text": clock.allowance_text}
    clock.allowance_value = allowance.value
    clock.allowance_unit = allowance.unit.value
    clock.allowance_text = (text or allowance.label())[:200]
    stored = clock_intervals(clock)
    _apply_status(clock, clock_status(clock_record(clock, stored), _calendar(clock), now or timezone.now()))
    clock.save()
    events.sla_allowance_changed(actor=actor, clock=clock, before=before, allowance=allowance.as_dict())
    return clock


def _state_change_event(clock: SlaClock, before: str, now: datetime) -> AuditEvent:
    return events.sla_state_changed_build(clock=clock, previous_state=before, at=now)


@transaction.atomic
def sla_clock_refresh(*, clock: SlaClock, now: datetime | None = None) -> SlaClock:
    """Recompute the stored state at ``now`` and save the figures that changed; a change of state
    is audited (actor: the system)."""
    now = now or timezone.now()
    clock = _locked(clock)
    before = clock.state
    changed = _apply_status(clock, clock_status(clock_record(clock), _calendar(clock), now))
    if changed:
        clock.save(update_fields=[*changed, "updated_at"])
    if clock.state != before:
        audit_events_record(events=[_state_change_event(clock, before, now)])
    return clock


# Clocks locked and refreshed per transaction by the periodic refresh: large enough that the
# per-batch queries cost little per clock, small enough that a batch holds its locks only briefly.
_REFRESH_BATCH = 500


# What the sweep reads of a clock and of its intervals: what the clock's record, its stored
# figures and its audit event need, and no more (each column read costs a conversion per row).
_SWEPT_CLOCK_FIELDS = (
    "agency",
    "service",
    "step_id",
    "allowance_value",
    "allowance_unit",
    "at_risk_share",
    "phase",
    "state",
    "stopped_at",
    "due_at",
    "at_risk_at",
)
_SWEPT_INTERVAL_FIELDS = ("clock", "started_at", "ended_at", "pause_reason", "pause_step")


def _store_refreshed(changes: Sequence[tuple[SlaClock, list[str]]]) -> None:
    """Write the figures a refresh changed, in a number of queries that does not grow with clocks.

    A sweep mostly moves clocks to at risk or breached and nothing else; those are written with
    one plain UPDATE per new state. Any other change (a due moment moved by an edited calendar)
    goes through one bulk_update of the fields that changed. bulk_update is kept for the rest only
    because it writes a CASE per row and field, which costs far more than the plain UPDATE.
    """
    written_at = timezone.now()
    by_state: dict[str, list[int]] = {}
    others: list[SlaClock] = []
    fields: set[str] = set()
    for clock, changed in changes:
        if changed == ["state"]:
            by_state.setdefault(clock.state, []).append(clock.pk)
        else:
            # bulk_update leaves auto_now fields alone, so updated_at is set here.
            clock.updated_at = written_at
            others.append(clock)
            fields.update(changed)
    for state, pks in by_state.items():
        SlaClock.objects.filter(pk__in=pks).update(state=state, updated_at=written_at)
    if others:
        SlaClock.objects.bulk_update(others, [*sorted(fields), "updated_at"])


def sla_clocks_refresh_due(*, now: datetime | None = None, agency: Agency | None = None) -> int:
    """Refresh every running clock whose stored state may be stale at ``now``; returns how many
    changed state. Run periodically by ``calendars.tasks.sla_sweep``.

    The queries grow with batches, agencies and calendars, not clocks: each batch of stale clocks
    is locked and read in one query with its intervals in one more, each agency and each
    (agency, service) calendar is read once per run, the states are computed in memory, and each batch ends with a few bulk writes of
    the changed clocks (``_store_refreshed``) and one bulk insert of their audit events (one per
    change of state).
    """
    now = now or timezone.now()
    due = SlaClock.objects.filter(phase=SlaPhase.RUNNING).filter(
        Q(state=SlaState.ON_TRACK, at_risk_at__lte=now)
        | Q(state__in=[SlaState.ON_TRACK, SlaState.AT_RISK], due_at__lt=now)
    )
    if agency is not None:
        due = due.filter(agency=agency)
    intervals = Prefetch(
        "intervals",
        queryset=SlaInterval.objects.only(*_SWEPT_INTERVAL_FIELDS).order_by("started_at", "id"),
        to_attr="ordered_intervals",
    )
    agencies: dict[int, Agency] = {}
    calendars: dict[tuple[int, int | None], Calendar] = {}
    changed = 0
    after_pk = 0
    while True:
        with transaction.atomic():
            # Keyset batches: a clock refreshed in one batch is never read again in the same run,
            # even if it still looks stale.
            batch = list(
                due.filter(pk__gt=after_pk)
                .select_for_update(of=("self",))
                .only(*_SWEPT_CLOCK_FIELDS)
                .prefetch_related(intervals)
                .order_by("pk")[:_REFRESH_BATCH]
            )
            if not batch:
                break
            after_pk = batch[-1].pk
            changes: list[tuple[SlaClock, list[str]]] = []
            state_events: list[AuditEvent] = []
            for clock in batch:
                # Each agency is read once per run (its events name it) and shared by its clocks;
                # a service only when its calendar is first built.
                if clock.agency_id in agencies:
                    clock.agency = agencies[clock.agency_id]
                else:
                    agencies[clock.agency_id] = clock.agency
                key = (clock.agency_id, clock.service_id)
                if key not in calendars:
                    calendars[key] = _calendar(clock)
                before = clock.state
                record = clock_record(clock, clock.ordered_intervals)
                fields = _apply_status(clock, clock_status(record, calendars[key], now))
                if fields:
                    changes.append((clock, fields))
                if clock.state != before:
                    state_events.append(_state_change_event(clock, before, now))
            _store_refreshed(changes)
            if state_events:
                audit_events_record(events=state_events)
            changed += len(state_events)
        if len(batch) < _REFRESH_BATCH:
            break
    return changed
