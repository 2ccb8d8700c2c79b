"""Queueing the periodic tasks. A periodic task is queued only when no run of it is waiting or
running, so a slow sweep or a stopped worker never piles up copies of the same work."""

from __future__ import annotations

import zlib
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

__all__ = ["STALE_RUNNING_AFTER", "periodic_task_enqueue", "periodic_task_pending"]

# A run still marked RUNNING after this long belongs to a worker that was killed mid-task (the row
# is never finished then); it must not block the schedule for ever.
STALE_RUNNING_AFTER = timedelta(hours=1)


def periodic_task_pending(*, task: Task) -> bool:
    """Whether a run of ``task`` is queued or running. Only the database backend keeps runs; with
    any other backend (the immediate one in tests) nothing is ever left pending."""
    backend = task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return False
    running_since = timezone.now() - STALE_RUNNING_AFTER
    return (
        DBTaskResult.objects.filter(backend_name=backend.alias, task_path=task.module_path)
        .filter(
            Q(status=TaskResultStatus.READY)
            | Q(status=TaskResultStatus.RUNNING, started_at__gte=running_since)
        )
        .exists()
    )


@transaction.atomic
def periodic_task_enqueue(*, task: Task) -> TaskResult | None:
    """Queue ``task`` unless a run of it is pending; returns the new run, or None if skipped.

    No audit event: queueing is bookkeeping, and each state change the task makes is audited by
    the services it calls.
    """
    # Two workers checking at once must not both queue. SQLite's IMMEDIATE transactions
    # (config/settings.py) already serialise writers; PostgreSQL needs a lock of its own.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(task.module_path.encode())])
    if periodic_task_pending(task=task):
        return None
    return task.enqueue()
