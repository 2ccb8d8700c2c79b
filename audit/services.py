from __future__ import annotations

from typing import Any

from django.db import models

from audit.models import AuditEvent


def audit_event_record(
    *,
    actor: Any | None,
    agency: Any | None,
    action: str,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record a state change. Called inside the caller's transaction so the event commits with it."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent.objects.create(
        actor=actor,
        agency=agency,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        data=data or {},
    )
