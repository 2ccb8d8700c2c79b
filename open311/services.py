"""Writes for Open311: client keys, and service requests handed to the complaint engine."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from audit import events
from open311.models import Open311Client

KEY_PREFIX_LENGTH = 8
# last_used_at is kept to the minute: a busy client must not turn every GET into a write.
KEY_USE_RESOLUTION = timedelta(minutes=1)
CLIENT_NAME_MAX = 100


class ClientNameError(ValueError):
    pass


def open311_key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@transaction.atomic
def open311_client_create(*, name: str, actor: Any | None = None) -> tuple[Open311Client, str]:
    """Make a client and its key; returns the row and the key, which is not stored anywhere."""
    name = name.strip()
    if not name:
        raise ClientNameError("a client needs a name")
    if len(name) > CLIENT_NAME_MAX:
        raise ClientNameError(f"a client's name is at most {CLIENT_NAME_MAX} characters")
    if Open311Client.objects.filter(name=name).exists():
        raise ClientNameError(f"a client named {name!r} already exists")
    key = secrets.token_urlsafe(32)
    row = Open311Client.objects.create(
        name=name, prefix=key[:KEY_PREFIX_LENGTH], key_hash=open311_key_hash(key)
    )
    events.open311_client_created(actor=actor, client=row)
    return row, key


@transaction.atomic
def open311_client_revoke(*, client: Open311Client, actor: Any | None = None) -> Open311Client:
    if client.revoked_at is None:
        client.revoked_at = timezone.now()
        client.save(update_fields=["revoked_at"])
        events.open311_client_revoked(actor=actor, client=client)
    return client


def open311_client_authenticate(*, key: str, now: datetime | None = None) -> Open311Client | None:
    """The active client a key belongs to, or ``None``. Records the use (to the minute)."""
    if not key or len(key) > 200:
        return None
    row = Open311Client.objects.filter(key_hash=open311_key_hash(key), revoked_at__isnull=True).first()
    if row is None:
        return None
    now = now or timezone.now()
    if row.last_used_at is None or now - row.last_used_at >= KEY_USE_RESOLUTION:
        Open311Client.objects.filter(pk=row.pk).update(last_used_at=now)
    return row
