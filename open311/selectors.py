"""Reads for Open311: the services that take complaints, and the complaints anyone may see.

Only complaints marked public are served, never a confidential one, and none with personal
data: no name, address, e-mail or phone leaves through these reads (an anonymous complaint has
none to begin with). The description is the complaint's own text, which the citizen agreed to
publish when they made it public.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.db.models import QuerySet

from complaints.models import Complaint
from pelayan.lib import tracking
from standards.models import Agency, ProcessDefinition, ProcessPurpose, Service, StandardStatus

REQUESTS_DEFAULT_LIMIT = 1000


def complaint_services(*, agency: Agency) -> list[Service]:
    """Active services of ``agency`` whose published standard makes complaint handling executable."""
    definitions = (
        ProcessDefinition.objects.filter(
            purpose=ProcessPurpose.COMPLAINT,
            standard__status=StandardStatus.PUBLISHED,
            standard__service__agency=agency,
            standard__service__is_active=True,
        )
        .select_related("standard__service__agency")
        .order_by("standard__service__name", "standard__service_id")
    )
    return [definition.standard.service for definition in definitions]


def complaint_service(*, agency: Agency, code: str) -> Service | None:
    return next((s for s in complaint_services(agency=agency) if s.slug == code), None)


def _public(agency: Agency) -> QuerySet[Complaint]:
    return (
        Complaint.objects.filter(agency=agency, public=True, confidential=False)
        .select_related("agency", "case__service")
        .order_by("-received_at", "-id")
    )


def public_requests(
    *,
    agency: Agency,
    numbers: Sequence[str] = (),
    service_codes: Sequence[str] = (),
    start: datetime,
    end: datetime,
    statuses: Sequence[str] = (),
    limit: int = REQUESTS_DEFAULT_LIMIT,
) -> list[Complaint]:
    rows = _public(agency)
    if numbers:
        # service_request_id overrides every other filter (GeoReport v2).
        return list(rows.filter(case__number__in=list(numbers))[:limit])
    rows = rows.filter(received_at__gte=start, received_at__lte=end)
    if service_codes:
        rows = rows.filter(case__service__slug__in=list(service_codes))
    if statuses:
        open_wanted, closed_wanted = "open" in statuses, "closed" in statuses
        if open_wanted != closed_wanted:
            rows = rows.filter(case__ended_at__isnull=open_wanted)
    return list(rows[:limit])


def public_request(*, agency: Agency, request_id: str) -> Complaint | None:
    number = tracking.normalize(request_id)
    if number is None:
        return None
    return _public(agency).filter(case__number=number).first()
