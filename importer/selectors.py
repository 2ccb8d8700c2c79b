"""Reads of pending uploads."""

from __future__ import annotations

import uuid
from typing import Any

from django.utils import timezone

from importer.models import PendingUpload


def pending_upload_get(*, upload_id: Any, user: Any, agencies) -> PendingUpload | None:
    """The user's own upload, unexpired, for one of the agencies they administer."""
    try:
        key = uuid.UUID(str(upload_id))
    except ValueError:
        return None
    return (
        PendingUpload.objects.select_related("agency")
        .filter(pk=key, created_by=user, agency__in=agencies, expires_at__gt=timezone.now())
        .first()
    )
