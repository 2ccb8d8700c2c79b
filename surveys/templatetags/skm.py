from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    """``mapping[key]`` in a template, or "" when absent."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""
