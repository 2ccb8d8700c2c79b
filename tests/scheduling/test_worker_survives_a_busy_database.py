"""A database error while queueing the sweep is logged and the sweep queued on a later pass."""

from django.core.management import call_command
from django.db import OperationalError
from django_tasks_db.models import DBTaskResult

from calendars.tasks import sla_sweep
from scheduling import services
from scheduling.management.commands import worker


def test_the_worker_queues_the_sweep_on_the_next_pass_after_a_database_error(database_tasks, monkeypatch):
    calls = []

    def busy_then_free(*, task):
        # Other periodic tasks share the schedule; this test follows the sweep.
        if task.module_path != sla_sweep.module_path:
            return services.periodic_task_enqueue(task=task)
        calls.append(task)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return services.periodic_task_enqueue(task=task)

    monkeypatch.setattr(worker, "periodic_task_enqueue", busy_then_free)
    call_command("worker", "--iterations", "2", "--interval", "0", verbosity=0)
    assert len(calls) == 2
    assert DBTaskResult.objects.filter(task_path=sla_sweep.module_path).count() == 1
