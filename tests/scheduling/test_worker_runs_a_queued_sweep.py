"""`pelayan worker --once` runs what is queued: here a sweep that finds an overdue clock."""

from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from audit.models import AuditEvent
from calendars.models import SlaState
from calendars.tasks import sla_sweep


def test_the_worker_runs_a_sweep_queued_in_the_database(database_tasks, overdue_clock):
    queued = sla_sweep.enqueue()
    assert queued.status == TaskResultStatus.READY

    call_command("worker", "--once", verbosity=0)

    run = DBTaskResult.objects.get(id=queued.id)
    assert run.status == TaskResultStatus.SUCCESSFUL
    assert run.return_value == 1
    overdue_clock.refresh_from_db()
    assert overdue_clock.state == SlaState.BREACHED
    assert AuditEvent.objects.filter(action="sla.breached", target_id=str(overdue_clock.pk)).count() == 1


def test_the_worker_runs_tasks_queued_while_it_waits(database_tasks, overdue_clock):
    # Three passes, the sweep queued by the first; none left waiting at the end.
    call_command("worker", "--iterations", "3", "--interval", "0", verbosity=0)
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
    overdue_clock.refresh_from_db()
    assert overdue_clock.state == SlaState.BREACHED
