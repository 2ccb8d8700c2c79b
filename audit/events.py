"""One typed constructor per kind of audit event.

Services record their state changes through these functions rather than through free-form
strings, so the action, the target and the shape of ``data`` of each kind are fixed in one place
and checked by the type checker. Each returns the stored ``AuditEvent``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from audit.models import AuditAction, AuditEvent
from audit.services import Actor, audit_event_build, audit_event_record
from pelayan.lib.outbox import address_masked
from pelayan.lib.sla import ClockState

if TYPE_CHECKING:
    from accounts.models import ApiToken, Membership, StaffRole
    from calendars.models import NonWorkingDay, SlaClock, WeeklySchedule
    from cases.models import Case, CaseFile
    from complaints.models import Complaint
    from frontdesk.models import GuestEntry, KioskDevice, Ticket
    from lapor.models import LaporStatusPush
    from notifications.models import InboundMessageRecord, OutboundMessage
    from open311.models import Open311Client
    from standards.models import Agency, Service, Standard, Unit


# -- registry ----------------------------------------------------------------------------------


def agency_created(*, actor: Actor, agency: Agency) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=agency,
        action=AuditAction.AGENCY_CREATED,
        target=agency,
        data={"slug": agency.slug},
    )


def agency_updated(*, actor: Actor, agency: Agency, fields: Sequence[str]) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=agency,
        action=AuditAction.AGENCY_UPDATED,
        target=agency,
        data={"fields": sorted(fields)},
    )


def unit_created(*, actor: Actor, unit: Unit) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=unit.agency,
        action=AuditAction.UNIT_CREATED,
        target=unit,
        data={"slug": unit.slug},
    )


def unit_updated(*, actor: Actor, unit: Unit, fields: Sequence[str]) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=unit.agency,
        action=AuditAction.UNIT_UPDATED,
        target=unit,
        data={"fields": sorted(fields)},
    )


def unit_deleted(*, actor: Actor, unit: Unit) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=unit.agency,
        action=AuditAction.UNIT_DELETED,
        target=unit,
        data={"slug": unit.slug, "name": unit.name},
    )


def service_created(*, actor: Actor, service: Service) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=service.agency,
        action=AuditAction.SERVICE_CREATED,
        target=service,
        data={"slug": service.slug},
    )


def service_updated(*, actor: Actor, service: Service, fields: Sequence[str]) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=service.agency,
        action=AuditAction.SERVICE_UPDATED,
        target=service,
        data={"fields": sorted(fields)},
    )


# -- staff -------------------------------------------------------------------------------------


def staff_role_created(*, actor: Actor, role: StaffRole) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=role.agency,
        action=AuditAction.STAFF_ROLE_CREATED,
        target=role,
        data={"code": role.code},
    )


def staff_role_updated(*, actor: Actor, role: StaffRole, fields: Sequence[str]) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=role.agency,
        action=AuditAction.STAFF_ROLE_UPDATED,
        target=role,
        data={"code": role.code, "fields": sorted(fields)},
    )


def membership_granted(*, actor: Actor, membership: Membership, made_staff: bool) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=membership.role.agency,
        action=AuditAction.MEMBERSHIP_GRANTED,
        target=membership,
        data={"role": membership.role.code, "user": membership.user.get_username(), "made_staff": made_staff},
    )


def membership_revoked(*, actor: Actor, membership: Membership) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=membership.role.agency,
        action=AuditAction.MEMBERSHIP_REVOKED,
        target=membership,
        data={"role": membership.role.code, "user": membership.user.get_username()},
    )


# -- standards ---------------------------------------------------------------------------------


def standard_draft_created(*, actor: Actor, standard: Standard) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=standard.service.agency,
        action=AuditAction.STANDARD_DRAFT_CREATED,
        target=standard,
        data={"version": standard.version, "source": standard.source_name},
    )


def standard_draft_updated(*, actor: Actor, standard: Standard, fields: Sequence[str]) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=standard.service.agency,
        action=AuditAction.STANDARD_DRAFT_UPDATED,
        target=standard,
        data={"fields": list(fields)},
    )


def standard_published(
    *, actor: Actor, standard: Standard, superseded: Sequence[int], process: str = ""
) -> AuditEvent:
    """``process``: the digest of the process definition the procedure compiled into."""
    return audit_event_record(
        actor=actor,
        agency=standard.service.agency,
        action=AuditAction.STANDARD_PUBLISHED,
        target=standard,
        data={"version": standard.version, "superseded": list(superseded), "process": process},
    )


def standard_superseded(*, actor: Actor, standard: Standard, by_version: int) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=standard.service.agency,
        action=AuditAction.STANDARD_SUPERSEDED,
        target=standard,
        data={"by_version": by_version},
    )


# -- calendars ---------------------------------------------------------------------------------


def calendar_schedule_saved(
    *, actor: Actor, schedule: WeeklySchedule, created: bool, hours: Any, observes_non_working_days: bool
) -> AuditEvent:
    """``calendar.schedule_created`` the first time, ``calendar.schedule_changed`` after."""
    return audit_event_record(
        actor=actor,
        agency=schedule.agency,
        action=AuditAction.CALENDAR_SCHEDULE_CREATED if created else AuditAction.CALENDAR_SCHEDULE_CHANGED,
        target=schedule,
        data={
            "service": schedule.service.slug if schedule.service is not None else None,
            "hours": hours,
            "observes_non_working_days": observes_non_working_days,
        },
    )


def day_data(day: NonWorkingDay) -> dict[str, Any]:
    return {
        "date": day.date.isoformat(),
        "name": day.name,
        "kind": day.kind,
        "source_decree": day.source_decree,
        "national": day.agency_id is None,
    }


def calendar_day_added(*, actor: Actor, day: NonWorkingDay) -> AuditEvent:
    return audit_event_record(
        actor=actor, agency=day.agency, action=AuditAction.CALENDAR_DAY_ADDED, target=day, data=day_data(day)
    )


def calendar_day_changed(*, actor: Actor, day: NonWorkingDay, before: Mapping[str, Any]) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=day.agency,
        action=AuditAction.CALENDAR_DAY_CHANGED,
        target=day,
        data={"before": dict(before), "after": day_data(day)},
    )


def calendar_day_removed(*, actor: Actor, day: NonWorkingDay) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=day.agency,
        action=AuditAction.CALENDAR_DAY_REMOVED,
        target=day,
        data=day_data(day),
    )


# -- SLA clocks --------------------------------------------------------------------------------


def _clock_data(clock: SlaClock) -> dict[str, Any]:
    return {
        "state": clock.state,
        "phase": clock.phase,
        "due_at": clock.due_at.isoformat() if clock.due_at else None,
        "step": clock.step_id,
    }


def sla_started(
    *, actor: Actor, clock: SlaClock, allowance: Mapping[str, Any], at: dt.datetime
) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=clock.agency,
        action=AuditAction.SLA_STARTED,
        target=clock,
        data={**_clock_data(clock), "allowance": dict(allowance), "started_at": at.isoformat()},
    )


def sla_paused(*, actor: Actor, clock: SlaClock, at: dt.datetime, reason: str, pause_step: str) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=clock.agency,
        action=AuditAction.SLA_PAUSED,
        target=clock,
        data={**_clock_data(clock), "at": at.isoformat(), "reason": reason, "pause_step": pause_step},
    )


def sla_resumed(*, actor: Actor, clock: SlaClock, at: dt.datetime) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=clock.agency,
        action=AuditAction.SLA_RESUMED,
        target=clock,
        data={**_clock_data(clock), "at": at.isoformat()},
    )


def sla_stopped(*, actor: Actor, clock: SlaClock, at: dt.datetime) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=clock.agency,
        action=AuditAction.SLA_STOPPED,
        target=clock,
        data={**_clock_data(clock), "at": at.isoformat()},
    )


# The action recorded when a refresh moves a clock into each state.
SLA_STATE_ACTIONS: Mapping[ClockState, AuditAction] = {
    ClockState.ON_TRACK: AuditAction.SLA_ON_TRACK,
    ClockState.AT_RISK: AuditAction.SLA_AT_RISK,
    ClockState.BREACHED: AuditAction.SLA_BREACHED,
    ClockState.MET: AuditAction.SLA_MET,
    ClockState.PAUSED: AuditAction.SLA_PAUSED,
}


def sla_state_changed_build(*, clock: SlaClock, previous_state: str, at: dt.datetime) -> AuditEvent:
    """Unsaved: a refresh found the clock in a new state (actor: the system); the sweep records
    many of them at once with ``audit_events_record``."""
    return audit_event_build(
        actor=None,
        agency=clock.agency,
        action=SLA_STATE_ACTIONS[ClockState(clock.state)],
        target=clock,
        data={**_clock_data(clock), "previous_state": previous_state, "at": at.isoformat()},
    )


def sla_state_changed(*, clock: SlaClock, previous_state: str, at: dt.datetime) -> AuditEvent:
    """A refresh found the clock in a new state (actor: the system)."""
    event = sla_state_changed_build(clock=clock, previous_state=previous_state, at=at)
    event.save()
    return event


# -- login protection --------------------------------------------------------------------------


def login_locked_out(*, username: str, ip_address: str | None) -> AuditEvent:
    """Too many failed logins for this account or address; the attempt itself is anonymous."""
    return audit_event_record(
        actor=None,
        agency=None,
        action=AuditAction.LOGIN_LOCKED_OUT,
        data={"username": username, "ip_address": ip_address},
    )


def login_unlocked(
    *, actor: Actor, username: str | None, ip_address: str | None, attempts: int
) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=None,
        action=AuditAction.LOGIN_UNLOCKED,
        data={"username": username, "ip_address": ip_address, "attempts": attempts},
    )


# -- API tokens --------------------------------------------------------------------------------


def api_token_created(*, actor: Actor, token: ApiToken) -> AuditEvent:
    return audit_event_record(
        actor=actor, agency=None, action=AuditAction.API_TOKEN_CREATED, target=token,
        data={"prefix": token.prefix, "user": token.user.get_username()},
    )  # fmt: skip


def api_token_revoked(*, actor: Actor, token: ApiToken) -> AuditEvent:
    return audit_event_record(
        actor=actor, agency=None, action=AuditAction.API_TOKEN_REVOKED, target=token,
        data={"prefix": token.prefix, "user": token.user.get_username()},
    )  # fmt: skip


# -- cases -------------------------------------------------------------------------------------


def case_created(*, actor: Actor, case: Case) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=case.agency,
        action=AuditAction.CASE_CREATED,
        target=case,
        data={
            "number": case.number,
            "track": case.track,
            "channel": case.channel,
            "standard": case.standard.version,
        },
    )


def case_action_taken(
    *, actor: Actor, case: Case, action: str, from_step: str, stand_in: str = ""
) -> AuditEvent:
    data: dict[str, Any] = {
        "action": action,
        "from": from_step,
        "to": case.step,
        "status": case.status,
        "version": case.version,
    }
    if stand_in:
        # A step another role holds, taken by a service for a listed reason (cases.services.StandIn).
        data["stand_in"] = stand_in
    return audit_event_record(
        actor=actor, agency=case.agency, action=AuditAction.CASE_ACTION_TAKEN, target=case, data=data
    )


def case_file_added(*, actor: Actor, case: Case, file: CaseFile) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=case.agency,
        action=AuditAction.CASE_FILE_ADDED,
        target=case,
        data={"requirement": file.requirement, "file": file.pk, "sha256": file.sha256},
    )


def case_pin_locked(*, case: Case, until: dt.datetime) -> AuditEvent:
    """Five wrong PINs for one tracking number; the lookups are anonymous."""
    return audit_event_record(
        actor=None,
        agency=case.agency,
        action=AuditAction.CASE_PIN_LOCKED,
        target=case,
        data={"until": until.isoformat()},
    )


def sla_allowance_changed(
    *, actor: Actor, clock: SlaClock, before: Mapping[str, Any], allowance: Mapping[str, Any]
) -> AuditEvent:
    """The clock's allowance changed (a complaint re-tiered); due moment recomputed from its start."""
    return audit_event_record(
        actor=actor,
        agency=clock.agency,
        action=AuditAction.SLA_ALLOWANCE_CHANGED,
        target=clock,
        data={**_clock_data(clock), "before": dict(before), "allowance": dict(allowance)},
    )


