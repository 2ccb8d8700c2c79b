"""The one writer of audit events. Services call the typed constructors in ``audit.events``; code
from other branches may still call ``audit_event_record`` directly with an ``AuditAction`` member."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeAlias

from django.contrib.auth.models import AnonymousUser
from django.db import models

from audit.models import AuditAction, AuditEvent

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from standards.models import Agency

# The events of an ``audit_events_deferred`` block, written in one insert when it ends.
_deferred: ContextVar[list[AuditEvent] | None] = ContextVar("audit_deferred", default=None)

# Who made the change: a signed-in user, or None for the system (a command, a periodic task, an
# anonymous visitor). Anonymous users are stored as None.
Actor: TypeAlias = "User | AnonymousUser | None"


def actor_user(actor: Actor) -> User | None:
    """The user to store for ``actor``: None for the system and for anonymous visitors."""
    if actor is None or isinstance(actor, AnonymousUser) or not actor.is_authenticated:
        return None
    return actor


class UnknownAuditAction(ValueError):
    """An action that is not an AuditAction member; the trail only records known kinds."""


def audit_action(action: AuditAction | str) -> AuditAction:
    """The member for ``action``; a string is accepted only if it is the value of a member."""
    if isinstance(action, AuditAction):
        return action
    try:
        return AuditAction(action)
    except ValueError:
        raise UnknownAuditAction(
            f"unknown audit action {action!r}; add it to audit.models.AuditAction"
        ) from None


def audit_event_build(
    *,
    actor: Actor,
    agency: Agency | None,
    action: AuditAction | str,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """An unsaved event, for services that record many at once with ``audit_events_record``;
    ``action`` must be an AuditAction member (or a member's value)."""
    return AuditEvent(
        actor=actor_user(actor),
        agency=agency,
        action=audit_action(action).value,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        data=data or {},
    )


def audit_event_record(
    *,
    actor: Actor,
    agency: Agency | None,
    action: AuditAction,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record a state change. Called inside the caller's transaction so the event commits with it."""
    event = audit_event_build(actor=actor, agency=agency, action=action, target=target, data=data)
    deferred = _deferred.get()
    if deferred is not None:
        deferred.append(event)
    else:
        event.save()
    return event


@contextmanager
def audit_events_deferred() -> Iterator[None]:
    """Write the events recorded inside the block in one insert as it ends, instead of one insert
    each (an intake records four: case, clock, complaint, receipt).

    Enter it inside the transaction that commits the changes, and only around code that either
    completes or raises out of the block: an event recorded in a savepoint that is rolled back
    and caught inside the block would still be written. Leaving by an exception writes nothing;
    the caller's transaction is rolled back with it. Nested blocks write with the outermost."""
    if _deferred.get() is not None:
        yield
        return
    events: list[AuditEvent] = []
    token = _deferred.set(events)
    try:
        yield
    finally:
        _deferred.reset(token)
    if events:
        AuditEvent.objects.bulk_create(events)


def audit_events_record(*, events: Iterable[AuditEvent]) -> list[AuditEvent]:
    """Record the events built by ``audit_event_build`` in one insert (per database batch), inside
    the caller's transaction like ``audit_event_record``."""
    return AuditEvent.objects.bulk_create(list(events))
