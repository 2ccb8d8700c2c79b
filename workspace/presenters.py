"""Turn cases, clocks and events into what the workspace pages show: words, local times, links.

Display only: nothing here decides what an officer may do; that is the case engine's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import dateformat
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cases.models import Case, CaseEvent, CaseEventKind, CaseFile, CaseStatus, Channel
from cases.selectors import ActionView, ChecklistItem, ClockView, Urgency
from pelayan.lib.process import CompiledStep, Process
from standards.models import TimeZone

STEP_WORDS = 14
# The zone's short name as Indonesians write it after a time: "09.15 WIB".
_ZONE_ABBREVIATIONS = {TimeZone.WIB.value: "WIB", TimeZone.WITA.value: "WITA", TimeZone.WIT.value: "WIT"}


# -- time --------------------------------------------------------------------------------------


def zone_of(agency: Any) -> ZoneInfo:
    return ZoneInfo(agency.timezone)


def local_time(moment: datetime | None, agency: Any) -> str:
    """'4 Nov 2026, 09.15 WIB': in the agency's own zone, whatever the server's."""
    if moment is None:
        return ""
    local = moment.astimezone(zone_of(agency))
    abbreviation = _ZONE_ABBREVIATIONS.get(agency.timezone, agency.timezone)
    return f"{dateformat.format(local, 'j M Y, H.i')} {abbreviation}"


def local_input_value(moment: datetime, agency: Any) -> str:
    """The value of a datetime-local input, in the agency's zone."""
    return moment.astimezone(zone_of(agency)).strftime("%Y-%m-%dT%H:%M")


def working_time_words(amount: timedelta, working_day: timedelta | None = None) -> str:
    """'13 menit', '1 jam 5 menit', '2 hari kerja 3 jam'. Whole working days are named only for a
    clock counted in working days (``working_day`` is then the office time of one such day)."""
    seconds = int(abs(amount).total_seconds())
    minutes_total = seconds // 60
    parts: list[str] = []
    if working_day and working_day.total_seconds() >= 60:
        day_minutes = int(working_day.total_seconds()) // 60
        days, minutes_total = divmod(minutes_total, day_minutes)
        if days:
            parts.append(ngettext("%(count)s hari kerja", "%(count)s hari kerja", days) % {"count": days})
    hours, minutes = divmod(minutes_total, 60)
    if hours:
        parts.append(ngettext("%(count)s jam", "%(count)s jam", hours) % {"count": hours})
    if minutes or not parts:
        parts.append(ngettext("%(count)s menit", "%(count)s menit", minutes) % {"count": minutes})
    return " ".join(parts)


# -- steps and urgency -------------------------------------------------------------------------


def step_words(step: CompiledStep | None) -> str:
    """'2. Operator Kecamatan menerima berkas …': the step's number in its track and its text, cut."""
    if step is None:
        return ""
    return f"{step.number}. {Truncator(step.text).words(STEP_WORDS, truncate=' …')}"


@dataclass(frozen=True)
class UrgencyView:
    code: str
    label: str


def urgency_view(code: str) -> UrgencyView:
    labels = {
        Urgency.ON_TRACK: _("Sesuai jadwal"),
        Urgency.AT_RISK: _("Hampir jatuh tempo"),
        Urgency.BREACHED: _("Lewat batas waktu"),
        Urgency.PAUSED: _("Menunggu kelengkapan"),
    }
    return UrgencyView(code, labels.get(code, code))


# -- inbox -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InboxRow:
    case: Case
    number: str
    service: str
    applicant: str
    step: str
    unit: str
    received: str
    due: str
    urgency: UrgencyView


