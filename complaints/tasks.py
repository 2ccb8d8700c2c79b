"""Periodic work of complaint handling."""

from __future__ import annotations

from django_tasks import task

from complaints.services import complaints_escalate


@task()
def complaint_escalations() -> int:
    """Mark at-risk and breached complaints in their supervisors' inbox (after the SLA sweep)."""
    return complaints_escalate()
