"""Demo data: four agencies and their published standards, written out as structured files.

Each ``<agency-slug>.json`` beside this module holds one agency: its fields, units, staff roles and
services, each service with the decree and the fourteen components of its standard (the schema in
``pelayan.lib.standard_schema``). ``load_demo`` creates whatever is missing through the registry's
services and publishes each standard, so the demo goes through the same checks as real data.
Loading twice changes nothing.

The demo logins share one well-known password; they are for local use only.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from pydantic import ValidationError

from accounts.models import ADMIN_ROLE, Membership, StaffRole
from accounts.services import membership_grant, staff_role_ensure
from pelayan.lib.complaints import has_procedure as has_complaint_procedure
from pelayan.lib.compliance import Severity, check
from pelayan.lib.importer.decree_dates import parse_decree_date
from pelayan.lib.standard_schema import Components
from standards.models import Agency, Service, StandardOrigin, StandardStatus, TimeZone, Unit
from standards.services import (
    agency_create,
    service_create,
    standard_draft_create,
    standard_publish,
    unit_create,
)

DEMO_DIR = Path(__file__).resolve().parent
DEMO_PASSWORD = "pelayan-demo"


class DemoDataError(Exception):
    """A demo file that does not fit the schema or would not pass the compliance check."""


@dataclass(frozen=True)
class DemoLogin:
    agency_slug: str
    agency_name: str
    role_code: str
    role_name: str
    username: str


@dataclass
class DemoResult:
    agencies: list[str] = field(default_factory=list)
    units: int = 0
    roles: int = 0
    services: int = 0
    standards: int = 0
    users: int = 0
    memberships: int = 0
    logins: list[DemoLogin] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(
            (
                self.agencies,
                self.units,
                self.roles,
                self.services,
                self.standards,
                self.users,
                self.memberships,
            )
        )


def demo_files() -> list[Path]:
    return sorted(DEMO_DIR.glob("*.json"))


def _date(value: str | None) -> dt.date | None:
    """A decree's date in a demo file (ISO), or None where the decree states no full date."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise DemoDataError(f"effective_date {value!r} is not a date (YYYY-MM-DD)") from exc


