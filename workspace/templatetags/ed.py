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