# -- complaints --------------------------------------------------------------------------------
# Complaint events never carry the complainant's identity: the audit trail is read by admins who
# may not see who an anonymous or confidential complaint came from.


def complaint_created(*, actor: Actor, complaint: Any) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=complaint.agency,
        action=AuditAction.COMPLAINT_CREATED,
        target=complaint,
        data={
            "case": complaint.case.number,
            "kind": complaint.kind,
            "channel": complaint.channel,
            "register": complaint.register_label,
            "anonymous": complaint.anonymous,
            "confidential": complaint.confidential,
        },
    )


def complaint_tier_set(
    *, actor: Actor, complaint: Any, before: str, target: int | None, due_at: dt.datetime | None
) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=complaint.agency,
        action=AuditAction.COMPLAINT_TIER_SET,
        target=complaint,
        data={
            "tier": complaint.tier,
            "before": before,
            "target": target,
            "due_at": due_at.isoformat() if due_at else None,
        },
    )


def complaint_note_added(*, actor: Actor, complaint: Any, note: Any) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=complaint.agency,
        action=AuditAction.COMPLAINT_NOTE_ADDED,
        target=complaint,
        data={"note": note.pk},
    )


def complaint_answer_drafted(*, actor: Actor, complaint: Any) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=complaint.agency,
        action=AuditAction.COMPLAINT_ANSWER_DRAFTED,
        target=complaint,
        data={"length": len(complaint.answer)},
    )


