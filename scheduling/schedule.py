"""The periodic tasks `pelayan worker` queues, and how often."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django_tasks.base import Task

from calendars.tasks import sla_sweep

__all__ = ["Periodic", "periodic_tasks"]


@dataclass(frozen=True)
class Periodic:
    task: Task
    every: timedelta


def periodic_tasks() -> list[Periodic]:
    """Read on each worker start, so the intervals follow the settings of that run."""
    return [Periodic(task=sla_sweep, every=timedelta(seconds=settings.SLA_SWEEP_SECONDS))]
