from __future__ import annotations

from typing import Any

from django.db import transaction

from accounts.models import ADMIN_ROLE, Membership, StaffRole
from audit.services import audit_event_record
from standards.models import Agency, Unit


@transaction.atomic
def staff_role_ensure(*, agency: Agency, code: str, name: str, aliases: list[str] | None = None) -> StaffRole:
    role, created = StaffRole.objects.get_or_create(
        agency=agency, code=code, defaults={"name": name, "aliases": aliases or []}
    )
    if created:
        audit_event_record(
            actor=None, agency=agency, action="staff_role.created", target=role, data={"code": code}
        )
    return role


@transaction.atomic
def membership_grant(
    *,
    actor: Any | None,
    user: Any,
    agency: Agency,
    role_code: str,
    role_name: str | None = None,
    unit: Unit | None = None,
) -> Membership:
    """Give a user a role in an agency, optionally limited to one of its units (a kelurahan's
    operator). Agency admins get access to the admin site, scoped to it."""
    if unit is not None and unit.agency_id != agency.pk:
        raise ValueError("the unit belongs to another agency")
    role = staff_role_ensure(agency=agency, code=role_code, name=role_name or role_code)
    membership, created = Membership.objects.get_or_create(user=user, role=role, defaults={"unit": unit})
    if role_code == ADMIN_ROLE and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    if created:
        audit_event_record(
            actor=actor,
            agency=agency,
            action="membership.granted",
            target=membership,
            data={"role": role_code, "unit": unit.slug if unit else None},
        )
    return membership
