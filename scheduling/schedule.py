"""The periodic tasks `pelayan worker` queues, and how often."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django_tasks.base import Task

from calendars.tasks import sla_sweep
from complaints.tasks import complaint_escalations, complaint_recaps
from lapor.tasks import lapor_retry
from notifications.tasks import inbound_email_poll, outbox_sweep

__all__ = ["Periodic", "periodic_tasks"]


@dataclass(frozen=True)
class Periodic:
    task: Task
    every: timedelta


def periodic_tasks() -> list[Periodic]:
    """Read on each worker start, so the intervals follow the settings of that run."""
    return [
        Periodic(task=sla_sweep, every=timedelta(seconds=settings.SLA_SWEEP_SECONDS)),
        Periodic(task=complaint_escalations, every=timedelta(seconds=settings.SLA_SWEEP_SECONDS)),
        Periodic(task=outbox_sweep, every=timedelta(seconds=settings.PELAYAN_OUTBOX_SWEEP_SECONDS)),
        *(
            [
                Periodic(
                    task=inbound_email_poll, every=timedelta(seconds=settings.PELAYAN_INBOUND_POLL_SECONDS)
                )
            ]
            if settings.PELAYAN_INBOUND_EMAIL
            else []
        ),
        # Each run recaps the last whole period once; hourly finds a new one soon after midnight.
        *(
            [Periodic(task=complaint_recaps, every=timedelta(hours=1))]
            if settings.PELAYAN_COMPLAINT_RECAP_PERIOD
            else []
        ),
        # Statuses for SP4N-LAPOR! whose delivery failed, or was cut short by a stop.
        Periodic(task=lapor_retry, every=timedelta(minutes=1)),
    ]