def complaint_answer_sent(*, actor: Actor, complaint: Any, via: str, message: Any = None) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=complaint.agency,
        action=AuditAction.COMPLAINT_ANSWER_SENT,
        target=complaint,
        data={"via": via, "message": getattr(message, "pk", None)},
    )


def complaint_reply_received(*, complaint: Any, source_ref: str) -> AuditEvent:
    return audit_event_record(
        actor=None,
        agency=complaint.agency,
        action=AuditAction.COMPLAINT_REPLY_RECEIVED,
        target=complaint,
        data={"source_ref": source_ref[:200]},
    )


def complaint_escalated(*, complaint: Any, state: str, roles: Sequence[str]) -> AuditEvent:
    return audit_event_record(
        actor=None,
        agency=complaint.agency,
        action=AuditAction.COMPLAINT_ESCALATED,
        target=complaint,
        data={"state": state, "roles": list(roles)},
    )


def complaint_evaluated(*, actor: Actor, complaint: Any) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=complaint.agency,
        action=AuditAction.COMPLAINT_EVALUATED,
        target=complaint,
        data={"length": len(complaint.evaluation)},
    )


def complaint_rated(*, complaint: Any) -> AuditEvent:
    """Rated from the tracking page: the citizen holding the PIN, no user."""
    return audit_event_record(
        actor=None,
        agency=complaint.agency,
        action=AuditAction.COMPLAINT_RATED,
        target=complaint,
        data={"rating": complaint.rating},
    )


