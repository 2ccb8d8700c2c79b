"""Helpers for the standard editor's tests: the component forms as a browser would post them."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from standards.models import Standard
from workspace import standard_forms as sf
from workspace.standard_views import _context_for


def form_data(standard: Standard, component: str) -> dict[str, Any]:
    """What the component's page posts when nothing is changed."""
    editor = sf.EDITORS[component]
    forms = sf.editor_forms(editor, standard.components.get(component), _context_for(standard, component))
    data: dict[str, Any] = {}
    for target in forms.values():
        if hasattr(target, "management_form"):
            for name in target.management_form.fields:
                data[f"{target.prefix}-{name}"] = target.management_form[name].value()
            rows = target.forms
        else:
            rows = [target]
        for form in rows:
            for name in form.fields:
                value = form[name].value()
                key = form.add_prefix(name)
                if isinstance(value, list | tuple):
                    data[key] = list(value)
                elif isinstance(value, bool) or name in ("DELETE",):
                    if value:
                        data[key] = "on"
                elif value is None:
                    data[key] = ""
                else:
                    data[key] = value
    return data


def url(standard: Standard, component: str) -> str:
    return reverse("workspace:standard_component", args=[standard.pk, component])


def autosave(client: Client, standard: Standard, component: str, data: dict[str, Any]):
    return client.post(url(standard, component), data, HTTP_HX_REQUEST="true")


def stored(standard: Standard, component: str) -> Any:
    standard.refresh_from_db()
    return standard.components[component]
