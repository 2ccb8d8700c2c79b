"""POST bodies for the registry's admin forms, written out like a browser would send them."""

from __future__ import annotations

import json
from typing import Any

from standards.models import Agency


def agency_form(
    agency: Agency, units: list[dict[str, Any]] | None = None, **overrides: Any
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "slug": agency.slug,
        "name": agency.name,
        "short_name": agency.short_name,
        "kind": agency.kind,
        "parent": agency.parent_id or "",
        "province": agency.province,
        "regency": agency.regency,
        "address": agency.address,
        "timezone": agency.timezone,
        "website": agency.website,
        "contact_channels": json.dumps(agency.contact_channels),
        "head_title": agency.head_title,
        "head_name": agency.head_name,
        "pledge": agency.pledge,
    }
    existing = list(agency.units.all()) if agency.pk else []
    rows = [
        {"id": u.pk, "agency": agency.pk, "name": u.name, "slug": u.slug, "kind": u.kind, "parent": ""}
        for u in existing
    ] + list(units or [])
    data.update(
        {
            "units-TOTAL_FORMS": str(len(rows)),
            "units-INITIAL_FORMS": str(len(existing)),
            "units-MIN_NUM_FORMS": "0",
            "units-MAX_NUM_FORMS": "1000",
        }
    )
    for n, row in enumerate(rows):
        for key, value in row.items():
            data[f"units-{n}-{key}"] = "" if value is None else value
    data.update(overrides)
    return data