def complaint_box_opened(*, actor: Actor, opening: Any) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=opening.agency,
        action=AuditAction.COMPLAINT_BOX_OPENED,
        target=opening,
        data={"opened_at": opening.opened_at.isoformat(), "slips": opening.slips},
    )


def complaint_recap_delivered(*, actor: Actor, recap: Any) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=recap.agency,
        action=AuditAction.COMPLAINT_RECAP_DELIVERED,
        target=recap,
        data={"period": recap.period, "start": recap.start.isoformat(), "roles": list(recap.roles)},
    )


# -- notifications -----------------------------------------------------------------------------


def _message_data(message: OutboundMessage) -> dict[str, Any]:
    return {
        "channel": message.channel,
        # Masked: a complainant's address must not sit in the trail (anonymous ones above all).
        "to": address_masked(message.to),
        "case": message.case_id,
        "attempts": message.attempts,
        "status": message.status,
    }


def _scrubbed(error: str, address: str) -> str:
    # A provider's or an adapter's error often repeats the address ("recipient refused: …").
    if not address.strip():
        return error
    return error.replace(address, address_masked(address)).replace(address.lower(), address_masked(address))


def message_queued(*, actor: Actor, message: OutboundMessage) -> AuditEvent:
    return audit_event_record(
        actor=actor, agency=message.agency, action=AuditAction.MESSAGE_QUEUED, target=message,
        data=_message_data(message),
    )  # fmt: skip


def message_sent(*, message: OutboundMessage) -> AuditEvent:
    return audit_event_record(
        actor=None, agency=message.agency, action=AuditAction.MESSAGE_SENT, target=message,
        data={**_message_data(message), "provider": message.provider,
              "provider_message_id": message.provider_message_id, "sent_as": message.sent_as},
    )  # fmt: skip


def message_delivered(*, message: OutboundMessage, provider_status: str) -> AuditEvent:
    return audit_event_record(
        actor=None, agency=message.agency, action=AuditAction.MESSAGE_DELIVERED, target=message,
        data={**_message_data(message), "provider_status": provider_status},
    )  # fmt: skip


