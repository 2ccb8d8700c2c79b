"""The periodic SLA sweep issues as many queries for 60 stale clocks as for 10: its queries follow
batches and calendars, never clocks."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.models import AuditEvent
from calendars.models import SlaClock, SlaState
from calendars.services import sla_clock_start, sla_clocks_refresh_due
from standards.services import service_create

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
STARTED = datetime(2026, 3, 9, 9, 0, tzinfo=WIB)
AT_RISK = datetime(2026, 3, 9, 9, 50, tzinfo=WIB)

# One batch: its savepoint and release, the locked clocks, their intervals, one UPDATE to the
# new state (all turn at risk here), one bulk insert of audit events.
BATCH_QUERIES = 6
# Once per run: the agency and the service (read when first met), and each calendar (the
# agency's and the service's): one statement finds its hours and the days-off fingerprint.
OWNER_QUERIES = 1 + 1
CALENDAR_QUERIES = 1 + 1
SWEEP_QUERIES = BATCH_QUERIES + OWNER_QUERIES + CALENDAR_QUERIES


def start_clocks(agency, service, count: int) -> None:
    for number in range(count):
        sla_clock_start(
            actor=None,
            agency=agency,
            service=service if number % 2 else None,
            target_type="cases.case",
            target_id=str(number),
            allowance="1 jam",
            at=STARTED,
            now=STARTED,
        )


def sweep_queries(count: int, agency) -> list[str]:
    service = service_create(agency=agency, name=f"Layanan {count}", kind="application")
    start_clocks(agency, service, count)
    with CaptureQueriesContext(connection) as queries:
        assert sla_clocks_refresh_due(now=AT_RISK) == count
    assert set(SlaClock.objects.values_list("state", flat=True)) == {SlaState.AT_RISK}
    assert AuditEvent.objects.filter(action="sla.at_risk").count() == count
    return [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize("count", [10, 60])
def test_the_sweep_query_count_is_flat_in_the_number_of_clocks(agency, count):
    assert len(sweep_queries(count, agency)) == SWEEP_QUERIES
