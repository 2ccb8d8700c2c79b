"""Writes to the standards registry. Every state change records an audit event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from pydantic import ValidationError

from accounts.models import StaffRole
from audit import events
from audit.services import Actor, actor_user
from pelayan.lib.complaints import compile_complaint
from pelayan.lib.complaints import has_procedure as has_complaint_procedure
from pelayan.lib.compliance import Severity
from pelayan.lib.process import ProcessError, compile_process
from pelayan.lib.standard_schema import COMPONENT_KEYS, Channel, Components, components_to_json
from standards.components import ComplianceItem, describe
from standards.models import (
    Agency,
    AgencyKind,
    ProcessDefinition,
    ProcessPurpose,
    Service,
    ServiceKind,
    Standard,
    StandardOrigin,
    StandardStatus,
    TimeZone,
    Unit,
    UnitKind,
)
from standards.search_index import (
    search_index_update,
    search_index_update_agency,
    search_index_update_unit,
)
from standards.selectors import standard_compliance


class StandardError(Exception):
    """A refused change to the registry, with a message fit to show to the officer."""


class StandardNotEditable(StandardError):
    pass


class InvalidComponents(StandardError):
    def __init__(self, errors: list[dict[str, str]], raw: list[dict[str, Any]] | None = None):
        self.errors = errors
        # The schema's own errors (location, type, context), for forms that put each on its field.
        self.raw = raw or []
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
            [{"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()],
            raw=[dict(e) for e in exc.errors(include_url=False)],
        ) from None


class RegistryInvalid(StandardError):
    """Values the registry refuses, each under the field it belongs to (for forms and the API)."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))


def channels_validate(channels: Any) -> list[dict[str, Any]]:
    """Contact channels through the schema's Channel model; anything else is refused with the reason."""
    if channels in (None, ""):
        return []
    if not isinstance(channels, list):
        raise RegistryInvalid(
            {"contact_channels": _("Kanal kontak harus berupa daftar (JSON array) objek kanal.")}
        )
    cleaned = []
    for position, channel in enumerate(channels, start=1):
        try:
            cleaned.append(Channel.model_validate(channel).model_dump(mode="json"))
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(p) for p in error["loc"])
            raise RegistryInvalid(
                {
                    "contact_channels": _("Kanal kontak tidak sah: kanal ke-%(n)s%(where)s: %(detail)s")
                    % {"n": position, "where": f" ({where})" if where else "", "detail": error["msg"]}
                }
            ) from None
    return cleaned


# Public addresses are /<agency>/ and /<agency>/<service>/; these would be shadowed by other pages.
RESERVED_AGENCY_SLUGS = frozenset(
    {"admin", "api", "i18n", "jsi18n", "static", "media", "accounts", "cari", "kerja", "lacak", "v", "skm"}
)
# /<agency>/skm/… is the agency's survey kiosk.
RESERVED_SERVICE_SLUGS = frozenset({"maklumat", "skm"})


def _unique_slug(
    model: type, agency: Agency | None, base: str, reserved: frozenset[str] = frozenset()
) -> str:
    base = slugify(base)[:45] or "item"
    candidate, n = base, 2
    scope = {"agency": agency} if agency is not None else {}
    while candidate in reserved or model.objects.filter(slug=candidate, **scope).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _check_slug(errors: dict[str, str], slug: Any, reserved: frozenset[str], what: str) -> None:
    if slug is None:
        return
    if not slug or slugify(slug) != slug:
        errors["slug"] = _("Kode hanya boleh berisi huruf kecil, angka, dan tanda hubung.")
    elif slug in reserved:
        errors["slug"] = _("Kode '%(slug)s' dipakai oleh halaman lain; pilih kode %(what)s lain.") % {
            "slug": slug,
            "what": what,
        }


AGENCY_FIELDS = frozenset(
    {
        "slug",
        "name",
        "short_name",
        "kind",
        "parent",
        "province",
        "regency",
        "address",
        "timezone",
        "website",
        "contact_channels",
        "head_title",
        "head_name",
        "pledge",
    }
)


