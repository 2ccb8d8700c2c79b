"""The worker's tests queue tasks in the database, as `pelayan worker` does outside tests.

They use ``transactional_db``: the django-tasks-db worker checks its connection between tasks
(``close_old_connections``), which would end the transaction a plain ``db`` test runs in.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from calendars.models import SlaClock
from calendars.services import sla_clock_start

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def database_tasks(settings, transactional_db):
    settings.TASKS = DATABASE_TASKS


@pytest.fixture
def overdue_clock(agency) -> SlaClock:
    """A one-hour clock started on Monday 9 March 2026 09:00 WIB and stored as on track, so any
    sweep run today finds it breached."""
    started = datetime(2026, 3, 9, 9, 0, tzinfo=WIB)
    return sla_clock_start(
        actor=None,
        agency=agency,
        target_type="cases.case",
        target_id="1",
        allowance="1 jam",
        at=started,
        now=started,
    )
