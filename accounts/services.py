"""Writes for staff roles and memberships. Each state change records a typed audit event."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import ADMIN_ROLE, ApiToken, Membership, StaffRole
from audit import events
from audit.services import Actor
from standards.models import Agency, Unit
from standards.services import RegistryInvalid

ROLE_FIELDS = frozenset({"name", "aliases"})


def _aliases(aliases: Any) -> list[str]:
    if aliases in (None, ""):
        return []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise RegistryInvalid({"aliases": _("Nama lain harus berupa daftar teks (JSON array).")})
    return [a.strip() for a in aliases if a.strip()]


def staff_role_validate(*, agency: Agency | None, code: str, name: str, aliases: Any = None) -> None:
    """Check a new role's fields; raises RegistryInvalid naming each bad one."""
    errors: dict[str, str] = {}
    if not code or slugify(code) != code:
        errors["code"] = _("Kode peran hanya boleh berisi huruf kecil, angka, dan tanda hubung.")
    elif agency is not None and StaffRole.objects.filter(agency=agency, code=code).exists():
        errors["code"] = _("Kode peran '%(code)s' sudah dipakai di instansi ini.") % {"code": code}
    if not name.strip():
        errors["name"] = _("Nama peran wajib diisi.")
    try:
        _aliases(aliases)
    except RegistryInvalid as exc:
        errors.update(exc.errors)
    if errors:
        raise RegistryInvalid(errors)


@transaction.atomic
def staff_role_create(
    *, actor: Actor, agency: Agency, code: str, name: str, aliases: list[str] | None = None
) -> StaffRole:
    staff_role_validate(agency=agency, code=code, name=name, aliases=aliases)
    role = StaffRole.objects.create(agency=agency, code=code, name=name.strip(), aliases=_aliases(aliases))
    events.staff_role_created(actor=actor, role=role)
    return role


@transaction.atomic
def staff_role_ensure(
    *, agency: Agency, code: str, name: str, aliases: list[str] | None = None, actor: Actor = None
) -> StaffRole:
    """The agency's role with ``code``, created when it does not exist yet."""
    role = StaffRole.objects.filter(agency=agency, code=code).first()
    if role is not None:
        return role
    return staff_role_create(actor=actor, agency=agency, code=code, name=name, aliases=aliases)


@transaction.atomic
def staff_role_update(*, actor: Actor, role: StaffRole, **changes: Any) -> StaffRole:
    """Rename a role or change its other names. The code stays: the admin role and, later, the case
    engine's routing are keyed on it, so changing it would silently move powers between members."""
    if "code" in changes and changes["code"] != role.code:
        raise RegistryInvalid({"code": _("Kode peran tidak dapat diubah setelah dibuat; buat peran baru.")})
    changes.pop("code", None)
    if "agency" in changes and changes["agency"] != role.agency:
        raise RegistryInvalid({"agency": _("Instansi peran tidak dapat diubah.")})
    changes.pop("agency", None)
    unknown = set(changes) - ROLE_FIELDS
    if unknown:
        raise RegistryInvalid({name: _("Kolom ini tidak dapat diubah.") for name in sorted(unknown)})
    locked = StaffRole.objects.select_for_update().select_related("agency").get(pk=role.pk)
    values = dict(changes)
    if "name" in values:
        values["name"] = str(values["name"]).strip()
        if not values["name"]:
            raise RegistryInvalid({"name": _("Nama peran wajib diisi.")})
    if "aliases" in values:
        values["aliases"] = _aliases(values["aliases"])
    changed = [name for name, value in values.items() if getattr(locked, name) != value]
    if not changed:
        return locked
    for name in changed:
        setattr(locked, name, values[name])
    locked.save()
    events.staff_role_updated(actor=actor, role=locked, fields=changed)
    return locked


@transaction.atomic
def membership_create(*, actor: Actor, user: User, role: StaffRole, unit: Unit | None = None) -> Membership:
    """Give ``user`` the ``role``, optionally limited to one ``unit`` of the role's agency (a
    kelurahan's operator). The admin role needs the admin site, so its holder is made staff in the
    same transaction: a membership never grants a role its holder cannot use."""
    if not user.is_active:
        raise RegistryInvalid({"user": _("Akun '%(user)s' tidak aktif.") % {"user": user.get_username()}})
    if unit is not None and unit.agency_id != role.agency_id:
        raise RegistryInvalid({"unit": _("Unit kerja bukan milik instansi peran ini.")})
    membership, created = Membership.objects.get_or_create(user=user, role=role, defaults={"unit": unit})
    made_staff = False
    if role.code == ADMIN_ROLE and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        made_staff = True
    if created:
        events.membership_granted(actor=actor, membership=membership, made_staff=made_staff)
    return membership


@transaction.atomic
def membership_grant(
    *,
    actor: Actor,
    user: User,
    agency: Agency,
    role_code: str,
    role_name: str | None = None,
    unit: Unit | None = None,
) -> Membership:
    """Give a user a role in an agency, creating the role if needed, optionally limited to one of
    its units. Agency admins get access to the admin site, scoped to it."""
    role = staff_role_ensure(agency=agency, code=role_code, name=role_name or role_code, actor=actor)
    return membership_create(actor=actor, user=user, role=role, unit=unit)


@transaction.atomic
def membership_revoke(*, actor: Actor, membership: Membership) -> None:
    """Take a role away. Staff access is left as it is: it may come from another role or be given
    by a superuser, and the scoped admin shows nothing to a staff member without an admin role."""
    locked = Membership.objects.select_related("role__agency", "user").get(pk=membership.pk)
    events.membership_revoked(actor=actor, membership=locked)
    locked.delete()


@transaction.atomic
def membership_change(*, actor: Actor, membership: Membership, user: User) -> Membership:
    """Move a role to another user: the old holder's membership is revoked, the new one granted."""
    if membership.user_id == user.pk:
        return membership
    role = membership.role
    unit = membership.unit
    membership_revoke(actor=actor, membership=membership)
    return membership_create(actor=actor, user=user, role=role, unit=unit)


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
    events.api_token_created(actor=actor, token=row)
    return row, token


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: Any | None = None, now: datetime | None = None) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = now or timezone.now()
        token.save(update_fields=["revoked_at"])
        events.api_token_revoked(actor=actor, token=token)
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
