"""Reads of complaint handling: who may handle a complaint, what each reader may see of it, the
Buku Pengaduan and its recap, the supervisors' marks and the public list."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet

from accounts.models import Membership, StaffRole
from calendars.models import SlaClock, SlaState
from cases.models import Case, CaseStatus
from cases.services import CASE_TARGET
from complaints.models import BoxOpening, Complaint, Escalation, Recap
from pelayan.lib.complaints import ComplaintRules, rules_from_definition
from standards.models import Agency, ProcessDefinition, ProcessPurpose, Service, StandardStatus

# The register's page is long; it is read a page at a time.
REGISTER_PAGE = 100
EXPORT_MAX_ROWS = 20_000


def _team_role_ids(user: Any) -> list[tuple[int, int | None]]:
    if user is None or not user.is_authenticated:
        return []
    cached = getattr(user, "_pelayan_memberships_roles", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).values_list("role_id", "unit_id"))
        user._pelayan_memberships_roles = cached
    return cached


def may_handle(*, complaint: Complaint, user: Any) -> bool:
    """The complaint team: holders of a role its complaint process names (a step, the supervisor,
    the recap's recipients), agency-wide or in the complaint's unit."""
    bound = set(complaint.case.process.role_bindings.values())
    unit_id = complaint.case.unit_id
    return any(
        role_id in bound and (unit is None or unit == unit_id) for role_id, unit in _team_role_ids(user)
    )


def complaint_for_user(*, user: Any, pk: int) -> Complaint | None:
    """The complaint if ``user`` is on its team; ``None`` otherwise (the caller answers 404)."""
    complaint = (
        Complaint.objects.select_related(
            "case__process",
            "case__agency",
            "case__service",
            "case__current_role",
            "case__unit",
            "case__assignee",
            "agency",
        )
        .filter(pk=pk)
        .first()
    )
    if complaint is None or not may_handle(complaint=complaint, user=user):
        return None
    return complaint


def complaint_for_case(*, case: Case) -> Complaint | None:
    return Complaint.objects.filter(case=case).first()


def team_agencies(*, user: Any) -> list[Agency]:
    """Agencies in whose complaint process the user holds a role."""
    role_ids = {role for role, _unit in _team_role_ids(user)}
    if not role_ids:
        return []
    definitions = ProcessDefinition.objects.filter(
        purpose=ProcessPurpose.COMPLAINT, standard__status=StandardStatus.PUBLISHED
    ).select_related("standard__service__agency")
    agencies: dict[int, Agency] = {}
    for definition in definitions:
        if role_ids & set(definition.role_bindings.values()):
            agency = definition.standard.service.agency
            agencies[agency.pk] = agency
    return sorted(agencies.values(), key=lambda a: a.name)


def complaints_for_team(*, user: Any, agency: Agency) -> QuerySet[Complaint]:
    """The agency's complaints the user may see as a member of its complaint team."""
    if agency not in team_agencies(user=user):
        return Complaint.objects.none()
    rows = _team_role_ids(user)
    unit_ids = {unit for role, unit in rows if unit is not None}
    whole = any(unit is None for role, unit in rows)
    scope = Q(agency=agency)
    if not whole:
        scope &= Q(case__unit_id__in=unit_ids)
    return Complaint.objects.filter(scope).select_related("case__current_role", "case__process")


def rules_for(complaint: Complaint) -> ComplaintRules:
    return rules_from_definition(complaint.case.process.definition)


def complaint_definition_for(
    *, agency: Agency, service: Service | None = None, with_document: bool = False
) -> ProcessDefinition | None:
    """The published complaint handling of the agency: of ``service``, or of its first service
    whose standard makes complaint handling executable. One query, with its standard (its
    document, the components and source text, only ``with_document``) and its service."""
    definitions = ProcessDefinition.objects.filter(
        purpose=ProcessPurpose.COMPLAINT,
        standard__status=StandardStatus.PUBLISHED,
        standard__service__agency=agency,
        standard__service__is_active=True,
    )
    if service is not None:
        definitions = definitions.filter(standard__service=service)
    definitions = definitions.select_related("standard__service").order_by("standard__service_id", "pk")
    if not with_document:
        definitions = definitions.defer("standard__components", "standard__source_text")
    found = definitions.first()
    if found is not None:
        found.standard.service.agency = agency  # the row just matched on agency: not read again
    return found


def recap_roles_for(*, agency: Agency) -> tuple[str, ...]:
    definition = complaint_definition_for(agency=agency)
    return rules_from_definition(definition.definition).recap_roles if definition else ()


def recap_role_names_for(*, agency: Agency) -> list[str]:
    """The recap's recipients as the register names them: the roles' names, in the standard's order."""
    codes = recap_roles_for(agency=agency)
    names = dict(StaffRole.objects.filter(agency=agency, code__in=codes).values_list("code", "name"))
    return [names.get(code, code) for code in codes]


def website_intake_for(*, agency: Agency) -> tuple[ProcessDefinition, ComplaintRules] | None:
    """The agency's complaint process when one of its tracks takes complaints from the website."""
    definition = complaint_definition_for(agency=agency)
    if definition is None:
        return None
    if not any("website" in track.channels for track in definition.compiled().tracks):
        return None
    return definition, rules_from_definition(definition.definition)


def staff_channels_for(*, agency: Agency) -> list[str]:
    """The channels an officer records complaints from (everything but the website form)."""
    definition = complaint_definition_for(agency=agency)
    if definition is None:
        return []
    channels: list[str] = []
    for track in definition.compiled().tracks:
        channels += [c for c in track.channels if c != "website" and c not in channels]
    return channels


# -- what each reader sees ---------------------------------------------------------------------


def identity_for_handler(complaint: Complaint) -> dict[str, str]:
    """The identity as the handling officers see it: nothing at all for an anonymous complaint,
    not even the reply address (only the system keeps it)."""
    if complaint.anonymous:
        return {}
    return {
        "name": complaint.name,
        "occupation": complaint.occupation,
        "address": complaint.address,
        "email": complaint.email,
        "phone": complaint.phone,
        "reply_address": complaint.reply_address,
    }


def public_complaints(*, agency: Agency, limit: int = 50) -> list[dict[str, Any]]:
    """Complaints the citizens agreed to publish, never confidential ones, without personal data."""
    rows = (
        Complaint.objects.filter(agency=agency, public=True, confidential=False)
        .select_related("case")
        .order_by("-received_at", "-id")[:limit]
    )
    return [
        {
            "register": c.register_label,
            "kind": c.get_kind_display(),
            "channel": c.get_channel_display(),
            "received_at": c.received_at,
            "status": c.case.get_status_display(),
            "content": c.content,
            "answered": c.answered_at is not None,
            "answer": c.answer if c.answered_at else "",
        }
        for c in rows
    ]


# -- the register ------------------------------------------------------------------------------


def register_rows(
    *, agency: Agency, year: int, offset: int = 0, limit: int = REGISTER_PAGE
) -> list[dict[str, Any]]:
    """The Buku Pengaduan of ``agency`` for ``year``: the columns of the paper register. An
    anonymous complaint shows no identity; a confidential one shows its line but not its content."""
    zone = ZoneInfo(agency.timezone)
    complaints = (
        Complaint.objects.filter(agency=agency, register_year=year)
        .select_related("case")
        .order_by("register_number")[offset : offset + limit]
    )
    rows = []
    for c in complaints:
        follow_up = c.case.get_status_display()
        if c.answered_at is not None:
            follow_up = c.answer
        rows.append(
            {
                "number": c.register_number,
                "complaint": c,
                "date": c.received_at.astimezone(zone).date(),
                "name": "" if c.anonymous else c.name,
                "occupation": "" if c.anonymous else c.occupation,
                "address": "" if c.anonymous else c.address,
                "anonymous": c.anonymous,
                "confidential": c.confidential,
                "channel": c.get_channel_display(),
                "kind": c.get_kind_display(),
                "content": "" if c.confidential else c.content,
                "follow_up": "" if c.confidential else follow_up,
                "finished": c.case.ended_at.astimezone(zone).date() if c.case.ended_at else None,
                "reference": c.reference,
            }
        )
    return rows


def register_count(*, agency: Agency, year: int) -> int:
    return Complaint.objects.filter(agency=agency, register_year=year).count()


def register_years(*, agency: Agency) -> list[int]:
    return list(
        Complaint.objects.filter(agency=agency)
        .values_list("register_year", flat=True)
        .distinct()
        .order_by("-register_year")
    )


def _bounds(agency: Agency, start: date, end: date) -> tuple[datetime, datetime]:
    zone = ZoneInfo(agency.timezone)
    return datetime.combine(start, time(0), zone), datetime.combine(end, time(0), zone)


def recap_figures(*, agency: Agency, start: date, end: date, now: datetime) -> dict[str, Any]:
    """Counts of the complaints received in [start, end): by channel, kind, tier and status, and
    how many were settled on time or late (by their clocks), plus those still open past due."""
    low, high = _bounds(agency, start, end)
    complaints = list(
        Complaint.objects.filter(agency=agency, received_at__gte=low, received_at__lt=high).select_related(
            "case"
        )
    )
    clocks = {
        int(target): state
        for target, state in SlaClock.objects.filter(
            target_type=CASE_TARGET, target_id__in=[str(c.case_id) for c in complaints]
        ).values_list("target_id", "state")
    }
    on_time = late = open_late = no_clock = 0
    for c in complaints:
        state = clocks.get(c.case_id)
        if state is None:
            no_clock += 1
        elif state == SlaState.MET:
            on_time += 1
        elif state == SlaState.BREACHED:
            if c.case.status == CaseStatus.OPEN:
                open_late += 1
            else:
                late += 1
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "total": len(complaints),
        "by_channel": dict(Counter(c.channel for c in complaints)),
        "by_kind": dict(Counter(c.kind for c in complaints)),
        "by_tier": dict(Counter(c.tier or "-" for c in complaints)),
        "by_status": dict(Counter(c.case.status for c in complaints)),
        "on_time": on_time,
        "late": late,
        "open_late": open_late,
        "without_time_limit": no_clock,
    }