def inbox_rows(cases: Iterable[Case], *, now: datetime, urgency_of: Any) -> list[InboxRow]:
    rows = []
    compiled: dict[int, Process] = {}  # one compile per process, not per case
    for case in cases:
        process = compiled.setdefault(case.process_id, case.process.compiled())
        rows.append(
            InboxRow(
                case=case,
                number=case.display_number,
                service=case.service.name,
                applicant=case.applicant_name,
                step=step_words(process.steps.get(case.step)),
                unit=case.unit.name if case.unit else "",
                received=local_time(case.received_at, case.agency),
                due=local_time(case.due_at, case.agency),
                urgency=urgency_view(urgency_of(case, now)),
            )
        )
    return rows


# -- case page ---------------------------------------------------------------------------------


def requirement_texts(case_or_standard: Any) -> dict[str, str]:
    standard = getattr(case_or_standard, "standard", case_or_standard)
    return {r.key or "": r.text for r in standard.parsed_components().requirements}


def track_title(process: Process, key: str) -> str:
    return next((t.title for t in process.tracks if t.key == key), key)


def status_words(case: Case) -> str:
    return str(CaseStatus(case.status).label)


def channel_words(value: str) -> str:
    return str(Channel(value).label) if value in Channel.values else value


@dataclass(frozen=True)
class ClockRow:
    label: str
    allowance: str
    state: str
    state_code: str
    elapsed: str
    remaining: str
    overdue: bool
    due: str
    stopped: bool  # the step is done: what was used is what counts, not what would be left


def clock_state_words(code: str) -> str:
    return {
        "on_track": _("Berjalan, sesuai jadwal"),
        "at_risk": _("Berjalan, hampir jatuh tempo"),
        "breached": _("Lewat batas waktu"),
        "paused": _("Dihentikan sementara (menunggu kelengkapan)"),
        "met": _("Selesai tepat waktu"),
    }.get(code, code)


def clock_rows(clocks: Sequence[ClockView], agency: Any) -> list[ClockRow]:
    return [
        ClockRow(
            label=c.label,
            allowance=c.allowance,
            state=clock_state_words(c.state),
            state_code=c.state,
            elapsed=working_time_words(c.elapsed, c.working_day),
            remaining=working_time_words(c.remaining, c.working_day),
            overdue=c.remaining < timedelta(0),
            due=local_time(c.due_at, agency),
            stopped=c.phase == "stopped",
        )
        for c in clocks
    ]


@dataclass(frozen=True)
class FileLink:
    pk: int
    name: str
    available: bool


@dataclass(frozen=True)
class TimelineEntry:
    at: str
    actor: str
    what: str
    action: str
    from_step: str
    to_step: str
    note: str
    missing: list[str]
    files: list[FileLink]


def _event_words(event: CaseEvent, requirements: dict[str, str]) -> str:
    if event.kind == CaseEventKind.FILE_ADDED:
        requirement = requirements.get(event.data.get("requirement", ""), event.data.get("requirement", ""))
        return _("Berkas diunggah untuk: %(requirement)s") % {"requirement": requirement}
    if event.kind == CaseEventKind.ENDED:
        status = event.data.get("status", "")
        return _("Permohonan berakhir: %(status)s") % {
            "status": CaseStatus(status).label if status in CaseStatus.values else status
        }
    return str(CaseEventKind(event.kind).label)


def timeline_entries(
    events: Sequence[CaseEvent], case: Case, requirements: dict[str, str], files: Iterable[CaseFile]
) -> list[TimelineEntry]:
    process = case.compiled()
    known = {f.pk: f for f in files}
    entries = []
    for event in events:
        left = process.steps.get(event.from_step)
        transition = left.transition(event.transition) if left and event.transition else None
        entries.append(
            TimelineEntry(
                at=local_time(event.at, case.agency),
                actor=event.actor_label,
                what=_event_words(event, requirements),
                action=transition.label if transition else "",
                from_step=step_words(left),
                to_step=step_words(process.steps.get(event.to_step)),
                note=event.note,
                missing=[requirements.get(key, key) for key in event.missing],
                files=[
                    FileLink(pk, known[pk].name if pk in known else event.data.get("name", ""), pk in known)
                    for pk in event.files
                ],
            )
        )
    return entries


