"""A periodic task is queued only when no run of it is waiting or running."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from calendars.tasks import sla_sweep
from scheduling.services import STALE_RUNNING_AFTER, periodic_task_enqueue


def sweeps():
    return DBTaskResult.objects.filter(task_path=sla_sweep.module_path)


def test_it_does_not_enqueue_a_second_sweep_while_one_waits(database_tasks):
    assert periodic_task_enqueue(task=sla_sweep) is not None
    assert periodic_task_enqueue(task=sla_sweep) is None
    assert sweeps().count() == 1


def test_it_does_not_enqueue_a_second_sweep_while_one_runs(database_tasks):
    periodic_task_enqueue(task=sla_sweep)
    sweeps().update(status=TaskResultStatus.RUNNING, started_at=timezone.now())
    assert periodic_task_enqueue(task=sla_sweep) is None


def test_a_finished_sweep_does_not_block_the_next(database_tasks):
    periodic_task_enqueue(task=sla_sweep)
    sweeps().update(status=TaskResultStatus.SUCCESSFUL, finished_at=timezone.now())
    assert periodic_task_enqueue(task=sla_sweep) is not None
    assert sweeps().count() == 2


def test_a_run_left_behind_by_a_killed_worker_does_not_block_the_schedule(database_tasks):
    periodic_task_enqueue(task=sla_sweep)
    long_ago = timezone.now() - STALE_RUNNING_AFTER - timedelta(minutes=1)
    sweeps().update(status=TaskResultStatus.RUNNING, started_at=long_ago)
    assert periodic_task_enqueue(task=sla_sweep) is not None


def test_the_worker_runs_the_waiting_sweep_instead_of_queueing_another(database_tasks):
    waiting = sla_sweep.enqueue()
    call_command("worker", "--once", verbosity=0)
    assert list(sweeps().values_list("id", "status")) == [(waiting.db_result.id, TaskResultStatus.SUCCESSFUL)]