@cache
def _read(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def demo_data() -> list[dict[str, Any]]:
    """The parsed demo files, one per agency, in file-name order."""
    return [_read(path) for path in demo_files()]


def demo_username(agency_slug: str, role_code: str, unit_slug: str | None = None) -> str:
    return f"{agency_slug}.{unit_slug}.{role_code}" if unit_slug else f"{agency_slug}.{role_code}"


def demo_problems(data: dict[str, Any]) -> list[str]:
    """Everything that would stop a demo file from loading and publishing; empty when it is sound."""
    problems: list[str] = []
    agency = data["agency"]
    slug = agency["slug"]
    if agency["timezone"] not in TimeZone.values:
        problems.append(f"{slug}: unknown timezone {agency['timezone']!r}")
    role_codes = {role["code"] for role in data["roles"]}
    if ADMIN_ROLE not in role_codes:
        problems.append(f"{slug}: no {ADMIN_ROLE!r} role")
    unit_slugs = {unit["slug"] for unit in data["units"]}
    for service in data["services"]:
        where = f"{slug}/{service['slug']}"
        for unit in [service.get("unit"), *service.get("units", [])]:
            if unit and unit not in unit_slugs:
                problems.append(f"{where}: unknown unit {unit!r}")
        raw = service["standard"]["components"]
        try:
            components = Components.model_validate(raw)
        except ValidationError as exc:
            problems += [f"{where}: {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
            continue
        problems += [
            f"{where}: {finding.component} {finding.path} {finding.code} {finding.params}"
            for finding in check(components, roles=role_codes, units=unit_slugs)
            if finding.severity == Severity.ERROR
        ]
        referenced = [step.get("role") for step in raw["procedure"]["steps"]]
        referenced += [code for item in raw["competence"] for code in item.get("roles", [])]
        problems += [
            f"{where}: unknown role {code!r}" for code in referenced if code and code not in role_codes
        ]
    return problems


def _agency_ensure(spec: dict[str, Any], actor: Any, result: DemoResult) -> Agency:
    agency = Agency.objects.filter(slug=spec["slug"]).first()
    if agency is not None:
        return agency
    fields = {key: value for key, value in spec.items() if key != "timezone"}
    agency = agency_create(actor=actor, timezone_name=spec["timezone"], **fields)
    result.agencies.append(agency.slug)
    return agency


def _units_ensure(agency: Agency, specs: list[dict[str, Any]], actor: Any, result: DemoResult) -> None:
    for spec in specs:
        if not Unit.objects.filter(agency=agency, slug=spec["slug"]).exists():
            unit_create(actor=actor, agency=agency, name=spec["name"], kind=spec["kind"], slug=spec["slug"])
            result.units += 1


def _roles_ensure(agency: Agency, specs: list[dict[str, Any]], result: DemoResult) -> None:
    for spec in specs:
        if not StaffRole.objects.filter(agency=agency, code=spec["code"]).exists():
            staff_role_ensure(agency=agency, code=spec["code"], name=spec["name"], aliases=spec["aliases"])
            result.roles += 1


def _service_ensure(agency: Agency, spec: dict[str, Any], actor: Any, result: DemoResult) -> None:
    service = Service.objects.filter(agency=agency, slug=spec["slug"]).first()
    if service is None:
        unit = Unit.objects.get(agency=agency, slug=spec["unit"]) if spec.get("unit") else None
        service = service_create(
            actor=actor,
            agency=agency,
            name=spec["name"],
            kind=spec["kind"],
            unit=unit,
            slug=spec["slug"],
            summary=spec.get("summary", ""),
        )
        result.services += 1
    published = (
        service.standards.filter(status=StandardStatus.PUBLISHED)
        .prefetch_related("process_definitions")
        .first()
    )
    wants_complaints = has_complaint_procedure(Components.model_validate(spec["standard"]["components"]))
    if (
        published is not None
        and hasattr(published, "process")
        and (not wants_complaints or hasattr(published, "complaint_process"))
    ):
        return
    if published is None and service.standards.exists():
        return  # the agency has its own drafts; leave them be
    # Missing, or published before procedures (or complaint handling) were compiled (an older demo
    # database): publish
    # the demo file as the next version so its cases can run.
    standard = spec["standard"]
    decree = standard["decree"]
    draft = standard_draft_create(
        service=service,
        actor=actor,
        components=standard["components"],
        decree_number=decree["number"],
        decree_date_text=decree["date_text"],
        decree_title=decree["title"],
        signed_by_name=decree["signed_by_name"],
        signed_by_title=decree["signed_by_title"],
        # In force from the decree's own date; a decree dated only by month or year ("Februari
        # 2021") leaves it empty, and the public page then gives the date as the decree writes it.
        effective_date=_date(decree.get("effective_date")) or parse_decree_date(decree["date_text"]),
        source_name=standard.get("source_name", ""),
        origin=StandardOrigin.DEMO,
    )
    standard_publish(standard=draft, actor=actor)
    result.standards += 1


def _logins_ensure(
    agency: Agency,
    specs: list[dict[str, Any]],
    actor: Any,
    password_hash: str,
    result: DemoResult,
    unit_logins: list[dict[str, Any]] | None = None,
) -> None:
    user_model = get_user_model()
    names = {spec["code"]: spec["name"] for spec in specs}
    wanted = [(spec["code"], None) for spec in specs]
    wanted += [
        (login["role"], Unit.objects.get(agency=agency, slug=login["unit"])) for login in unit_logins or []
    ]
    for code, unit in wanted:
        spec = {"code": code, "name": names[code]}
        username = demo_username(agency.slug, code, unit.slug if unit else None)
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model(
                username=username,
                first_name=spec["name"][:150],
                last_name=((unit.name if unit else "") or agency.short_name or agency.name)[:150],
                # An address on a reserved domain, so recaps and alerts reach the demo's local
                # outbox (var/outbox/email) and nowhere else.
                email=f"{username}@demo.pelayan.invalid",
            )
            # One shared, deliberately public demo password: hashed once for all logins, because
            # hashing it per user made the first `make run` wait a quarter of a minute.
            user.password = password_hash
            user.save()
            result.users += 1
        if not Membership.objects.filter(user=user, role__agency=agency, role__code=spec["code"]).exists():
            membership_grant(
                actor=actor,
                user=user,
                agency=agency,
                role_code=spec["code"],
                role_name=spec["name"],
                unit=unit,
            )
            result.memberships += 1
        role_name = f"{spec['name']} — {unit.name}" if unit else spec["name"]
        result.logins.append(DemoLogin(agency.slug, agency.name, spec["code"], role_name, username))


# Any fixed number: the key of PostgreSQL's advisory lock taken by a demo load.
_DEMO_LOCK_KEY = 7_245_736_652


def _serialize_demo_loads() -> None:
    """Two loads at once would both find an agency missing and both insert it (an IntegrityError
    on PostgreSQL). There the second waits here, inside its transaction, until the first commits,
    and then finds everything loaded. SQLite write transactions (BEGIN IMMEDIATE) already queue."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_DEMO_LOCK_KEY])


def load_demo(
    *, actor: Any | None = None, with_users: bool = True, password: str = DEMO_PASSWORD
) -> DemoResult:
    """Create whatever of the demo is missing, in one transaction; says what it created."""
    files = demo_data()
    problems = [problem for data in files for problem in demo_problems(data)]
    if problems:
        raise DemoDataError("; ".join(problems))
    result = DemoResult()
    password_hash = make_password(password) if with_users else ""
    with transaction.atomic():
        _serialize_demo_loads()
        for data in files:
            agency = _agency_ensure(data["agency"], actor, result)
            _units_ensure(agency, data["units"], actor, result)
            _roles_ensure(agency, data["roles"], result)
            for service in data["services"]:
                _service_ensure(agency, service, actor, result)
            if "frontdesk" in data:
                from frontdesk.demo import frontdesk_demo_ensure

                frontdesk_demo_ensure(agency, data["frontdesk"], actor)
            if "consultations" in data:
                from consultations.demo import consultations_demo_ensure

                consultations_demo_ensure(agency, data["consultations"])
            if with_users:
                _logins_ensure(
                    agency, data["roles"], actor, password_hash, result, data.get("unit_logins", [])
                )
    return result
