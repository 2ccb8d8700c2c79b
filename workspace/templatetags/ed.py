"""Template filters of the standard editor."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get(mapping: Any, key: Any) -> Any:
    """``mapping|get:key``: a dict's value by a computed key (an empty list when absent)."""
    if not isinstance(mapping, dict):
        return []
    return mapping.get(key, [])


@register.filter
def any_admin(memberships: Any) -> bool:
    """Whether one of the user's memberships is an agency's admin role (the editor's link)."""
    from accounts.models import ADMIN_ROLE

    return any(getattr(m.role, "code", None) == ADMIN_ROLE for m in memberships or [])
