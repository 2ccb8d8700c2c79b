"""Reads of the standards registry for the public pages, the API and the admin."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Prefetch, Q, QuerySet

from accounts.models import StaffRole
from standards.components import ComplianceItem, compliance_items
from standards.models import Agency, Service, Standard, StandardStatus, Unit


def agency_list() -> QuerySet[Agency]:
    return Agency.objects.annotate(
        published_services=Count(
            "services",
            filter=Q(services__is_active=True, services__standards__status=StandardStatus.PUBLISHED),
        )
    ).order_by("name")


def agency_get(*, slug: str) -> Agency | None:
    return Agency.objects.select_related("parent").filter(slug=slug).first()


def service_list(
    *,
    agency: Agency | str | None = None,
    query: str | None = None,
    visible_to_agency_ids: Iterable[int] = (),
) -> QuerySet[Service]:
    """Active services with a published standard, plus every active service of the agencies in
    ``visible_to_agency_ids`` (those the caller administers, whose drafts it may see)."""
    services = Service.objects.filter(is_active=True).select_related("agency", "unit")
    visible = Q(standards__status=StandardStatus.PUBLISHED)
    agency_ids = list(visible_to_agency_ids)
    if agency_ids:
        visible |= Q(agency_id__in=agency_ids)
    services = services.filter(visible)
    if isinstance(agency, Agency):
        services = services.filter(agency=agency)
    elif agency:
        services = services.filter(agency__slug=agency)
    if query:
        for word in query.split():
            services = services.filter(Q(name__icontains=word) | Q(agency__name__icontains=word))
    return services.order_by("agency__name", "name").distinct()


def services_with_published_standard(*, agency: Agency) -> QuerySet[Service]:
    published = Standard.objects.filter(status=StandardStatus.PUBLISHED)
    return service_list(agency=agency).prefetch_related(
        Prefetch("standards", queryset=published, to_attr="published")
    )


def service_get(*, agency_slug: str, service_slug: str) -> Service | None:
    return (
        Service.objects.select_related("agency", "unit")
        .filter(agency__slug=agency_slug, slug=service_slug)
        .first()
    )


def standard_published(*, service: Service) -> Standard | None:
    return (
        Standard.objects.select_related("service__agency")
        .prefetch_related("process_definitions")
        .filter(service=service, status=StandardStatus.PUBLISHED)
        .first()
    )


def standard_get(*, pk: int) -> Standard | None:
    return Standard.objects.select_related("service__agency").filter(pk=pk).first()


def standard_compliance(*, standard: Standard) -> list[ComplianceItem]:
    """The compliance report of one version, with translated messages; the procedure's roles and
    units are checked against the agency's."""
    agency_id = standard.service.agency_id
    roles = StaffRole.objects.filter(agency_id=agency_id).values_list("code", flat=True)
    units = Unit.objects.filter(agency_id=agency_id).values_list("slug", flat=True)
    return compliance_items(standard.components, roles=set(roles), units=set(units))


def standards_of_agencies(*, agency_ids: Iterable[int]) -> QuerySet[Standard]:
    """Every version of the services of these agencies (the structured editor's list), newest first."""
    return (
        Standard.objects.select_related("service__agency")
        .filter(service__agency_id__in=list(agency_ids))
        .order_by("service__agency__name", "service__name", "-version")
    )


def agency_roles_and_units(*, agency_id: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(code, name) of the agency's staff roles and (slug, name) of its units, for the editor's choices."""
    roles = list(StaffRole.objects.filter(agency_id=agency_id).order_by("name").values_list("code", "name"))
    units = list(Unit.objects.filter(agency_id=agency_id).order_by("name").values_list("slug", "name"))
    return roles, units


def unit_get(*, agency_id: int, slug: str) -> Unit | None:
    return Unit.objects.filter(agency_id=agency_id, slug=slug).first()


# --- review of drafts (workspace) -----------------------------------------------------------------


def standard_drafts(*, agency_ids: Iterable[int]) -> QuerySet[Standard]:
    """Drafts of the agencies the caller administers, newest first, with service and agency."""
    return (
        Standard.objects.filter(status=StandardStatus.DRAFT, service__agency_id__in=list(agency_ids))
        .select_related("service__agency")
        .order_by("service__agency__name", "service__name", "-version")
    )


def standard_for_review(*, pk: int, agency_ids: Iterable[int]) -> Standard | None:
    """Any version of an administered agency (a published one is shown without the publish form)."""
    return (
        Standard.objects.filter(pk=pk, service__agency_id__in=list(agency_ids))
        .select_related("service__agency")
        .first()
    )


def standard_compared_with(*, standard: Standard) -> Standard | None:
    """What a version is reviewed against: for a draft the version in force, for a published or
    superseded version the one before it."""
    versions = Standard.objects.filter(service_id=standard.service_id).exclude(pk=standard.pk)
    if standard.status == StandardStatus.DRAFT:
        return versions.filter(status=StandardStatus.PUBLISHED).first()
    return (
        versions.filter(version__lt=standard.version)
        .exclude(status=StandardStatus.DRAFT)
        .order_by("-version")
        .first()
    )
