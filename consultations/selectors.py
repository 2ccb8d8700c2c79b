"""Reads of the consultations: the workspace's lists by stage, a request as its officer sees
it, the day's appointments for the front office and a request on the citizen's tracking page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import QuerySet

from cases.models import Case, CaseStatus
from cases.selectors import inbox_for_user, officers_for_step, visible_cases
from cases.services import may_act
from consultations.models import HOLDING, Booking, BookingStatus, ConsultationRequest, RequestState, Room
from consultations.services import _receipt_transition, decision_ways, disposition_transition, walk_in_topic
from pelayan.lib.standard_schema import TransitionKind
from standards.models import Agency, ServiceKind, Unit


@dataclass
class Stages:
    receive: list[Case] = field(default_factory=list)
    dispose: list[Case] = field(default_factory=list)
    decide: list[Case] = field(default_factory=list)
    close: list[ConsultationRequest] = field(default_factory=list)
    bookings: list[Booking] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.receive or self.dispose or self.decide or self.close or self.bookings)


def consultation_cases(*, user: Any) -> QuerySet[Case]:
    return visible_cases(user=user).filter(service__kind=ServiceKind.CONSULTATION)


def stages_for_user(*, user: Any, limit: int = 100) -> Stages:
    """What waits for this officer: letters to record, requests to dispose or decide, and the
    consultations they hold that are still to be closed, with their bookings."""
    stages = Stages()
    inbox = (
        inbox_for_user(user=user)
        .filter(service__kind=ServiceKind.CONSULTATION)
        .select_related("process", "agency", "service", "unit")[:limit]
    )
    for case in inbox:
        details = case.details or {}
        # Shown in the lists: what the request is about, from the form or the guest book.
        case.topic = str(details.get("materi") or details.get("keperluan") or "")
        step = case.current_step()
        if _receipt_transition(step) is not None:
            stages.receive.append(case)
        elif all(decision_ways(case)):
            stages.decide.append(case)
        elif disposition_transition(case) is not None:
            stages.dispose.append(case)
    closing = (
        ConsultationRequest.objects.filter(agency__in=_agencies(user))
        .exclude(state__in=[RequestState.CLOSED, RequestState.REJECTED, RequestState.RECEIVED])
        .select_related("case", "case__process", "case__agency", "officer", "unit")
        .order_by("created_at")[:limit]
    )
    stages.close = [
        r
        for r in closing
        if (r.state == RequestState.ACCEPTED and r.officer_id == user.pk)
        or (r.case.is_open() and _closes_here(r, user))
    ]
    stages.bookings = list(
        Booking.objects.filter(officer=user, status__in=[*HOLDING, BookingStatus.RESCHEDULE])
        .exclude(request__state=RequestState.CLOSED)
        .select_related("request__case", "room")
        .order_by("starts_at")[:limit]
    )
    return stages


def _closes_here(request: ConsultationRequest, user: Any) -> bool:
    # Kalbar: the open-ended consultation step, done by the bagian's staff.
    case = request.case
    step = case.current_step()
    return (
        step is not None
        and any(t.end and t.kind == TransitionKind.COMPLETE for t in step.transitions)
        and may_act(case=case, user=user)
    )


def _agencies(user: Any) -> list[int]:
    return (
        list(visible_cases(user=user).values_list("agency_id", flat=True).distinct())
        if user.is_authenticated
        else []
    )


def case_for_officer(*, user: Any, number: str) -> Case | None:
    from cases.selectors import case_get_for_user

    case = case_get_for_user(user=user, number=number)
    if case is None or case.service.kind != ServiceKind.CONSULTATION:
        return None
    return case


def officers_to_name(*, case: Case) -> QuerySet[Any]:
    """Who a disposition may name: holders of the next step's role."""
    way = disposition_transition(case)
    if way is None or not way.to:
        return officers_for_step(case=case, step_id="").none()
    return officers_for_step(case=case, step_id=way.to)


def units_to_name(*, case: Case) -> list[Unit]:
    way = disposition_transition(case)
    target = case.compiled().steps.get(way.to) if way and way.to else None
    slugs = list(getattr(target, "units", ()) or ())
    return list(Unit.objects.filter(agency_id=case.agency_id, slug__in=slugs).order_by("name"))


def rooms_of(*, agency: Agency) -> QuerySet[Room]:
    return Room.objects.filter(agency=agency, is_active=True).order_by("name")


def bookings_of(*, request: ConsultationRequest) -> list[Booking]:
    return list(request.bookings.select_related("room", "officer").order_by("-id"))


def current_booking(*, request: ConsultationRequest) -> Booking | None:
    return (
        request.bookings.exclude(status=BookingStatus.CANCELLED)
        .select_related("room")
        .order_by("-id")
        .first()
    )


def appointments_for_day(*, agency: Agency, day: dt.date) -> list[Booking]:
    """The face-to-face slots of ``day`` (agency's local day) not yet checked in, for the front office."""
    zone = ZoneInfo(agency.timezone)
    start = dt.datetime.combine(day, dt.time(0), tzinfo=zone)
    return list(
        Booking.objects.filter(
            agency=agency,
            room__isnull=False,
            status__in=[BookingStatus.PROPOSED, BookingStatus.CONFIRMED],
            starts_at__gte=start,
            starts_at__lt=start + dt.timedelta(days=1),
        )
        .select_related("request__case", "room")
        .order_by("starts_at")
    )


def consultation_of(*, case: Case) -> ConsultationRequest:
    """The request beside a consultation case, for a page: never writes. A case opened without
    one (a walk-in entered through the API) is shown with an unsaved request whose topic is the
    guest book's purpose; the first write on it makes the row."""
    existing = ConsultationRequest.objects.filter(case=case).select_related("officer", "unit").first()
    if existing is not None:
        return existing
    return ConsultationRequest(case=case, agency_id=case.agency_id, topic=walk_in_topic(case))


def consultation_for_tracking(*, case: Case | None) -> ConsultationRequest | None:
    if case is None or not (case.details or {}).get("konsultasi"):
        return None
    return ConsultationRequest.objects.filter(case=case).first()


def is_open_case(case: Case) -> bool:
    return case.status == CaseStatus.OPEN


def takes_written_requests(*, service: Any) -> bool:
    """Whether the published procedure has a track a citizen enters by letter or e-mail (Banten's
    *surat*): the website form is such a written request."""
    from pelayan.lib.standard_schema import Performer

    standard = service.standards.filter(status="published").first()
    if standard is None or not hasattr(standard, "process"):
        return False
    process = standard.process.compiled()
    return any(
        "email" in track.channels and process.steps[track.entry].performer == Performer.APPLICANT
        for track in process.tracks
    )


def entry_agencies(*, user: Any) -> list[Agency]:
    """Agencies whose consultation letters this officer may enter: any membership there."""
    if not user.is_authenticated:
        return []
    from accounts.models import Membership

    ids = Membership.objects.filter(user=user).values_list("role__agency_id", flat=True)
    return list(Agency.objects.filter(pk__in=ids).prefetch_related("services").order_by("name"))


def consultation_services(*, agency: Agency) -> list[Any]:
    return list(agency.services.filter(kind=ServiceKind.CONSULTATION, is_active=True).order_by("name"))


def letters_of(*, case: Case) -> list[Any]:
    from documents.models import Document

    return list(Document.objects.filter(case=case).order_by("id"))
