"""The worker queues the SLA sweep when it starts and then every PELAYAN_SLA_SWEEP_SECONDS."""

from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from calendars.tasks import sla_sweep


def sweeps():
    return DBTaskResult.objects.filter(task_path=sla_sweep.module_path)


def test_the_first_pass_queues_and_runs_a_sweep(database_tasks):
    call_command("worker", "--once", verbosity=0)
    assert list(sweeps().values_list("status", flat=True)) == [TaskResultStatus.SUCCESSFUL]


def test_passes_within_the_interval_queue_no_further_sweep(database_tasks, settings):
    settings.SLA_SWEEP_SECONDS = 60
    call_command("worker", "--iterations", "5", "--interval", "0", verbosity=0)
    assert sweeps().count() == 1


def test_a_sweep_is_queued_again_once_the_interval_has_passed(database_tasks, settings):
    settings.SLA_SWEEP_SECONDS = 1
    # A pass waits no longer than the time to the next sweep, so the second pass comes a second
    # after the first, not five.
    call_command("worker", "--iterations", "2", "--interval", "5", verbosity=0)
    assert sweeps().filter(status=TaskResultStatus.SUCCESSFUL).count() == 2