def message_attempt_failed(*, message: OutboundMessage, error: str) -> AuditEvent:
    """An attempt failed and another is due at ``next_attempt_at``."""
    return audit_event_record(
        actor=None, agency=message.agency, action=AuditAction.MESSAGE_ATTEMPT_FAILED, target=message,
        data={**_message_data(message), "error": _scrubbed(error, message.to)[:500],
              "next_attempt_at": message.next_attempt_at.isoformat() if message.next_attempt_at else None},
    )  # fmt: skip


def message_failed(*, message: OutboundMessage, error: str) -> AuditEvent:
    return audit_event_record(
        actor=None, agency=message.agency, action=AuditAction.MESSAGE_FAILED, target=message,
        data={**_message_data(message), "error": _scrubbed(error, message.to)[:500]},
    )  # fmt: skip


def inbound_received(*, record: InboundMessageRecord) -> AuditEvent:
    """A message arrived and was stored (a repeated delivery records nothing). The agency is the
    handler's business; the trail keeps the provider's id and what became of it."""
    return audit_event_record(
        actor=None, agency=None, action=AuditAction.INBOUND_RECEIVED, target=record,
        data={"channel": record.channel, "provider": record.provider,
              "provider_message_id": record.provider_message_id, "status": record.status,
              "reference": record.reference},
    )  # fmt: skip


# -- Open311 -----------------------------------------------------------------------------------


def open311_client_created(*, actor: Actor, client: Open311Client) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=None,
        action=AuditAction.OPEN311_CLIENT_CREATED,
        target=client,
        data={"name": client.name, "prefix": client.prefix},
    )


def open311_client_revoked(*, actor: Actor, client: Open311Client) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=None,
        action=AuditAction.OPEN311_CLIENT_REVOKED,
        target=client,
        data={"name": client.name, "prefix": client.prefix},
    )


def _lapor_status(action: AuditAction, complaint: Complaint, push: LaporStatusPush) -> AuditEvent:
    return audit_event_record(
        actor=None,
        agency=complaint.agency,
        action=action,
        target=push,
        data={
            "lapor_id": push.lapor_id,
            "status": push.status,
            "attempts": push.attempts,
            "error": push.last_error,
        },
    )


def lapor_status_queued(*, complaint: Complaint, push: LaporStatusPush) -> AuditEvent:
    return _lapor_status(AuditAction.LAPOR_STATUS_QUEUED, complaint, push)


def lapor_status_sent(*, complaint: Complaint, push: LaporStatusPush) -> AuditEvent:
    return _lapor_status(AuditAction.LAPOR_STATUS_SENT, complaint, push)


def lapor_status_failed(*, complaint: Complaint, push: LaporStatusPush) -> AuditEvent:
    return _lapor_status(AuditAction.LAPOR_STATUS_FAILED, complaint, push)


# -- front office (frontdesk/) -----------------------------------------------------------------


def frontdesk_settings_changed(
    *, actor: Actor, agency: Agency, what: str, data: Mapping[str, Any]
) -> AuditEvent:
    """Desks, queue lines or the check-in checklist of an agency changed (``what`` says which)."""
    return audit_event_record(
        actor=actor,
        agency=agency,
        action=AuditAction.FRONTDESK_SETTINGS_CHANGED,
        target=agency,
        data={"what": what, **data},
    )


def kiosk_device_created(*, actor: Actor, device: KioskDevice) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=device.agency,
        action=AuditAction.KIOSK_DEVICE_CREATED,
        target=device,
        data={"name": device.name, "acts_as": device.acts_as_id},
    )


def kiosk_device_activated(*, device: KioskDevice) -> AuditEvent:
    """Done on the tablet itself, with the one-time code: no signed-in actor."""
    return audit_event_record(
        actor=None,
        agency=device.agency,
        action=AuditAction.KIOSK_DEVICE_ACTIVATED,
        target=device,
        data={"name": device.name},
    )


def kiosk_device_revoked(*, actor: Actor, device: KioskDevice) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=device.agency,
        action=AuditAction.KIOSK_DEVICE_REVOKED,
        target=device,
        data={"name": device.name},
    )


