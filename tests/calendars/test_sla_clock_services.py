"""SLA clocks are started, paused, resumed and stopped through services, with every interval stored."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.models import AuditEvent
from calendars.models import SlaClock, SlaPhase, SlaState
from calendars.selectors import clock_status_now, clocks_about_to_break
from calendars.services import (
    ClockError,
    PauseNotAllowedError,
    sla_clock_pause,
    sla_clock_refresh,
    sla_clock_resume,
    sla_clock_start,
    sla_clock_stop,
    sla_clocks_refresh_due,
)
from pelayan.lib.sla import ClockPhase, ClockState
from pelayan.lib.standard_schema import ProcedureStep

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
RETURN_STEP = ProcedureStep(id="return", text="Berkas dikembalikan untuk dilengkapi", pausable=True)
SIGN_STEP = ProcedureStep(id="sign", text="Camat menandatangani surat", pausable=False)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=WIB)


def start(
    agency, allowance: str = "5 hari kerja", when: datetime | None = None, target_id: str = "1"
) -> SlaClock:
    when = when or at(9, 9)
    return sla_clock_start(
        actor=None,
        agency=agency,
        target_type="cases.case",
        target_id=target_id,
        allowance=allowance,
        at=when,
        now=when,
    )


def test_a_started_clock_knows_its_due_moment(agency):
    clock = start(agency)
    assert (clock.phase, clock.state) == (SlaPhase.RUNNING, SlaState.ON_TRACK)
    assert clock.due_at == at(16, 16, 0)
    assert clock.intervals.count() == 1
    assert AuditEvent.objects.filter(action="sla.started", target_id=str(clock.pk)).exists()


def test_a_pause_allowed_by_the_procedure_moves_the_due_moment(agency):
    clock = start(agency)
    clock = sla_clock_pause(
        actor=None, clock=clock, at=at(10, 9), reason="Berkas belum lengkap", step=RETURN_STEP, now=at(10, 9)
    )
    assert (clock.phase, clock.state, clock.due_at) == (SlaPhase.PAUSED, SlaState.PAUSED, None)
    clock = sla_clock_resume(actor=None, clock=clock, at=at(12, 9), now=at(12, 9))
    assert clock.due_at == at(25, 16, 0)
    intervals = list(clock.intervals.values_list("pause_reason", "pause_step"))
    assert intervals == [("Berkas belum lengkap", "return"), ("", "")]
    paused = AuditEvent.objects.get(action="sla.paused")
    assert paused.data["reason"] == "Berkas belum lengkap"


def test_a_pause_the_procedure_does_not_allow_is_refused(agency):
    clock = start(agency)
    with pytest.raises(PauseNotAllowedError, match="sign"):
        sla_clock_pause(actor=None, clock=clock, at=at(10, 9), reason="Camat dinas luar", step=SIGN_STEP)
    clock.refresh_from_db()
    assert clock.phase == SlaPhase.RUNNING
    assert not AuditEvent.objects.filter(action="sla.paused").exists()


def test_a_pause_must_say_whether_the_procedure_allows_it(agency):
    with pytest.raises(PauseNotAllowedError):
        sla_clock_pause(actor=None, clock=start(agency), at=at(10, 9), reason="x")


def test_stopping_in_time_is_met_and_late_is_breached(agency):
    on_time = sla_clock_stop(
        actor=None, clock=start(agency, "1 jam", target_id="1"), at=at(9, 9, 50), now=at(9, 9, 50)
    )
    late = sla_clock_stop(
        actor=None, clock=start(agency, "1 jam", target_id="2"), at=at(9, 10, 30), now=at(9, 10, 30)
    )
    assert (on_time.state, late.state) == (SlaState.MET, SlaState.BREACHED)
    assert on_time.phase == SlaPhase.STOPPED


def test_one_clock_per_case_and_step(agency):
    start(agency)
    with pytest.raises(ClockError):
        start(agency)


def test_refreshing_turns_a_clock_at_risk_and_audits_the_change(agency):
    clock = start(agency, "1 jam")
    clock = sla_clock_refresh(clock=clock, now=at(9, 9, 50))
    assert clock.state == SlaState.AT_RISK
    assert AuditEvent.objects.filter(action="sla.at_risk").count() == 1


def test_the_periodic_refresh_finds_clocks_about_to_break(agency):
    soon = start(agency, "1 jam", target_id="1")
    start(agency, "5 hari kerja", target_id="2")
    assert sla_clocks_refresh_due(now=at(9, 9, 50)) == 1
    assert list(clocks_about_to_break(agency=agency, now=at(9, 9, 50))) == [soon]


def test_the_live_status_reports_elapsed_and_remaining_office_time(agency):
    clock = start(agency, "1 jam", when=at(9, 15, 30))
    status = clock_status_now(clock=clock, now=at(10, 7, 45))
    assert status.elapsed.total_seconds() == 45 * 60
    assert status.remaining.total_seconds() == 15 * 60
    assert status.due_at == at(10, 8, 0)


def test_a_refresh_that_changes_nothing_writes_nothing(agency):
    clock = start(agency, "1 jam")
    with CaptureQueriesContext(connection) as queries:
        clock = sla_clock_refresh(clock=clock, now=at(9, 9, 10))
    assert clock.state == SlaState.ON_TRACK
    assert not [
        q for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
    ]


def test_the_stored_states_and_phases_are_the_clock_library_values():
    assert set(SlaState.values) == {state.value for state in ClockState}
    assert set(SlaPhase.values) == {phase.value for phase in ClockPhase} - {ClockPhase.NOT_STARTED.value}
