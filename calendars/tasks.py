"""Background tasks of the calendars app, run by `pelayan worker` (docs/architecture.md)."""

from __future__ import annotations

from django_tasks import task

from calendars.services import sla_clocks_refresh_due


@task()
def sla_sweep() -> int:
    """Bring the stored state of every running clock in step with the wall clock; returns how many
    clocks changed state. Queued every ``PELAYAN_SLA_SWEEP_SECONDS`` by the worker's schedule."""
    return sla_clocks_refresh_due()
