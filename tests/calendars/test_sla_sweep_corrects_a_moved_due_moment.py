"""A stale clock whose stored due moment no longer matches its calendar gets the computed one
back from the sweep, beside its new state."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from calendars.models import SlaClock, SlaState
from calendars.services import sla_clock_start, sla_clocks_refresh_due

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
STARTED = datetime(2026, 3, 9, 9, 0, tzinfo=WIB)


def test_the_sweep_writes_the_due_moment_the_calendar_gives(agency):
    moved = sla_clock_start(
        actor=None,
        agency=agency,
        target_type="cases.case",
        target_id="1",
        allowance="1 jam",
        at=STARTED,
        now=STARTED,
    )
    plain = sla_clock_start(
        actor=None,
        agency=agency,
        target_type="cases.case",
        target_id="2",
        allowance="1 jam",
        at=STARTED,
        now=STARTED,
    )
    # As if stored under office hours that have since changed.
    SlaClock.objects.filter(pk=moved.pk).update(due_at=datetime(2026, 3, 9, 9, 30, tzinfo=WIB))

    assert sla_clocks_refresh_due(now=datetime(2026, 3, 9, 11, 0, tzinfo=WIB)) == 2

    moved.refresh_from_db()
    plain.refresh_from_db()
    assert (moved.state, moved.due_at) == (SlaState.BREACHED, datetime(2026, 3, 9, 10, 0, tzinfo=WIB))
    assert (plain.state, plain.due_at) == (SlaState.BREACHED, datetime(2026, 3, 9, 10, 0, tzinfo=WIB))
