"""Writes for SP4N-LAPOR!: reports taken in as complaints, LAPOR!'s time rules, statuses sent back.

A report from LAPOR! keeps its LAPOR! tracking ID (``Complaint.lapor_id``) and, besides the
clocks of the agency's own complaint procedure, runs LAPOR!'s two: verification within 3 working
days of receipt, then follow-up within 5 working days of verification. Each of the two moments is
reported back to LAPOR! through the adapter (``lapor.adapters``), queued with the change and
delivered after commit, retried with backoff.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from audit import events
from calendars.models import SlaClock, SlaPhase
from calendars.services import sla_clock_start, sla_clock_stop
from cases.models import Channel
from cases.services import CASE_TARGET, CaseError
from complaints.models import Complaint, ComplaintKind
from complaints.services import complaint_create
from lapor.adapters import LaporError, StatusUpdate, adapter_get
from lapor.models import LaporStatusPush, PushState
from pelayan.lib import lapor as rules
from standards.models import Agency

logger = logging.getLogger("pelayan.lapor")

VERIFY_CLOCK = "lapor-verifikasi"
FOLLOW_UP_CLOCK = "lapor-tindak-lanjut"
PUSH_ATTEMPTS_MAX = 8
PUSH_BACKOFF_FIRST = timedelta(minutes=1)
PUSH_BACKOFF_MAX = timedelta(hours=6)


@dataclass
class ImportResult:
    created: list[Complaint] = field(default_factory=list)
    already: list[Complaint] = field(default_factory=list)
    errors: list[rules.ReportError] = field(default_factory=list)


def _clock(complaint: Complaint, step_id: str) -> SlaClock | None:
    return SlaClock.objects.filter(
        target_type=CASE_TARGET, target_id=str(complaint.case_id), step_id=step_id
    ).first()


def lapor_reports_import(
    *, agency: Agency, data: bytes, actor: Any | None = None, now: datetime | None = None
) -> ImportResult:
    """Take in the reports of a handed-over LAPOR! file. Each report is its own transaction, so a
    bad report costs only itself; a report already taken in (same tracking ID) is left as it is."""
    reports, errors = rules.reports_parse(data)
    result = ImportResult(errors=list(errors))
    for position, report in enumerate(reports, start=1):
        source_ref = f"lapor:{report.tracking_id}"
        existing = Complaint.objects.filter(
            agency=agency, channel=Channel.LAPOR, source_ref=source_ref
        ).first()
        if existing is not None:
            result.already.append(existing)
            continue
        try:
            result.created.append(_report_take(agency=agency, report=report, actor=actor, now=now))
        except CaseError as error:
            for name, said in (error.field_messages() or {"report": error.message}).items():
                result.errors.append(rules.ReportError(position, report.tracking_id, name, said))
    return result


@transaction.atomic
def _report_take(
    *, agency: Agency, report: rules.LaporReport, actor: Any | None, now: datetime | None
) -> Complaint:
    complaint = complaint_create(
        agency=agency,
        kind=ComplaintKind.COMPLAINT,
        channel=Channel.LAPOR,
        content=report.text[:5000],
        name=report.name,
        email=report.email,
        phone=report.phone,
        anonymous=report.anonymous,
        confidential=report.confidential,
        received_at=report.created_at,
        created_by=actor,
        source_ref=f"lapor:{report.tracking_id}",
        lapor_id=report.tracking_id,
        now=now,
    )
    sla_clock_start(
        actor=actor,
        agency=agency,
        service=complaint.case.service,
        target_type=CASE_TARGET,
        target_id=str(complaint.case_id),
        step_id=VERIFY_CLOCK,
        allowance=rules.VERIFY_WITHIN,
        at=complaint.received_at,
        now=now,
    )
    return complaint


def lapor_verified(*, complaint: Complaint, actor: Any, at: datetime | None = None) -> None:
    """The agency verified the report (its triage): the verification clock stops, the follow-up
    clock starts, and LAPOR! is told. Called by the complaint services, inside their transaction;
    only the first verification counts."""
    if not complaint.lapor_id:
        return
    at = at or timezone.now()
    verify = _clock(complaint, VERIFY_CLOCK)
    if verify is None or verify.phase == SlaPhase.STOPPED:
        return
    sla_clock_stop(actor=actor, clock=verify, at=at, now=at)
    sla_clock_start(
        actor=actor,
        agency=complaint.agency,
        service=complaint.case.service,
        target_type=CASE_TARGET,
        target_id=str(complaint.case_id),
        step_id=FOLLOW_UP_CLOCK,
        allowance=rules.FOLLOW_UP_WITHIN,
        at=at,
        now=at,
    )
    lapor_status_queue(complaint=complaint, status=rules.STATUS_VERIFIED, note="Laporan diverifikasi.", at=at)


def lapor_answered(*, complaint: Complaint, actor: Any, answer: str, at: datetime | None = None) -> None:
    """The answer went out: the LAPOR! clocks stop and LAPOR! receives the answer as its follow-up."""
    if not complaint.lapor_id:
        return
    at = at or timezone.now()
    for step_id in (VERIFY_CLOCK, FOLLOW_UP_CLOCK):
        clock = _clock(complaint, step_id)
        if clock is not None and clock.phase != SlaPhase.STOPPED:
            sla_clock_stop(actor=actor, clock=clock, at=at, now=at)
    lapor_status_queue(complaint=complaint, status=rules.STATUS_DONE, note=answer, at=at)


def lapor_status_queue(
    *, complaint: Complaint, status: str, note: str, at: datetime
) -> LaporStatusPush | None:
    """Queue one status for LAPOR! in the caller's transaction; sent once it commits."""
    if status not in rules.STATUSES:
        raise ValueError(f"unknown LAPOR! status {status!r}")
    if LaporStatusPush.objects.filter(complaint=complaint, status=status).exists():
        return None
    push = LaporStatusPush.objects.create(
        complaint=complaint,
        lapor_id=complaint.lapor_id,
        status=status,
        note=note[:5000],
        at=at,
        next_attempt_at=at,
    )
    events.lapor_status_queued(complaint=complaint, push=push)
    from lapor.tasks import lapor_push_deliver

    transaction.on_commit(lambda: lapor_push_deliver.enqueue(push.pk))
    return push