def recaps_for_user(*, user: Any, limit: int = 20) -> list[Recap]:
    """Recaps delivered to a role the user holds (their inbox). Read per agency and filtered on
    the role codes here: SQLite cannot search inside a JSON list."""
    held = set(Membership.objects.filter(user=user).values_list("role__agency_id", "role__code"))
    if not held:
        return []
    recaps = Recap.objects.filter(agency_id__in={agency for agency, _code in held}).select_related("agency")
    return [
        r
        for r in recaps.order_by("-start", "-id")[: limit * 4]
        if any((r.agency_id, c) in held for c in r.roles)
    ][:limit]


def escalations_for_user(*, user: Any, include_seen: bool = False) -> QuerySet[Escalation]:
    role_ids = [role for role, _unit in _team_role_ids(user)]
    marks = Escalation.objects.filter(role_id__in=role_ids, complaint__case__status=CaseStatus.OPEN)
    if not include_seen:
        marks = marks.filter(seen_at__isnull=True)
    return marks.select_related("complaint__case", "role").order_by("-created_at")


def box_openings(*, agency: Agency, limit: int = 50) -> list[BoxOpening]:
    return list(BoxOpening.objects.filter(agency=agency).select_related("opened_by")[:limit])


def complaint_clock(*, complaint: Complaint) -> SlaClock | None:
    rules = rules_for(complaint)
    return (
        SlaClock.objects.filter(
            target_type=CASE_TARGET, target_id=str(complaint.case_id), step_id=rules.tier_limit or ""
        )
        .select_related("agency", "service")
        .first()
    )


def days(start: date, count: int) -> Iterable[date]:
    return (start + timedelta(days=i) for i in range(count))
