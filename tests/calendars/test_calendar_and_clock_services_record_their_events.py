"""The calendar and clock services record their own typed events."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from audit.models import AuditAction, AuditEvent
from calendars.services import (
    non_working_day_create,
    non_working_day_delete,
    schedule_save,
    sla_clock_pause,
    sla_clock_refresh,
    sla_clock_resume,
    sla_clock_start,
    sla_clock_stop,
)

WIB = ZoneInfo("Asia/Jakarta")


def _actions(target) -> list[str]:
    return list(
        AuditEvent.objects.filter(target_type=target._meta.label_lower, target_id=str(target.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_a_clock_records_started_paused_resumed_and_stopped(agency, agency_admin):
    moment = datetime(2026, 3, 9, 9, tzinfo=WIB)
    clock = sla_clock_start(
        actor=agency_admin,
        agency=agency,
        target_type="cases.case",
        target_id="7",
        allowance="5 hari kerja",
        at=moment,
        now=moment,
    )
    sla_clock_pause(
        actor=agency_admin, clock=clock, at=moment.replace(hour=10), reason="Berkas", pausable=True
    )
    sla_clock_resume(actor=agency_admin, clock=clock, at=moment.replace(hour=11))
    sla_clock_stop(actor=agency_admin, clock=clock, at=moment.replace(hour=12))

    assert _actions(clock) == [
        AuditAction.SLA_STARTED,
        AuditAction.SLA_PAUSED,
        AuditAction.SLA_RESUMED,
        AuditAction.SLA_STOPPED,
    ]
    assert set(
        AuditEvent.objects.filter(target_type="calendars.slaclock").values_list("actor", flat=True)
    ) == {agency_admin.pk}


def test_a_refresh_into_breach_records_sla_breached_by_the_system(agency):
    moment = datetime(2026, 3, 9, 9, tzinfo=WIB)
    clock = sla_clock_start(
        actor=None,
        agency=agency,
        target_type="cases.case",
        target_id="8",
        allowance="1 jam",
        at=moment,
        now=moment,
    )

    sla_clock_refresh(clock=clock, now=datetime(2026, 3, 10, 9, tzinfo=WIB))

    event = AuditEvent.objects.get(action=AuditAction.SLA_BREACHED)
    assert event.actor is None
    assert event.data["previous_state"] == "on_track"


def test_office_hours_and_days_off_record_their_events(agency, agency_admin):
    schedule = schedule_save(actor=agency_admin, agency=agency, frames={0: [(time(8), time(16))]})
    day = non_working_day_create(
        actor=agency_admin,
        agency=agency,
        date=date(2026, 8, 18),
        name="Cuti",
        kind="closed",
        source_decree="SE 1/2026",
    )
    assert _actions(schedule) == [AuditAction.CALENDAR_SCHEDULE_CREATED]
    day_pk = day.pk

    non_working_day_delete(actor=agency_admin, day=day)

    assert list(
        AuditEvent.objects.filter(target_id=str(day_pk), target_type="calendars.nonworkingday")
        .order_by("id")
        .values_list("action", flat=True)
    ) == [AuditAction.CALENDAR_DAY_ADDED, AuditAction.CALENDAR_DAY_REMOVED]