def agency_validate(*, agency: Agency | None, values: dict[str, Any]) -> dict[str, Any]:
    """Check the fields of a new or changed agency; returns them cleaned or raises RegistryInvalid."""
    unknown = set(values) - AGENCY_FIELDS
    if unknown:
        raise StandardError(
            _("Kolom tidak dapat diubah: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    errors: dict[str, str] = {}
    cleaned = dict(values)
    _check_slug(errors, values.get("slug"), RESERVED_AGENCY_SLUGS, _("instansi"))
    if "name" in values and not str(values["name"]).strip():
        errors["name"] = _("Nama instansi wajib diisi.")
    if "kind" in values and values["kind"] not in AgencyKind.values:
        errors["kind"] = _("Jenis instansi '%(kind)s' tidak dikenal.") % {"kind": values["kind"]}
    if "timezone" in values and values["timezone"] not in TimeZone.values:
        errors["timezone"] = _("Zona waktu '%(tz)s' tidak dikenal; pilih WIB, WITA, atau WIT.") % {
            "tz": values["timezone"]
        }
    parent = values.get("parent")
    if parent is not None and agency is not None and agency.pk is not None:
        ancestor: Agency | None = parent
        while ancestor is not None:
            if ancestor.pk == agency.pk:
                errors["parent"] = _("Instansi tidak dapat menjadi induk dirinya sendiri.")
                break
            ancestor = ancestor.parent
    if "contact_channels" in values:
        try:
            cleaned["contact_channels"] = channels_validate(values["contact_channels"])
        except RegistryInvalid as exc:
            errors.update(exc.errors)
    if errors:
        raise RegistryInvalid(errors)
    return cleaned


@transaction.atomic
def agency_create(
    *,
    actor: Actor,
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
    pledge: str = "",
) -> Agency:
    values = agency_validate(
        agency=None,
        values={
            "slug": slug,
            "name": name,
            "short_name": short_name,
            "kind": kind,
            "province": province,
            "regency": regency,
            "timezone": timezone_name,
            "address": address,
            "website": website,
            "contact_channels": contact_channels,
            "head_title": head_title,
            "head_name": head_name,
            "parent": parent,
            "pledge": pledge,
        },
    )
    agency = Agency.objects.create(**values)
    events.agency_created(actor=actor, agency=agency)
    return agency


@transaction.atomic
def agency_update(*, actor: Actor, agency: Agency, **changes: Any) -> Agency:
    """Change an agency's fields (any of AGENCY_FIELDS); records which ones changed."""
    locked = Agency.objects.select_for_update().get(pk=agency.pk)
    values = agency_validate(agency=locked, values=changes)
    changed = [name for name, value in values.items() if getattr(locked, name) != value]
    if not changed:
        return locked
    for name in changed:
        setattr(locked, name, values[name])
    locked.save()
    events.agency_updated(actor=actor, agency=locked, fields=changed)
    # Its services are found by its name and region: their index rows change with it.
    search_index_update_agency(agency_id=locked.pk)
    return locked


UNIT_FIELDS = frozenset({"name", "slug", "kind", "parent"})


def unit_validate(*, agency: Agency, unit: Unit | None, values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - UNIT_FIELDS
    if unknown:
        raise StandardError(
            _("Kolom tidak dapat diubah: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    errors: dict[str, str] = {}
    if "name" in values and not str(values["name"]).strip():
        errors["name"] = _("Nama unit kerja wajib diisi.")
    if "kind" in values and values["kind"] not in UnitKind.values:
        errors["kind"] = _("Jenis unit '%(kind)s' tidak dikenal.") % {"kind": values["kind"]}
    if values.get("slug") is not None:
        _check_slug(errors, values["slug"], frozenset(), _("unit"))
    parent = values.get("parent")
    if parent is not None:
        if parent.agency_id != agency.pk:
            errors["parent"] = _("Unit induk harus berada di instansi yang sama.")
        elif unit is not None and unit.pk is not None:
            ancestor: Unit | None = parent
            while ancestor is not None:
                if ancestor.pk == unit.pk:
                    errors["parent"] = _("Unit tidak dapat menjadi induk dirinya sendiri.")
                    break
                ancestor = ancestor.parent
    if errors:
        raise RegistryInvalid(errors)
    return dict(values)


@transaction.atomic
def unit_create(
    *,
    actor: Actor,
    agency: Agency,
    name: str,
    kind: UnitKind | str = UnitKind.BIDANG,
    slug: str | None = None,
    parent: Unit | None = None,
) -> Unit:
    unit_validate(
        agency=agency, unit=None, values={"name": name, "kind": kind, "slug": slug, "parent": parent}
    )
    unit = Unit.objects.create(
        agency=agency, name=name, kind=kind, parent=parent, slug=slug or _unique_slug(Unit, agency, name)
    )
    events.unit_created(actor=actor, unit=unit)
    return unit


@transaction.atomic
def unit_update(*, actor: Actor, unit: Unit, **changes: Any) -> Unit:
    locked = Unit.objects.select_for_update().select_related("agency").get(pk=unit.pk)
    values = unit_validate(agency=locked.agency, unit=locked, values=changes)
    changed = [name for name, value in values.items() if getattr(locked, name) != value]
    if not changed:
        return locked
    for name in changed:
        setattr(locked, name, values[name])
    locked.save()
    events.unit_updated(actor=actor, unit=locked, fields=changed)
    # The index finds services by their unit's name; the slug is not searched, but the public lists
    # show it, and rewriting the rows is what tells their caches (standards.search_index) to drop.
    if {"name", "slug"} & set(changed):
        search_index_update_unit(unit_id=locked.pk)
    return locked


def unit_delete_refusal(*, unit: Unit) -> str | None:
    """Why ``unit`` cannot be deleted, or None."""
    if unit.services.exists() or unit.children.exists():
        return _("Unit kerja '%(unit)s' masih memiliki layanan atau subunit; pindahkan dulu.") % {
            "unit": unit.name
        }
    return None


@transaction.atomic
def unit_delete(*, actor: Actor, unit: Unit) -> None:
    locked = Unit.objects.select_for_update().select_related("agency").get(pk=unit.pk)
    refusal = unit_delete_refusal(unit=locked)
    if refusal:
        raise RegistryInvalid({"unit": refusal})
    events.unit_deleted(actor=actor, unit=locked)
    locked.delete()


SERVICE_FIELDS = frozenset({"name", "slug", "kind", "unit", "summary", "is_active"})


def service_validate(*, agency: Agency, values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - SERVICE_FIELDS
    if unknown:
        raise StandardError(
            _("Kolom tidak dapat diubah: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    errors: dict[str, str] = {}
    cleaned = dict(values)
    if "name" in values:
        cleaned["name"] = str(values["name"]).strip()
        if not cleaned["name"]:
            errors["name"] = _("Nama layanan wajib diisi.")
    if "kind" in values and values["kind"] not in ServiceKind.values:
        errors["kind"] = _("Jenis layanan '%(kind)s' tidak dikenal.") % {"kind": values["kind"]}
    unit = values.get("unit")
    if unit is not None and unit.agency_id != agency.pk:
        errors["unit"] = _("Unit kerja harus berada di instansi yang sama dengan layanan.")
    _check_slug(errors, values.get("slug"), RESERVED_SERVICE_SLUGS, _("layanan"))
    if errors:
        raise RegistryInvalid(errors)
    return cleaned


@transaction.atomic
def service_create(
    *,
    actor: Actor = None,
    agency: Agency,
    name: str,
    kind: ServiceKind | str = ServiceKind.APPLICATION,
    unit: Unit | None = None,
    slug: str | None = None,
    summary: str = "",
    is_active: bool = True,
) -> Service:
    values = service_validate(
        agency=agency, values={"name": name, "kind": kind, "unit": unit, "slug": slug, "summary": summary}
    )
    service = Service.objects.create(
        agency=agency,
        unit=unit,
        name=values["name"],
        kind=kind,
        summary=summary,
        is_active=is_active,
        slug=slug or _unique_slug(Service, agency, name, RESERVED_SERVICE_SLUGS),
    )
    events.service_created(actor=actor, service=service)
    return service


@transaction.atomic
def service_update(*, actor: Actor, service: Service, **changes: Any) -> Service:
    locked = Service.objects.select_for_update().select_related("agency").get(pk=service.pk)
    values = service_validate(agency=locked.agency, values=changes)
    changed = [name for name, value in values.items() if getattr(locked, name) != value]
    if not changed:
        return locked
    for name in changed:
        setattr(locked, name, values[name])
    locked.save()
    events.service_updated(actor=actor, service=locked, fields=changed)
    # Renamed, moved or switched off (which takes it off the public pages): its index row follows.
    search_index_update(service_ids=[locked.pk])
    return locked


@transaction.atomic
def standard_draft_create(
    *,
    service: Service,
    actor: Actor,
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
    origin: StandardOrigin | str = StandardOrigin.MANUAL,
    review_marks: list[dict[str, Any]] | None = None,
    role_proposals: list[dict[str, Any]] | None = None,
) -> Standard:
    if origin not in StandardOrigin.values:
        raise StandardError(_("Asal standar '%(origin)s' tidak dikenal.") % {"origin": origin})
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
        origin=origin,
        review_marks=list(review_marks or []),
        role_proposals=list(role_proposals or []),
        created_by=actor_user(actor),
    )
    events.standard_draft_created(actor=actor, standard=standard)
    return standard


@transaction.atomic
def standard_draft_from(*, standard: Standard, actor: Actor) -> Standard:
    """Start a new draft from any version: the way to 'edit' a published standard."""
    fields = {
        name: getattr(standard, name) for name in (*Standard.DECREE_FIELDS, "source_text", "source_name")
    }
    if standard.status == StandardStatus.DRAFT and standard.origin == StandardOrigin.IMPORT:
        # A copy of an unreviewed import is still unreviewed: it keeps its origin and marks, so it
        # too is published only from the review screen.
        fields.update(
            origin=standard.origin,
            review_marks=standard.review_marks,
            role_proposals=standard.role_proposals,
        )
    return standard_draft_create(
        service=standard.service, actor=actor, components=standard.components, **fields
    )


_EDITABLE_FIELDS = frozenset(Standard.DECREE_FIELDS)


@transaction.atomic
def standard_draft_update(
    *,
    standard: Standard,
    actor: Actor,
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
    events.standard_draft_updated(actor=actor, standard=locked, fields=changed)
    return locked


class PublishIncomplete(RegistryInvalid):
    """An imported draft published without the decree's number or effective date, by field."""


DECREE_NUMBER_MAX = 200


def _publish_decree_check(
    locked: Standard, decree_number: str | None, effective_date: dt.date | None
) -> None:
    errors: dict[str, str] = {}
    if decree_number is not None and len(decree_number) > DECREE_NUMBER_MAX:
        errors["decree_number"] = _("Nomor keputusan paling panjang %(n)s karakter.") % {
            "n": DECREE_NUMBER_MAX
        }
    if locked.origin == StandardOrigin.IMPORT:
        # Read from a document, the number and date are only the importer's reading: the agency
        # admin confirms both on the review screen, so no one-click publish can skip that.
        if not decree_number:
            errors.setdefault(
                "decree_number",
                _("Isi nomor keputusan yang menetapkan standar ini sebelum menerbitkannya."),
            )
        if effective_date is None:
            errors["effective_date"] = _(
                "Isi tanggal mulai berlaku dari keputusan sebelum menerbitkan standar ini."
            )
    if errors:
        raise PublishIncomplete(errors)


@transaction.atomic
def standard_publish(
    *,
    standard: Standard,
    actor: Actor,
    decree_number: str | None = None,
    effective_date: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Standard:
    """Publish a draft; the version in force before it is superseded in the same transaction.

    An imported draft needs ``decree_number`` and ``effective_date`` given here (the review screen
    asks for them); both are stored on the version.
    """
    now = now or timezone.now()
    decree_number = decree_number.strip() if decree_number is not None else None
    # Publishes of one service queue on its row: two drafts published at once would otherwise both
    # find the same version in force, and the second would break the one-published rule.
    Service.objects.select_for_update().filter(pk=standard.service_id).first()
    locked = Standard.objects.select_for_update().select_related("service__agency").get(pk=standard.pk)
    if locked.status != StandardStatus.DRAFT:
        raise StandardNotEditable(
            _("Hanya draf yang dapat diterbitkan; versi %(version)s berstatus %(status)s.")
            % {"version": locked.version, "status": locked.get_status_display().lower()}
        )
    _publish_decree_check(locked, decree_number, effective_date)
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
        events.standard_superseded(actor=actor, standard=old, by_version=locked.version)
    definition = _process_compile(locked)
    locked.status = StandardStatus.PUBLISHED
    locked.published_at = now
    locked.published_by = actor_user(actor)
    if decree_number:
        locked.decree_number = decree_number
    if locked.origin == StandardOrigin.DEMO:
        # Demo standards are in force from their decree's date, never from the day they were loaded.
        locked.effective_date = effective_date or locked.effective_date
    else:
        locked.effective_date = effective_date or locked.effective_date or timezone.localdate(now)
    locked.save()
    events.standard_published(
        actor=actor, standard=locked, superseded=[o.version for o in previous], process=definition.digest
    )
    search_index_update(service_ids=[locked.service_id])
    return locked


@transaction.atomic
def standard_review_publish(
    *,
    standard: Standard,
    actor: Actor,
    decree_number: str | None,
    effective_date: dt.date | None,
    create_roles: Sequence[str] = (),
    now: dt.datetime | None = None,
) -> Standard:
    """Publish a reviewed draft: the role proposals the reviewer confirmed (by code) become the
    agency's roles and are set on the steps they were proposed for, then the draft is published.
    All or nothing: a refused publish creates no role."""
    from accounts.services import staff_role_ensure  # accounts.services imports this module

    # The same lock order as standard_publish (service, then version), so two publishes of one
    # draft queue instead of deadlocking.
    Service.objects.select_for_update().filter(pk=standard.service_id).first()
    locked = Standard.objects.select_for_update().select_related("service__agency").get(pk=standard.pk)
    # Refuse a missing number or date before any role is made.
    if locked.status == StandardStatus.DRAFT:
        _publish_decree_check(
            locked, decree_number.strip() if decree_number is not None else None, effective_date
        )
    wanted = set(create_roles)
    proposals = [p for p in locked.role_proposals if p.get("code") in wanted]
    if proposals and locked.status == StandardStatus.DRAFT:
        components = locked.parsed_components()
        for proposal in proposals:
            staff_role_ensure(
                agency=locked.service.agency, code=proposal["code"], name=proposal["name"], actor=actor
            )
            steps = set(proposal.get("steps") or [])
            for step in components.procedure.steps:
                if step.id in steps and not step.role:
                    step.role = proposal["code"]
        locked = standard_draft_update(standard=locked, actor=actor, components=components)
    return standard_publish(
        standard=locked, actor=actor, decree_number=decree_number, effective_date=effective_date, now=now
    )


def _process_compile(standard: Standard) -> ProcessDefinition:
    """Compile the procedure and bind its role codes to the agency's roles as they are now."""
    agency = standard.service.agency
    roles = dict(StaffRole.objects.filter(agency=agency).values_list("code", "pk"))
    units = set(Unit.objects.filter(agency=agency).values_list("slug", flat=True))
    try:
        process = compile_process(standard.parsed_components(), roles=set(roles), units=units)
    except ProcessError as exc:
        raise StandardNotPublishable([describe(f) for f in exc.findings]) from exc
    definition = ProcessDefinition.objects.create(
        standard=standard,
        digest=process.digest,
        compiler_version=process.compiler_version,
        definition=process.to_json(),
        role_bindings={code: roles[code] for code in process.roles},
    )
    _complaint_compile(standard, roles=roles, units=units)
    return definition


def _complaint_compile(standard: Standard, *, roles: dict[str, int], units: set[str]) -> None:
    """The complaint handling, when the standard makes it executable, as a second definition."""
    components = standard.parsed_components()
    if not has_complaint_procedure(components):
        return
    try:
        compiled = compile_complaint(components, roles=set(roles), units=units)
    except ProcessError as exc:
        raise StandardNotPublishable([describe(f) for f in exc.findings]) from exc
    named = (
        set(compiled.process.roles) | set(compiled.rules.supervisor_roles) | set(compiled.rules.recap_roles)
    )
    ProcessDefinition.objects.create(
        standard=standard,
        purpose=ProcessPurpose.COMPLAINT,
        digest=compiled.digest,
        compiler_version=compiled.process.compiler_version,
        definition=compiled.definition,
        role_bindings={code: roles[code] for code in sorted(named)},
    )


# -- structured editor (one component at a time) -------------------------------------------------


@transaction.atomic
def standard_component_update(*, standard: Standard, actor: Actor, component: str, value: Any) -> Standard:
    """Replace one of the fourteen components of a draft, leaving the other thirteen as stored.

    The row is locked and the component merged into what is stored *now*, so two officers saving
    different components of one draft at once keep both changes. The whole document is validated
    (InvalidComponents names each bad field); unchanged values record no event.
    """
    if component not in COMPONENT_KEYS:
        raise StandardError(_("Komponen tidak dikenal: %(component)s") % {"component": component})
    locked = Standard.objects.select_for_update().select_related("service__agency").get(pk=standard.pk)
    if not locked.is_editable():
        raise StandardNotEditable(
            _("Standar versi %(version)s sudah %(status)s dan tidak dapat diubah; buat draf baru.")
            % {"version": locked.version, "status": locked.get_status_display().lower()}
        )
    data = components_validate({**locked.components, component: value})
    if data == locked.components:
        return locked
    locked.components = data
    locked.save(update_fields=["components", "updated_at"])
    events.standard_draft_updated(actor=actor, standard=locked, fields=[f"components.{component}"])
    return locked