def guest_entry_recorded(*, actor: Actor, entry: GuestEntry) -> AuditEvent:
    # No name or contact in the audit log: the guest book itself holds them.
    return audit_event_record(
        actor=actor,
        agency=entry.agency,
        action=AuditAction.GUEST_ENTRY_RECORDED,
        target=entry,
        data={
            "source": entry.source,
            "device": entry.device_id,
            "case": entry.case.number if entry.case else None,
            "photo": bool(entry.id_photo),
        },
    )


_TICKET_ACTIONS = {
    "issued": AuditAction.TICKET_ISSUED,
    "called": AuditAction.TICKET_CALLED,
    "recalled": AuditAction.TICKET_RECALLED,
    "served": AuditAction.TICKET_SERVED,
    "finished": AuditAction.TICKET_FINISHED,
    "no_show": AuditAction.TICKET_NO_SHOW,
}


def _ticket_event(actor: Actor, ticket: Ticket, what: str) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=ticket.agency,
        action=_TICKET_ACTIONS[what],
        target=ticket,
        data={
            "number": ticket.number,
            "day": ticket.day.isoformat(),
            "status": ticket.status,
            "counter": ticket.counter.number if ticket.counter else None,
        },
    )


def ticket_issued(*, actor: Actor, ticket: Ticket) -> AuditEvent:
    return _ticket_event(actor, ticket, "issued")


def ticket_called(*, actor: Actor, ticket: Ticket) -> AuditEvent:
    return _ticket_event(actor, ticket, "called")


def ticket_recalled(*, actor: Actor, ticket: Ticket) -> AuditEvent:
    return _ticket_event(actor, ticket, "recalled")


def ticket_served(*, actor: Actor, ticket: Ticket) -> AuditEvent:
    return _ticket_event(actor, ticket, "served")


def ticket_finished(*, actor: Actor, ticket: Ticket) -> AuditEvent:
    return _ticket_event(actor, ticket, "finished")


def ticket_no_show(*, actor: Actor, ticket: Ticket) -> AuditEvent:
    return _ticket_event(actor, ticket, "no_show")


def visitor_checked_in(*, actor: Actor, entry: GuestEntry, appointment_ref: str) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=entry.agency,
        action=AuditAction.VISITOR_CHECKED_IN,
        target=entry,
        data={"appointment": appointment_ref, "checklist": len(entry.checklist)},
    )


# -- consultations (consultations/) ---------------------------------------------------------------


def _consultation_event(actor: Actor, request: Any, action: AuditAction, data: dict[str, Any]) -> AuditEvent:
    return audit_event_record(
        actor=actor,
        agency=request.agency,
        action=action,
        target=request,
        data={"case": request.case.number, "state": request.state, **data},
    )


def consultation_requested(*, actor: Actor, request: Any) -> AuditEvent:
    return _consultation_event(
        actor, request, AuditAction.CONSULTATION_REQUESTED, {"channel": request.case.channel}
    )


def consultation_disposed(*, actor: Actor, request: Any, disposition: Any) -> AuditEvent:
    return _consultation_event(
        actor,
        request,
        AuditAction.CONSULTATION_DISPOSED,
        {"officer": disposition.officer_id, "unit": disposition.unit_id},
    )


def consultation_decided(*, actor: Actor, request: Any) -> AuditEvent:
    return _consultation_event(actor, request, AuditAction.CONSULTATION_DECIDED, {"mode": request.mode})


def consultation_booked(*, actor: Actor, request: Any, booking: Any) -> AuditEvent:
    return _consultation_event(
        actor,
        request,
        AuditAction.CONSULTATION_BOOKED,
        {"booking": booking.pk, "starts_at": booking.starts_at.isoformat(), "room": booking.room_id},
    )


def consultation_confirmed(*, actor: Actor, request: Any, booking: Any) -> AuditEvent:
    return _consultation_event(actor, request, AuditAction.CONSULTATION_CONFIRMED, {"booking": booking.pk})


def consultation_reschedule_asked(*, actor: Actor, request: Any, booking: Any) -> AuditEvent:
    return _consultation_event(
        actor, request, AuditAction.CONSULTATION_RESCHEDULE_ASKED, {"booking": booking.pk}
    )


def consultation_checked_in(*, actor: Actor, request: Any, booking: Any) -> AuditEvent:
    return _consultation_event(actor, request, AuditAction.CONSULTATION_CHECKED_IN, {"booking": booking.pk})


def consultation_closed(*, actor: Actor, request: Any) -> AuditEvent:
    return _consultation_event(actor, request, AuditAction.CONSULTATION_CLOSED, {})
