"""Reads the workspace needs beyond the case engine's: who the signed-in officer is."""

from __future__ import annotations

from typing import Any

from accounts.models import Membership


def memberships_for_user(*, user: Any) -> list[Membership]:
    """The officer's roles, with agency and unit, for the header and the no-role page."""
    if user is None or not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(user=user)
        .select_related("role", "role__agency", "unit")
        .order_by("role__agency__name", "role__name")
    )


def units_named(*, agency_id: int, slugs: tuple[str, ...]) -> dict[str, str]:
    """Names of the agency's units by slug, for a unit choice."""
    from standards.models import Unit

    return dict(Unit.objects.filter(agency_id=agency_id, slug__in=slugs).values_list("slug", "name"))


def officer_get(*, pk: int) -> Any | None:
    """The officer picked in a disposition; whether they may take the step is the service's check."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk=pk, is_active=True).first()
