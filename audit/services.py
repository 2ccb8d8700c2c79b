from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models

from audit.models import AuditEvent


def audit_event_build(
    *,
    actor: Any | None,
    agency: Any | None,
    action: str,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """An unsaved event, for services that record many at once with ``audit_events_record``."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent(
        actor=actor,
        agency=agency,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        data=data or {},
    )


def audit_event_record(
    *,
    actor: Any | None,
    agency: Any | None,
    action: str,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record a state change. Called inside the caller's transaction so the event commits with it."""
    event = audit_event_build(actor=actor, agency=agency, action=action, target=target, data=data)
    event.save()
    return event


def audit_events_record(*, events: Iterable[AuditEvent]) -> list[AuditEvent]:
    """Record the events built by ``audit_event_build`` in one insert (per database batch), inside
    the caller's transaction like ``audit_event_record``."""
    return AuditEvent.objects.bulk_create(list(events))
