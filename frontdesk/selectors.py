"""Reads of the front office: who works the desk, the queue, the call screen, the guest book."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts.models import ADMIN_ROLE, Membership
from frontdesk.models import (
    ChecklistItem,
    Counter,
    GuestEntry,
    KioskDevice,
    QueueLine,
    Ticket,
    TicketStatus,
)
from standards.models import Agency, Standard, StandardStatus, Unit

# How many recent calls the TV shows beside the current one.
CALL_SCREEN_RECENT = 5


def local_day(agency: Agency, at: dt.datetime | None = None) -> dt.date:
    return (at or timezone.now()).astimezone(ZoneInfo(agency.timezone)).date()


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


# -- who works the desk ------------------------------------------------------------------------


def front_office_role_ids(*, agency: Agency) -> set[int]:
    """The roles that receive visitors, read from the agency's published standards: the role of
    the first staff step of every track a visitor enters in person (Banten's Petugas Front
    Office, Kalbar's Petugas Informasi)."""
    role_ids: set[int] = set()
    standards = Standard.objects.filter(
        service__agency=agency, service__is_active=True, status=StandardStatus.PUBLISHED
    ).prefetch_related("process_definitions")
    for standard in standards:
        definition = getattr(standard, "process", None)
        if definition is None:
            continue
        process = definition.compiled()
        for track in process.tracks:
            if "in_person" not in track.channels:
                continue
            for step_id in track.steps:
                step = process.steps[step_id]
                if step.performer == "staff" and step.role:
                    bound = definition.role_bindings.get(step.role)
                    if bound:
                        role_ids.add(bound)
                    break
    return role_ids


def desk_agencies(*, user: Any) -> list[Agency]:
    """Agencies whose front desk ``user`` may work: a front-office role or the admin role."""
    if not user.is_authenticated:
        return []
    memberships = Membership.objects.filter(user=user).select_related("role__agency")
    agencies: dict[int, Agency] = {}
    candidates: dict[int, tuple[Agency, set[int]]] = {}
    for membership in memberships:
        agency = membership.role.agency
        if membership.role.code == ADMIN_ROLE:
            agencies[agency.pk] = agency
        else:
            candidates.setdefault(agency.pk, (agency, set()))[1].add(membership.role_id)
    for agency_id, (agency, role_ids) in candidates.items():
        if agency_id not in agencies and role_ids & front_office_role_ids(agency=agency):
            agencies[agency_id] = agency
    return sorted(agencies.values(), key=lambda a: a.name)


def desk_agency_for(*, user: Any, slug: str) -> Agency | None:
    return next((a for a in desk_agencies(user=user) if a.slug == slug), None)


def is_agency_admin(*, user: Any, agency: Agency) -> bool:
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or Membership.objects.filter(user=user, role__agency=agency, role__code=ADMIN_ROLE).exists()
    )


def kiosk_officers(*, agency: Agency) -> QuerySet[Any]:
    """Officers a kiosk may record visits under: holders of a front-office role, agency-wide."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            memberships__role_id__in=front_office_role_ids(agency=agency),
            memberships__unit__isnull=True,
            is_active=True,
        )
        .distinct()
        .order_by("username")
    )


# -- configuration -----------------------------------------------------------------------------


def counters_of(*, agency: Agency, active_only: bool = True) -> QuerySet[Counter]:
    rows = Counter.objects.filter(agency=agency)
    return rows.filter(is_active=True) if active_only else rows


def lines_of(*, agency: Agency, active_only: bool = True) -> QuerySet[QueueLine]:
    rows = QueueLine.objects.filter(agency=agency).select_related("service")
    return rows.filter(is_active=True) if active_only else rows


def checklist_of(*, agency: Agency) -> list[ChecklistItem]:
    return list(ChecklistItem.objects.filter(agency=agency, is_active=True))


def kiosk_devices_of(*, agency: Agency) -> QuerySet[KioskDevice]:
    return KioskDevice.objects.filter(agency=agency).select_related("acts_as").order_by("-created_at")


def kiosk_device_for_token(*, token: str) -> KioskDevice | None:
    if not token or len(token) > 200:
        return None
    return (
        KioskDevice.objects.filter(token_hash=token_digest(token), revoked_at__isnull=True)
        .select_related("agency", "acts_as")
        .first()
    )


def units_for_line(*, line: QueueLine) -> list[Unit]:
    """The units a visitor of this line may ask for: those the service's procedure routes to
    (Kalbar's three bagian), in the order the standard names them."""
    if line.service_id is None:
        return []
    standard = (
        Standard.objects.filter(service_id=line.service_id, status=StandardStatus.PUBLISHED)
        .prefetch_related("process_definitions")
        .first()
    )
    definition = getattr(standard, "process", None) if standard else None
    if definition is None:
        return []
    slugs: list[str] = []
    for step in definition.compiled().steps.values():
        slugs.extend(s for s in step.units if s not in slugs)
    by_slug = {u.slug: u for u in Unit.objects.filter(agency_id=line.agency_id, slug__in=slugs)}
    return [by_slug[s] for s in slugs if s in by_slug]


# -- the queue ---------------------------------------------------------------------------------


def tickets_of_day(*, agency: Agency, day: dt.date) -> QuerySet[Ticket]:
    return Ticket.objects.filter(agency=agency, day=day).select_related("line", "counter", "case")


def open_ticket_at(*, counter: Counter) -> Ticket | None:
    return (
        Ticket.objects.filter(counter=counter, status__in=[TicketStatus.CALLED, TicketStatus.SERVING])
        .select_related("line", "counter", "case", "entry")
        .first()
    )


def waiting_counts(*, agency: Agency, day: dt.date) -> dict[int, int]:
    rows = (
        Ticket.objects.filter(agency=agency, day=day, status=TicketStatus.WAITING)
        .values("line_id")
        .annotate(n=Count("id"))
    )
    return {row["line_id"]: row["n"] for row in rows}


@dataclass(frozen=True)
class CallView:
    number: str
    counter: str
    recalled: bool


@dataclass(frozen=True)
class CallScreen:
    current: CallView | None
    recent: list[CallView]
    waiting: int


def call_screen(*, agency: Agency, day: dt.date) -> CallScreen:
    """What the TV shows: the latest call big, the calls before it, how many wait. Numbers and
    desks only — never a name."""
    called = list(
        Ticket.objects.filter(agency=agency, day=day, called_at__isnull=False)
        .filter(Q(status=TicketStatus.CALLED) | Q(status=TicketStatus.SERVING))
        .select_related("line", "counter")
        .order_by("-called_at", "-id")[: CALL_SCREEN_RECENT + 1]
    )
    views = [CallView(t.number, str(t.counter), t.call_count > 1) for t in called]
    waiting = Ticket.objects.filter(agency=agency, day=day, status=TicketStatus.WAITING).count()
    return CallScreen(current=views[0] if views else None, recent=views[1:], waiting=waiting)


# -- the guest book ----------------------------------------------------------------------------


def guest_entries_for_day(*, agency: Agency, day: dt.date) -> QuerySet[GuestEntry]:
    return (
        GuestEntry.objects.filter(agency=agency, day=day)
        .select_related("line", "unit", "case", "ticket__line")
        .order_by("visited_at", "id")
    )


def guest_entry_get(*, agency: Agency, pk: int) -> GuestEntry | None:
    return GuestEntry.objects.filter(agency=agency, pk=pk).first()
