"""A sweep larger than one batch refreshes every stale clock exactly once and leaves the others."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from audit.models import AuditEvent
from calendars import services
from calendars.models import SlaClock, SlaState
from calendars.services import sla_clock_start, sla_clocks_refresh_due

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
STARTED = datetime(2026, 3, 9, 9, 0, tzinfo=WIB)


def start(agency, number: int, allowance: str) -> SlaClock:
    return sla_clock_start(
        actor=None,
        agency=agency,
        target_type="cases.case",
        target_id=str(number),
        allowance=allowance,
        at=STARTED,
        now=STARTED,
    )


def test_a_sweep_over_several_batches_refreshes_each_stale_clock_once(agency, monkeypatch):
    monkeypatch.setattr(services, "_REFRESH_BATCH", 3)
    overdue = [start(agency, number, "1 jam") for number in range(7)]
    fresh = start(agency, 99, "5 hari kerja")

    assert sla_clocks_refresh_due(now=datetime(2026, 3, 9, 11, 0, tzinfo=WIB)) == 7

    states = dict(SlaClock.objects.values_list("pk", "state"))
    assert {states[clock.pk] for clock in overdue} == {SlaState.BREACHED}
    assert states[fresh.pk] == SlaState.ON_TRACK
    events = AuditEvent.objects.filter(action="sla.breached")
    assert sorted(events.values_list("target_id", flat=True)) == sorted(str(c.pk) for c in overdue)
    event = events.get(target_id=str(overdue[0].pk))
    assert (event.actor, event.agency, event.target_type) == (None, agency, "calendars.slaclock")
    assert event.data["previous_state"] == SlaState.ON_TRACK
    assert event.data["state"] == SlaState.BREACHED


def test_a_sweep_records_when_it_changed_each_clock(agency):
    clock = start(agency, 1, "1 jam")
    written = SlaClock.objects.get(pk=clock.pk).updated_at
    sla_clocks_refresh_due(now=datetime(2026, 3, 9, 11, 0, tzinfo=WIB))
    assert SlaClock.objects.get(pk=clock.pk).updated_at > written


def test_a_second_sweep_at_the_same_moment_changes_nothing(agency):
    start(agency, 1, "1 jam")
    moment = datetime(2026, 3, 9, 11, 0, tzinfo=WIB)
    assert sla_clocks_refresh_due(now=moment) == 1
    assert sla_clocks_refresh_due(now=moment) == 0
    assert AuditEvent.objects.filter(action="sla.breached").count() == 1
