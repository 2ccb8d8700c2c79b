"""Model rows to response dictionaries (validated and documented by api.schemas)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from standards.models import Agency, Service, Standard, TimeZone, Unit


def local(value: dt.datetime | None, tz_name: str) -> dt.datetime | None:
    """A stored (UTC) moment in the agency's own zone, so the offset in the JSON is WIB/WITA/WIT."""
    return timezone.localtime(value, ZoneInfo(tz_name)) if value is not None else None


def _blank_to_none(value: str) -> str | None:
    return value or None


def agency_ref(agency: Agency) -> dict[str, Any]:
    return {
        "slug": agency.slug,
        "name": agency.name,
        "timezone": agency.timezone,
        "timezone_abbr": TimeZone(agency.timezone).name,
    }


def agency_summary(agency: Agency) -> dict[str, Any]:
    return {
        **agency_ref(agency),
        "short_name": _blank_to_none(agency.short_name),
        "kind": agency.kind,
        "province": agency.province,
        "regency": _blank_to_none(agency.regency),
        "published_services": getattr(agency, "published_services", 0),
    }


def unit_body(unit: Unit, slugs: dict[int, str]) -> dict[str, Any]:
    return {
        "slug": unit.slug,
        "name": unit.name,
        "kind": unit.kind,
        "parent": slugs.get(unit.parent_id) if unit.parent_id else None,
    }


def agency_detail(agency: Agency, units: list[Unit]) -> dict[str, Any]:
    slugs = {unit.pk: unit.slug for unit in units}
    return {
        **agency_summary(agency),
        "parent": agency_ref(agency.parent) if agency.parent_id else None,
        "address": _blank_to_none(agency.address),
        "website": _blank_to_none(agency.website),
        "head_title": _blank_to_none(agency.head_title),
        "head_name": _blank_to_none(agency.head_name),
        "pledge": _blank_to_none(agency.pledge),
        "contact_channels": agency.contact_channels or [],
        "units": [unit_body(unit, slugs) for unit in units],
    }


def standard_ref(standard: Standard, tz_name: str) -> dict[str, Any]:
    return {
        "id": standard.pk,
        "version": standard.version,
        "status": standard.status,
        "effective_date": standard.effective_date,
        "published_at": local(standard.published_at, tz_name),
        "superseded_at": local(standard.superseded_at, tz_name),
    }


def service_summary(service: Service, published: Standard | None) -> dict[str, Any]:
    tz_name = service.agency.timezone
    return {
        "slug": service.slug,
        "name": service.name,
        "kind": service.kind,
        "summary": _blank_to_none(service.summary),
        "agency": agency_ref(service.agency),
        "unit": {"slug": service.unit.slug, "name": service.unit.name} if service.unit_id else None,
        "standard": standard_ref(published, tz_name) if published is not None else None,
    }


def service_detail(service: Service, versions: list[Standard]) -> dict[str, Any]:
    published = next((v for v in versions if v.status == "published"), None)
    return {
        **service_summary(service, published),
        "is_active": service.is_active,
        "versions": [standard_ref(v, service.agency.timezone) for v in versions],
    }


def standard_body(standard: Standard) -> dict[str, Any]:
    service = standard.service
    agency = service.agency
    return {
        **standard_ref(standard, agency.timezone),
        "service": {"slug": service.slug, "name": service.name},
        "agency": agency_ref(agency),
        "timezone": agency.timezone,
        "decree": {
            "number": _blank_to_none(standard.decree_number),
            "date": standard.decree_date,
            "date_text": _blank_to_none(standard.decree_date_text),
            "title": _blank_to_none(standard.decree_title),
            "signed_by": {
                "name": _blank_to_none(standard.signed_by_name),
                "title": _blank_to_none(standard.signed_by_title),
            },
        },
        "components": standard.components or {},
    }
