"""GeoReport v2 answers in its two formats: JSON, and the XML of the specification.

The XML element names are the specification's: a list of services is ``<services><service>``,
requests ``<service_requests><request>``, a definition ``<service_definition>`` with
``<attributes><attribute>`` and ``<values><value>``, errors ``<errors><error>``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any
from xml.etree import ElementTree as ET

from django.http import HttpResponse

FORMATS = ("json", "xml")

# The element of each item of a list, by the list's own element.
_ITEM = {
    "services": "service",
    "service_requests": "request",
    "attributes": "attribute",
    "values": "value",
    "errors": "error",
}


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _fill(parent: ET.Element, value: Any) -> None:
    if isinstance(value, Mapping):
        for key, item in value.items():
            child = ET.SubElement(parent, key)
            _fill(child, item)
    elif isinstance(value, list | tuple):
        item_tag = _ITEM.get(parent.tag, "item")
        for item in value:
            _fill(ET.SubElement(parent, item_tag), item)
    elif value is not None:
        parent.text = _text(value)


def to_xml(root: str, value: Any) -> bytes:
    element = ET.Element(root)
    _fill(element, value)
    return b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(element, encoding="utf-8")


def respond(fmt: str, root: str, value: Any, *, status: int = 200) -> HttpResponse:
    """``value`` as JSON, or as XML under ``root`` (a list becomes its items under ``root``)."""
    if fmt == "xml":
        response = HttpResponse(to_xml(root, value), content_type="text/xml; charset=utf-8", status=status)
    else:
        response = HttpResponse(
            json.dumps(value, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
            status=status,
        )
    # Open311 clients are other sites' pages and apps: the read side is public, like the pages.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def errors(fmt: str, status: int, descriptions: Sequence[str]) -> HttpResponse:
    body = [{"code": status, "description": text} for text in descriptions]
    return respond(fmt, "errors", body, status=status)
