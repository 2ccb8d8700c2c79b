"""Cases to response dictionaries (validated and documented by api.case_schemas)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from api.presenters import agency_ref, local
from cases.models import Case, CaseEvent, CaseFile, CaseStatus
from cases.selectors import ActionView, ChecklistItem, ClockView, case_urgency


def _blank_to_none(value: str) -> str | None:
    return value or None


def _ref(row: Any) -> dict[str, str] | None:
    return {"slug": row.slug, "name": row.name} if row is not None else None


def task_body(case: Case) -> dict[str, Any] | None:
    step = case.current_step()
    if step is None:
        return None
    role = case.current_role
    return {
        "step": step.id,
        "number": step.number,
        "text": step.text,
        "performer": step.performer,
        "role": {"code": role.code, "name": role.name} if role is not None else None,
        "unit": _ref(case.unit) if case.unit_id else None,
        "assignee": case.assignee.get_username() if case.assignee_id else None,
        "since": local(case.step_entered_at, case.agency.timezone),
    }


def action_body(action: ActionView) -> dict[str, Any]:
    return {
        "key": action.key,
        "step": action.step,
        "kind": action.kind,
        "label": action.label,
        "condition": action.condition,
        "is_return": action.is_return,
        "chooses_unit": list(action.chooses_unit),
        "assigns_officer": action.assigns_officer,
    }


def clock_body(clock: ClockView, tz_name: str) -> dict[str, Any]:
    return {
        "key": clock.key,
        "label": clock.label,
        "allowance": clock.allowance,
        "state": clock.state,
        "phase": clock.phase,
        "due_at": local(clock.due_at, tz_name),
        "elapsed_seconds": int(clock.elapsed.total_seconds()),
        "remaining_seconds": int(clock.remaining.total_seconds()),
    }


def event_body(event: CaseEvent, tz_name: str) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "at": local(event.at, tz_name),
        "kind": event.kind,
        "actor": event.actor_label,
        "transition": _blank_to_none(event.transition),
        "from_step": _blank_to_none(event.from_step),
        "to_step": _blank_to_none(event.to_step),
        "note": _blank_to_none(event.note),
        "missing": list(event.missing or []),
        "files": list(event.files or []),
    }


def file_body(row: CaseFile, tz_name: str) -> dict[str, Any]:
    return {
        "id": row.pk,
        "requirement": row.requirement,
        "name": row.name,
        "content_type": row.content_type,
        "size": row.size,
        "sha256": row.sha256,
        "uploaded_at": local(row.uploaded_at, tz_name),
    }


def checklist_body(item: ChecklistItem, tz_name: str) -> dict[str, Any]:
    return {
        "key": item.key,
        "text": item.text,
        "missing": item.missing,
        "required_now": item.required_now,
        "file": file_body(item.file, tz_name) if item.file is not None else None,
    }


def case_body(
    case: Case,
    *,
    actions: list[ActionView],
    clocks: list[ClockView],
    timeline: list[CaseEvent],
    checklist: list[ChecklistItem],
    now: datetime,
) -> dict[str, Any]:
    tz_name = case.agency.timezone
    task = task_body(case)
    return {
        "number": case.number,
        "display_number": case.display_number,
        "agency": agency_ref(case.agency),
        "service": _ref(case.service),
        "standard_version": case.standard.version,
        "track": case.track,
        "channel": case.channel,
        "status": case.status,
        "version": case.version,
        "unit": _ref(case.unit) if case.unit_id else None,
        "received_at": local(case.received_at, tz_name),
        "due_at": local(case.due_at, tz_name),
        "ended_at": local(case.ended_at, tz_name),
        "urgency": case_urgency(case, now),
        "applicant": {
            "name": case.applicant_name,
            "email": _blank_to_none(case.applicant_email),
            "phone": _blank_to_none(case.applicant_phone),
            "address": _blank_to_none(case.applicant_address),
            "institution": _blank_to_none(case.applicant_institution),
        },
        "details": case.details or {},
        "missing": list(case.missing or []),
        "tasks": [task] if task is not None else [],
        "actions": [action_body(a) for a in actions],
        "clocks": [clock_body(c, tz_name) for c in clocks],
        "timeline": [event_body(e, tz_name) for e in timeline],
        "checklist": [checklist_body(i, tz_name) for i in checklist],
    }


def case_created_body(
    case: Case, *, pin: str | None, created: bool, clocks: list[ClockView]
) -> dict[str, Any]:
    tz_name = case.agency.timezone
    return {
        "number": case.number,
        "display_number": case.display_number,
        "created": created,
        "pin": pin,
        "status": case.status,
        "version": case.version,
        "received_at": local(case.received_at, tz_name),
        "due_at": local(case.due_at, tz_name),
        "clocks": [clock_body(c, tz_name) for c in clocks],
    }


def inbox_item(case: Case, now: datetime) -> dict[str, Any]:
    tz_name = case.agency.timezone
    return {
        "number": case.number,
        "display_number": case.display_number,
        "agency": agency_ref(case.agency),
        "service": _ref(case.service),
        "status": case.status,
        "version": case.version,
        "task": task_body(case),
        "applicant_name": case.applicant_name,
        "received_at": local(case.received_at, tz_name),
        "due_at": local(case.due_at, tz_name),
        "urgency": case_urgency(case, now),
        "missing": list(case.missing or []),
    }


def tracking_body(case: Case, requirement_texts: dict[str, str]) -> dict[str, Any]:
    """What the holder of the PIN sees: no applicant data, no officer names, no notes."""
    tz_name = case.agency.timezone
    step = case.current_step()
    role = case.current_role
    return {
        "number": case.number,
        "display_number": case.display_number,
        "service": case.service.name,
        "agency": case.agency.name,
        "status": case.status,
        "status_label": str(CaseStatus(case.status).label),
        "step": (
            {"number": step.number, "text": step.text, "role": role.name if role is not None else None}
            if step is not None
            else None
        ),
        "received_at": local(case.received_at, tz_name),
        "due_at": local(case.due_at, tz_name),
        "ended_at": local(case.ended_at, tz_name),
        "missing": [{"key": key, "text": requirement_texts.get(key, key)} for key in case.missing or []],
    }
