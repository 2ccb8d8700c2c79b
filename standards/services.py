"""Writes to the standards registry. Every state change records an audit event."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from pydantic import ValidationError

from accounts.models import StaffRole
from audit.services import audit_event_record
from pelayan.lib.compliance import Severity
from pelayan.lib.process import ProcessError, compile_process
from pelayan.lib.standard_schema import Channel, Components, components_to_json
from standards.components import ComplianceItem, describe
from standards.models import (
    Agency,
    AgencyKind,
    ProcessDefinition,
    Service,
    ServiceKind,
    Standard,
    StandardStatus,
    TimeZone,
    Unit,
    UnitKind,
)
from standards.selectors import standard_compliance


class StandardError(Exception):
    """A refused change to the registry, with a message fit to show to the officer."""


class StandardNotEditable(StandardError):
    pass


class InvalidComponents(StandardError):
    def __init__(self, errors: list[dict[str, str]]):
        self.errors = errors
        super().__init__(
            _("Komponen tidak sah: %(details)s")
            % {"details": "; ".join(f"{e['field']}: {e['message']}" for e in errors)}
        )


class StandardNotPublishable(StandardError):
    def __init__(self, items: list[ComplianceItem]):
        self.items = items
        super().__init__(
            _("Standar belum dapat diterbitkan: %(details)s")
            % {"details": "; ".join(f"{i.component_label}: {i.message}" for i in items)}
        )


def components_validate(components: Components | dict[str, Any]) -> dict[str, Any]:
    """Validate the fourteen components; raises InvalidComponents naming each bad field."""
    if isinstance(components, Components):
        return components_to_json(components)
    try:
        return components_to_json(Components.model_validate(components))
    except ValidationError as exc:
        raise InvalidComponents(
            [{"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()]
        ) from None


def _validate_channels(channels: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    try:
        return [Channel.model_validate(c).model_dump(mode="json") for c in channels or []]
    except ValidationError as exc:
        raise StandardError(
            _("Kanal kontak tidak sah: %(detail)s") % {"detail": exc.errors()[0]["msg"]}
        ) from None


# Public addresses are /<agency>/ and /<agency>/<service>/; these would be shadowed by other pages.
RESERVED_AGENCY_SLUGS = frozenset({"admin", "api", "i18n", "jsi18n", "static", "media", "accounts", "cari"})
RESERVED_SERVICE_SLUGS = frozenset({"maklumat"})


def _unique_slug(
    model: type, agency: Agency | None, base: str, reserved: frozenset[str] = frozenset()
) -> str:
    base = slugify(base)[:45] or "item"
    candidate, n = base, 2
    scope = {"agency": agency} if agency is not None else {}
    while candidate in reserved or model.objects.filter(slug=candidate, **scope).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


@transaction.atomic
def agency_create(
    *,
    actor: Any | None,
    slug: str,
    name: str,
    kind: AgencyKind | str,
    province: str,
    timezone_name: TimeZone | str = TimeZone.WIB,
    regency: str = "",
    address: str = "",
    website: str = "",
    contact_channels: list[dict[str, Any]] | None = None,
    head_title: str = "",
    head_name: str = "",
    short_name: str = "",
    parent: Agency | None = None,
) -> Agency:
    if slug in RESERVED_AGENCY_SLUGS:
        raise StandardError(
            _("Kode '%(slug)s' dipakai oleh halaman lain; pilih kode instansi lain.") % {"slug": slug}
        )
    if timezone_name not in TimeZone.values:
        raise StandardError(
            _("Zona waktu '%(tz)s' tidak dikenal; pilih WIB, WITA, atau WIT.") % {"tz": timezone_name}
        )
    agency = Agency.objects.create(
        slug=slug,
        name=name,
        short_name=short_name,
        kind=kind,
        province=province,
        regency=regency,
        timezone=timezone_name,
        address=address,
        website=website,
        contact_channels=_validate_channels(contact_channels),
        head_title=head_title,
        head_name=head_name,
        parent=parent,
    )
    audit_event_record(actor=actor, agency=agency, action="agency.created", target=agency)
    return agency


@transaction.atomic
def unit_create(
    *,
    actor: Any | None,
    agency: Agency,
    name: str,
    kind: UnitKind | str = UnitKind.BIDANG,
    slug: str | None = None,
    parent: Unit | None = None,
) -> Unit:
    if parent is not None and parent.agency_id != agency.pk:
        raise StandardError(_("Unit induk harus berada di instansi yang sama."))
    unit = Unit.objects.create(
        agency=agency, name=name, kind=kind, parent=parent, slug=slug or _unique_slug(Unit, agency, name)
    )
    audit_event_record(actor=actor, agency=agency, action="unit.created", target=unit)
    return unit


@transaction.atomic
def service_create(
    *,
    actor: Any | None = None,
    agency: Agency,
    name: str,
    kind: ServiceKind | str = ServiceKind.APPLICATION,
    unit: Unit | None = None,
    slug: str | None = None,
    summary: str = "",
) -> Service:
    if not name.strip():
        raise StandardError(_("Nama layanan wajib diisi."))
    if unit is not None and unit.agency_id != agency.pk:
        raise StandardError(_("Unit kerja harus berada di instansi yang sama dengan layanan."))
    if slug in RESERVED_SERVICE_SLUGS:
        raise StandardError(
            _("Kode '%(slug)s' dipakai oleh halaman lain; pilih kode layanan lain.") % {"slug": slug}
        )
    service = Service.objects.create(
        agency=agency,
        unit=unit,
        name=name.strip(),
        kind=kind,
        summary=summary,
        slug=slug or _unique_slug(Service, agency, name, RESERVED_SERVICE_SLUGS),
    )
    audit_event_record(actor=actor, agency=agency, action="service.created", target=service)
    return service


@transaction.atomic
def standard_draft_create(
    *,
    service: Service,
    actor: Any | None,
    components: Components | dict[str, Any],
    decree_number: str = "",
    decree_date: dt.date | None = None,
    decree_date_text: str = "",
    decree_title: str = "",
    signed_by_name: str = "",
    signed_by_title: str = "",
    effective_date: dt.date | None = None,
    source_text: str = "",
    source_name: str = "",
) -> Standard:
    data = components_validate(components)
    # Lock the service row so two drafts created at once cannot take the same version number.
    Service.objects.select_for_update().filter(pk=service.pk).first()
    last = Standard.objects.filter(service=service).aggregate(v=Max("version"))["v"] or 0
    standard = Standard.objects.create(
        service=service,
        version=last + 1,
        components=data,
        decree_number=decree_number,
        decree_date=decree_date,
        decree_date_text=decree_date_text,
        decree_title=decree_title,
        signed_by_name=signed_by_name,
        signed_by_title=signed_by_title,
        effective_date=effective_date,
        source_text=source_text,
        source_name=source_name,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_event_record(
        actor=actor,
        agency=service.agency,
        action="standard.draft_created",
        target=standard,
        data={"version": standard.version, "source": source_name},
    )
    return standard


@transaction.atomic
def standard_draft_from(*, standard: Standard, actor: Any | None) -> Standard:
    """Start a new draft from any version: the way to 'edit' a published standard."""
    fields = {
        name: getattr(standard, name) for name in (*Standard.DECREE_FIELDS, "source_text", "source_name")
    }
    return standard_draft_create(
        service=standard.service, actor=actor, components=standard.components, **fields
    )


_EDITABLE_FIELDS = frozenset(Standard.DECREE_FIELDS)


@transaction.atomic
def standard_draft_update(
    *,
    standard: Standard,
    actor: Any | None,
    components: Components | dict[str, Any] | None = None,
    **fields: Any,
) -> Standard:
    unknown = set(fields) - _EDITABLE_FIELDS
    if unknown:
        raise StandardError(
            _("Kolom tidak dapat diubah: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    locked = Standard.objects.select_for_update().get(pk=standard.pk)
    if not locked.is_editable():
        raise StandardNotEditable(
            _("Standar versi %(version)s sudah %(status)s dan tidak dapat diubah; buat draf baru.")
            % {"version": locked.version, "status": locked.get_status_display().lower()}
        )
    changed = sorted(fields)
    for name, value in fields.items():
        setattr(locked, name, value)
    if components is not None:
        locked.components = components_validate(components)
        changed.append("components")
    locked.save()
    audit_event_record(
        actor=actor,
        agency=locked.service.agency,
        action="standard.draft_updated",
        target=locked,
        data={"fields": changed},
    )
    return locked


@transaction.atomic
def standard_publish(
    *,
    standard: Standard,
    actor: Any | None,
    effective_date: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Standard:
    """Publish a draft; the version in force before it is superseded in the same transaction."""
    now = now or timezone.now()
    locked = Standard.objects.select_for_update().select_related("service__agency").get(pk=standard.pk)
    if locked.status != StandardStatus.DRAFT:
        raise StandardNotEditable(
            _("Hanya draf yang dapat diterbitkan; versi %(version)s berstatus %(status)s.")
            % {"version": locked.version, "status": locked.get_status_display().lower()}
        )
    errors = [item for item in standard_compliance(standard=locked) if item.severity == Severity.ERROR]
    if errors:
        raise StandardNotPublishable(errors)
    previous = list(
        Standard.objects.select_for_update().filter(service=locked.service, status=StandardStatus.PUBLISHED)
    )
    for old in previous:
        old.status = StandardStatus.SUPERSEDED
        old.superseded_at = now
        old.save(update_fields=["status", "superseded_at", "updated_at"])
        audit_event_record(
            actor=actor,
            agency=locked.service.agency,
            action="standard.superseded",
            target=old,
            data={"by_version": locked.version},
        )
    definition = _process_compile(locked)
    locked.status = StandardStatus.PUBLISHED
    locked.published_at = now
    locked.published_by = actor if getattr(actor, "is_authenticated", False) else None
    locked.effective_date = effective_date or locked.effective_date or timezone.localdate(now)
    locked.save()
    audit_event_record(
        actor=actor,
        agency=locked.service.agency,
        action="standard.published",
        target=locked,
        data={
            "version": locked.version,
            "superseded": [o.version for o in previous],
            "process": definition.digest,
        },
    )
    return locked


def _process_compile(standard: Standard) -> ProcessDefinition:
    """Compile the procedure and bind its role codes to the agency's roles as they are now."""
    agency = standard.service.agency
    roles = dict(StaffRole.objects.filter(agency=agency).values_list("code", "pk"))
    units = set(Unit.objects.filter(agency=agency).values_list("slug", flat=True))
    try:
        process = compile_process(standard.parsed_components(), roles=set(roles), units=units)
    except ProcessError as exc:
        raise StandardNotPublishable([describe(f) for f in exc.findings]) from exc
    return ProcessDefinition.objects.create(
        standard=standard,
        digest=process.digest,
        compiler_version=process.compiler_version,
        definition=process.to_json(),
        role_bindings={code: roles[code] for code in process.roles},
    )
