"""The suite runs tasks inline (tests/conftest.py), whatever backend the settings name by default."""

import pytest
from django_tasks import TaskResultStatus

from calendars.models import SlaState
from calendars.tasks import sla_sweep

pytestmark = pytest.mark.django_db


def test_a_queued_sweep_has_already_run_when_enqueue_returns(overdue_clock):
    result = sla_sweep.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 1
    overdue_clock.refresh_from_db()
    assert overdue_clock.state == SlaState.BREACHED
