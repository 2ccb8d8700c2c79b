from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from accounts.models import ADMIN_ROLE
from standards.models import Agency


def agencies_for_user(*, user: User | AnonymousUser, role_codes: list[str] | None = None) -> QuerySet[Agency]:
    """Agencies the user may act for; superusers see all."""
    if not user.is_authenticated:
        return Agency.objects.none()
    if user.is_superuser:
        return Agency.objects.all()
    memberships: dict[str, Any] = {"roles__memberships__user": user}
    if role_codes is not None:
        memberships["roles__code__in"] = role_codes
    return Agency.objects.filter(**memberships).distinct()


def administered_agencies(*, user: User | AnonymousUser) -> QuerySet[Agency]:
    return agencies_for_user(user=user, role_codes=[ADMIN_ROLE])
