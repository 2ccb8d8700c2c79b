"""Reads of the case engine for the workspace, the API and the tracking page.

Scoping: an officer sees the cases of the agencies they hold a role in; an officer whose
membership is limited to a unit (a kelurahan's operator, a bagian's staff) sees only that unit's
cases. Anything else is ``None`` — the caller answers 404, never a hint that the case exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import F, Q, QuerySet

from calendars.models import SlaClock
from calendars.selectors import calendar_for, clock_record
from cases.models import Case, CaseEvent, CaseFile, CaseStatus
from cases.services import CASE_TARGET, may_act
from pelayan.lib import tracking
from pelayan.lib.durations import Unit as DurationUnit
from pelayan.lib.process import CompiledStep, CompiledTransition
from pelayan.lib.sla import ClockStatus, clock_status
from pelayan.lib.standard_schema import Performer, TransitionKind


def _scope(user: Any) -> Q | None:
    """The cases ``user`` may see, as a filter; ``None`` when none."""
    if user is None or not user.is_authenticated:
        return None
    if user.is_superuser:
        return Q()
    from accounts.models import Membership

    rows = list(Membership.objects.filter(user=user).values_list("role__agency_id", "unit_id"))
    if not rows:
        return None
    whole = {agency for agency, unit in rows if unit is None}
    scope = Q(agency_id__in=whole) if whole else Q(pk__in=[])
    for agency, unit in rows:
        if unit is not None and agency not in whole:
            scope |= Q(agency_id=agency, unit_id=unit)
    return scope


def visible_cases(*, user: Any) -> QuerySet[Case]:
    scope = _scope(user)
    if scope is None:
        return Case.objects.none()
    # A confidential complaint is seen only by its complaint team, through complaints.selectors.
    return Case.objects.filter(scope).exclude(complaint__confidential=True)


def case_get_for_user(*, user: Any, number: str) -> Case | None:
    normalized = tracking.normalize(number or "")
    if normalized is None:
        return None
    return (
        visible_cases(user=user)
        .select_related("agency", "service", "standard", "process", "unit", "current_role", "assignee")
        .filter(number=normalized)
        .first()
    )


def inbox_for_user(*, user: Any) -> QuerySet[Case]:
    """Open cases whose step is the user's task: a role they hold (within their unit), not
    assigned to someone else. Soonest due first; cases with no running clock last."""
    from accounts.models import Membership

    memberships = list(Membership.objects.filter(user=user).values_list("role_id", "unit_id"))
    if not memberships:
        return Case.objects.none()
    task = Q(pk__in=[])
    for role_id, unit_id in memberships:
        part = Q(current_role_id=role_id)
        if unit_id is not None:
            part &= Q(unit_id=unit_id)
        task |= part
    return (
        Case.objects.filter(status=CaseStatus.OPEN)
        .filter(task)
        .filter(Q(assignee__isnull=True) | Q(assignee=user))
        .select_related("service", "agency", "unit", "current_role")
        .order_by(F("due_at").asc(nulls_last=True), "received_at", "pk")
    )


class Urgency:
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BREACHED = "breached"
    PAUSED = "paused"


def case_urgency(case: Case, now: datetime) -> str:
    """From the stored earliest due moments: no query."""
    if case.due_at is None:
        return Urgency.PAUSED if case.missing else Urgency.ON_TRACK
    if now >= case.due_at:
        return Urgency.BREACHED
    if case.at_risk_at is not None and now >= case.at_risk_at:
        return Urgency.AT_RISK
    return Urgency.ON_TRACK


@dataclass(frozen=True)
class ActionView:
    key: str
    step: str
    kind: str
    label: str
    condition: str | None
    is_return: bool
    chooses_unit: tuple[str, ...]
    assigns_officer: bool


def case_actions_for(*, case: Case, user: Any) -> list[ActionView]:
    """Exactly the transitions the user may take now (none when the step is not theirs)."""
    step = case.current_step()
    if step is None or not may_act(case=case, user=user, step=step):
        return []
    return [_action_view(case, step, t) for t in step.transitions]


def applicant_actions(*, case: Case) -> list[ActionView]:
    """What the applicant holding the PIN may do now: resubmit a returned file, or an applicant step."""
    step = case.current_step()
    if step is None or not (step.performer == Performer.APPLICANT or (step.pauses_clock and case.missing)):
        return []
    return [_action_view(case, step, t) for t in step.transitions if t.kind == TransitionKind.SUBMIT]


def _action_view(case: Case, step: CompiledStep, transition: CompiledTransition) -> ActionView:
    process = case.compiled()
    target = process.steps.get(transition.to or "")
    return ActionView(
        key=transition.key,
        step=step.id,
        kind=transition.kind,
        label=transition.label,
        condition=transition.condition,
        is_return=transition.kind == TransitionKind.RETURN,
        chooses_unit=target.units if target is not None else (),
        assigns_officer=transition.kind == TransitionKind.DISPOSE and target is not None,
    )


@dataclass(frozen=True)
class ClockView:
    key: str
    label: str
    allowance: str
    state: str
    phase: str
    due_at: datetime | None
    elapsed: timedelta
    remaining: timedelta
    status: ClockStatus
    # Office time of one working day of this clock's allowance (budget / days), for showing
    # "2 hari kerja 3 jam"; None when the allowance is not counted in working days.
    working_day: timedelta | None = None


def case_clocks(*, case: Case, now: datetime) -> list[ClockView]:
    """Live figures of every clock of the case; two queries (clocks, their intervals)."""
    clocks = list(
        SlaClock.objects.filter(target_type=CASE_TARGET, target_id=str(case.pk))
        .prefetch_related("intervals")
        .order_by("started_at", "pk")
    )
    if not clocks:
        return []
    calendar = calendar_for(agency=case.agency, service=case.service)
    labels = {limit.key: limit.label or limit.text for limit in case.compiled().limits}
    views = []
    for clock in clocks:
        intervals = sorted(clock.intervals.all(), key=lambda i: (i.started_at, i.pk))
        status = clock_status(clock_record(clock, intervals), calendar, now)
        views.append(
            ClockView(
                key=clock.step_id,
                label=labels.get(clock.step_id, clock.step_id),
                allowance=clock.allowance_text,
                state=str(status.state),
                phase=str(status.phase),
                due_at=status.due_at,
                elapsed=status.elapsed,
                remaining=status.remaining,
                status=status,
                working_day=(
                    status.budget / clock.allowance_value
                    if clock.allowance_unit in (DurationUnit.WORKING_DAY, DurationUnit.DAY)
                    and clock.allowance_value
                    else None
                ),
            )
        )
    return views


def case_timeline(*, case: Case) -> list[CaseEvent]:
    return list(case.events.select_related("actor").order_by("seq"))


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    text: str
    file: CaseFile | None
    missing: bool
    required_now: bool  # the open step checks it


def case_checklist(*, case: Case) -> list[ChecklistItem]:
    """Each requirement of the standard with its latest file; one query."""
    components = case.standard.parsed_components()
    latest: dict[str, CaseFile] = {}
    for row in case.files.order_by("requirement", "-uploaded_at", "-pk"):
        latest.setdefault(row.requirement, row)
    step = case.current_step()
    now_required = set(step.requires) if step else set()
    return [
        ChecklistItem(
            key=r.key or "",
            text=r.text,
            file=latest.get(r.key or ""),
            missing=(r.key or "") in case.missing,
            required_now=(r.key or "") in now_required,
        )
        for r in components.requirements
    ]


def step_of(case: Case, step_id: str) -> CompiledStep | None:
    return case.compiled().steps.get(step_id)


def officers_for_step(*, case: Case, step_id: str) -> QuerySet[Any]:
    """Officers who may be named for ``step_id`` (a disposition): holders of its bound role."""
    from django.contrib.auth import get_user_model

    step = case.compiled().steps.get(step_id)
    role_id = case.process.role_bindings.get(step.role) if step and step.role else None
    if role_id is None:
        return get_user_model().objects.none()
    return (
        get_user_model()
        # One filter() call: both conditions must hold for the same membership.
        .objects.filter(
            Q(memberships__unit__isnull=True) | Q(memberships__unit_id=case.unit_id),
            memberships__role_id=role_id,
        )
        .distinct()
        .order_by("first_name", "username")
    )


def services_for_officer(*, user: Any) -> list[Any]:
    """Services the officer may open a case for (published, with a compiled process)."""
    from accounts.models import Membership
    from standards.models import Service, StandardStatus

    ids = set(Membership.objects.filter(user=user).values_list("role__agency_id", flat=True))
    return list(
        Service.objects.filter(
            agency_id__in=ids, is_active=True, standards__status=StandardStatus.PUBLISHED,
            standards__process_definitions__purpose="service",
        )
        .select_related("agency")
        .order_by("agency__name", "name")
    )  # fmt: skip