@dataclass(frozen=True)
class ChecklistRow:
    key: str
    text: str
    file: CaseFile | None
    state: str  # "given", "absent", "missing" (asked for on return), "resupplied" (given since)


def checklist_rows(items: Sequence[ChecklistItem], case: Case) -> list[ChecklistRow]:
    """A requirement asked for on return whose newest file came after the return is given again,
    though it stays on the case's missing list until the case is resubmitted."""
    rows = []
    for item in items:
        if item.missing:
            fresh = item.file is not None and item.file.uploaded_at >= case.step_entered_at
            state = "resupplied" if fresh else "missing"
        else:
            state = "given" if item.file is not None else "absent"
        rows.append(ChecklistRow(item.key, item.text, item.file, state))
    return rows


def return_note(events: Sequence[CaseEvent]) -> str:
    """The note of the latest return, shown beside what is missing."""
    returned = [e for e in events if e.kind == CaseEventKind.RETURNED]
    return returned[-1].note if returned else ""


@dataclass(frozen=True)
class UnitChoice:
    slug: str
    name: str


@dataclass(frozen=True)
class OfficerChoice:
    pk: int
    name: str


@dataclass
class ActionForm:
    """One action of the open step, with what its form asks for."""

    action: ActionView
    units: list[UnitChoice] = field(default_factory=list)
    officers: list[OfficerChoice] = field(default_factory=list)
    target_step: str = ""


def officer_name(user: Any) -> str:
    return user.get_full_name() or user.get_username()


@dataclass(frozen=True)
class OutboundRow:
    channel: str
    to: str
    status: str
    status_code: str
    attempts: int
    last_error: str
    at: str


def outbound_rows(messages: Iterable[Any], agency: Any) -> list[OutboundRow]:
    """The case's messages to the citizen with their delivery state, for its timeline."""
    return [
        OutboundRow(
            channel=m.get_channel_display(),
            to=m.to,
            status=m.get_status_display(),
            status_code=m.status,
            attempts=m.attempts,
            last_error=m.last_error,
            at=local_time(m.delivered_at or m.sent_at or m.failed_at or m.created_at, agency),
        )
        for m in messages
    ]


# -- the standard editor's flow diagram ------------------------------------------------------------


def procedure_diagram(procedure: Any, *, title: str) -> str:
    """The procedure as written in the draft (steps in their order, every transition an arrow),
    as inline SVG. A draft need not compile yet, so this draws what is there, not a Process."""
    from django.utils.safestring import mark_safe

    from pelayan.lib.flowchart import FlowTransition, ProcessStep, process_to_graph, render_svg
    from public.presenters import END_NODES, PERFORMER_LABELS

    drawn = [
        ProcessStep(
            id=step.id,
            label=f"{number}. {step.text}",
            caption=step.actor or (str(PERFORMER_LABELS.get(step.performer, "")) if step.performer else None),
            transitions=tuple(
                FlowTransition(
                    label=t.condition or (t.label if len(step.transitions) > 1 else None),
                    to=t.to,
                    end=str(END_NODES[t.end]) if t.end else None,
                )
                for t in step.transitions
            ),
        )
        for number, step in enumerate(procedure.steps, start=1)
    ]
    if not drawn:
        return ""
    nodes, edges = process_to_graph(drawn)
    return mark_safe(render_svg(nodes, edges, title=title, id_prefix="editor-flow"))  # noqa: S308 - render_svg escapes all text


def local_clock(moment: datetime | None, agency: Any) -> str:
    """'14:05 WIB': the hour and minute in the agency's zone (the editor's "Tersimpan" status)."""
    if moment is None:
        return ""
    local = moment.astimezone(zone_of(agency))
    return f"{local:%H:%M} {_ZONE_ABBREVIATIONS.get(agency.timezone, agency.timezone)}"