def _backoff(attempts: int) -> timedelta:
    return min(PUSH_BACKOFF_FIRST * (2 ** max(attempts - 1, 0)), PUSH_BACKOFF_MAX)


@transaction.atomic
def lapor_push_deliver(*, push_id: int, now: datetime | None = None) -> LaporStatusPush | None:
    """One delivery attempt of a queued status (locked, so two workers never send it twice)."""
    now = now or timezone.now()
    push = (
        LaporStatusPush.objects.select_for_update()
        .select_related("complaint__case", "complaint__agency")
        .filter(pk=push_id, state=PushState.QUEUED)
        .first()
    )
    if push is None:
        return None
    update = StatusUpdate(
        lapor_id=push.lapor_id,
        status=push.status,
        note=push.note,
        at=push.at,
        reference=push.complaint.case.display_number,
    )
    push.attempts += 1
    try:
        push.remote_ref = adapter_get().status_push(update)[:200]
    except LaporError as exc:
        push.last_error = str(exc)[:500]
        if push.attempts >= PUSH_ATTEMPTS_MAX:
            push.state = PushState.FAILED
            push.next_attempt_at = None
            events.lapor_status_failed(complaint=push.complaint, push=push)
        else:
            push.next_attempt_at = now + _backoff(push.attempts)
        logger.warning("LAPOR! status %s of %s not delivered: %s", push.status, push.lapor_id, exc)
    else:
        push.state = PushState.SENT
        push.sent_at = now
        push.next_attempt_at = None
        push.last_error = ""
        events.lapor_status_sent(complaint=push.complaint, push=push)
    push.save()
    return push


def lapor_pushes_retry(*, now: datetime | None = None, limit: int = 200) -> int:
    """Deliver every queued status whose next attempt is due (after a failure or a crash)."""
    now = now or timezone.now()
    due = list(
        LaporStatusPush.objects.filter(state=PushState.QUEUED, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
    for push_id in due:
        lapor_push_deliver(push_id=push_id, now=now)
    return len(due)
