"""Periodic work of complaint handling."""

from __future__ import annotations

from django_tasks import task

from complaints.services import complaints_escalate


@task()
def complaint_escalations() -> int:
    """Mark at-risk and breached complaints in their supervisors' inbox (after the SLA sweep)."""
    return complaints_escalate()


@task()
def complaint_recaps() -> int:
    """The recap of the last whole day, week or month (``PELAYAN_COMPLAINT_RECAP_PERIOD``) to the
    roles each standard names; hourly, and each period once."""
    from complaints.services import recaps_scheduled

    return len(recaps_scheduled())
