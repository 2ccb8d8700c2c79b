"""Reads of pending uploads."""

from __future__ import annotations

import uuid
from typing import Any

from django.utils import timezone

from accounts.models import StaffRole
from importer.models import PendingUpload
from pelayan.lib.importer.roles import RoleRef, UnitRef
from pelayan.lib.service_match import Candidate, best_match
from standards.models import Service, Standard, Unit


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


def service_candidates(*, agency: Any) -> list[Candidate]:
    """The agency's services as matching candidates, with the decree numbers of their versions."""
    numbers: dict[int, list[str]] = {}
    for service_id, number in (
        Standard.objects.filter(service__agency=agency)
        .exclude(decree_number="")
        .values_list("service_id", "decree_number")
    ):
        numbers.setdefault(service_id, []).append(number)
    return [
        Candidate(key=pk, name=name, decree_numbers=tuple(numbers.get(pk, ())))
        for pk, name in Service.objects.filter(agency=agency).order_by("pk").values_list("pk", "name")
    ]


def agency_role_refs(*, agency: Any) -> tuple[list[RoleRef], list[UnitRef]]:
    """The agency's roles and units as the importer's role binding reads them."""
    roles = [
        RoleRef(code=code, name=name, aliases=tuple(aliases or ()))
        for code, name, aliases in StaffRole.objects.filter(agency=agency)
        .order_by("code")
        .values_list("code", "name", "aliases")
    ]
    units = [
        UnitRef(slug=slug, name=name)
        for slug, name in Unit.objects.filter(agency=agency).order_by("slug").values_list("slug", "name")
    ]
    return roles, units


def service_match_for(*, agency: Any, name: str, decree: str | None) -> Service | None:
    """The agency's service an import named ``name`` (under ``decree``) is a new version of."""
    match = best_match(name=name, decree=decree, candidates=service_candidates(agency=agency))
    return None if match is None else Service.objects.filter(pk=match.key).first()
