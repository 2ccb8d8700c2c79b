from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import ADMIN_ROLE, ApiToken, Membership, StaffRole
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


# -- API tokens --------------------------------------------------------------------------------

# A token is 32 random bytes in URL-safe base64 (43 characters); its first 8 are the prefix kept
# for listing.
API_TOKEN_PREFIX_LENGTH = 8
# Writing last_used_at on every call would make each read a write; to the minute is enough to
# tell a token in use from a forgotten one.
API_TOKEN_USE_RESOLUTION = timedelta(minutes=1)


def api_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@transaction.atomic
def api_token_create(*, user: Any, name: str = "", actor: Any | None = None) -> tuple[ApiToken, str]:
    """Make a token for ``user``; returns the row and the token, which is not stored anywhere."""
    name = name.strip()
    if len(name) > 100:
        raise ValueError("a token's name is at most 100 characters")
    token = secrets.token_urlsafe(32)
    row = ApiToken.objects.create(
        user=user, name=name, prefix=token[:API_TOKEN_PREFIX_LENGTH], key_hash=api_token_hash(token)
    )
    audit_event_record(
        actor=actor, agency=None, action="api_token.created", target=row, data={"prefix": row.prefix}
    )
    return row, token


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: Any | None = None, now: datetime | None = None) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = now or timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_event_record(
            actor=actor, agency=None, action="api_token.revoked", target=token, data={"prefix": token.prefix}
        )
    return token


def api_token_authenticate(*, token: str, now: datetime | None = None) -> Any | None:
    """The active user a token belongs to, or ``None`` for an unknown, revoked or inactive one.

    Records the use (to the minute) on the token."""
    if not token:
        return None
    row = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=api_token_hash(token), revoked_at__isnull=True)
        .first()
    )
    if row is None or not row.user.is_active:
        return None
    now = now or timezone.now()
    if row.last_used_at is None or now - row.last_used_at >= API_TOKEN_USE_RESOLUTION:
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
    return row.user
