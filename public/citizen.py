"""Display helpers for the citizen's pages: applying online and tracking a permohonan.

Like public.presenters: no queries and no rules of the case engine, only values already loaded
turned into what the citizen reads. The tracking view leaves out everything personal (name,
phone, address, files, officers' names): holding the number and PIN is all it asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import formats
from django.utils.translation import gettext as _

from cases.models import Case, CaseStatus
from cases.selectors import applicant_actions
from cases.services import public_tracks
from pelayan.lib import tracking
from pelayan.lib.process import CompiledTrack, Process
from pelayan.lib.standard_schema import Components, Performer, Requirement, TransitionKind
from public.presenters import standard_process
from standards.models import Standard

# How Indonesians name their three time zones on letters and signs.
ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


def display_number(number: str) -> str:
    return tracking.display(number)


def moment_words(moment: datetime, zone: str) -> str:
    """'Senin, 9 November 2026 pukul 10.30 WIB': the moment in the agency's own time zone."""
    local = moment.astimezone(ZoneInfo(zone))
    return _("%(date)s pukul %(time)s %(zone)s") % {
        "date": formats.date_format(local, "l, j F Y"),
        "time": local.strftime("%H.%M"),
        "zone": ZONE_NAMES.get(zone, zone),
    }


# --- applying ---------------------------------------------------------------------------------


def online_tracks(standard: Standard) -> list[CompiledTrack]:
    """The tracks of the published standard a citizen may enter from the website."""
    process = standard_process(standard)
    return public_tracks(process) if process is not None else []


def submission_requirements(
    process: Process, components: Components, track: CompiledTrack
) -> list[Requirement]:
    """The requirements the applicant hands in when submitting on ``track``: those the entry step
    checks, and those of the applicant's own steps that the submission completes with it (the
    same steps ``case_create`` takes), in the standard's order."""
    keys: list[str] = []
    step = process.steps[track.entry]
    seen: set[str] = set()
    while step.id not in seen:
        seen.add(step.id)
        keys += [key for key in step.requires if key not in keys]
        following = process.steps.get(step.transitions[0].to or "") if step.transitions else None
        if following is None or following.performer != Performer.APPLICANT:
            break
        if len(following.transitions) != 1 or following.transitions[0].kind != TransitionKind.SUBMIT:
            break
        step = following
    by_key = {r.key: r for r in components.requirements if r.key}
    return [by_key[key] for key in keys if key in by_key]


def apply_requirements(standard: Standard, track: CompiledTrack) -> list[Requirement]:
    process = standard_process(standard)
    if process is None:
        return []
    return submission_requirements(process, standard.parsed_components(), track)


@dataclass(frozen=True)
class ApplyChoice:
    key: str
    title: str


def apply_choices(tracks: list[CompiledTrack]) -> list[ApplyChoice]:
    return [ApplyChoice(t.key, t.title) for t in tracks]


# --- tracking ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrackingView:
    number: str
    service: str
    agency: str
    status: str
    status_kind: str
    step: str | None  # the open step in the standard's words
    holder: str | None  # who holds it: a role, the applicant, the system
    waits_on_applicant: bool
    received: str
    due: str | None
    ended: str | None
    missing: list[Requirement]
    resubmit: str | None  # the transition that sends a completed file back in
    version: int


def tracking_view(case: Case) -> TrackingView:
    """The public status of a case; no query beyond those that loaded ``case`` with its agency,
    service, standard, process and current role."""
    zone = case.agency.timezone
    step = case.current_step()
    waits = step is not None and (
        step.performer == Performer.APPLICANT or (step.pauses_clock and bool(case.missing))
    )
    if step is None:
        holder = None
    elif waits:
        holder = _("Anda (pemohon)")
    elif step.performer == Performer.SYSTEM:
        holder = _("Sistem (otomatis)")
    else:
        holder = case.current_role.name if case.current_role is not None else _("Petugas")
    requirements = {r.key: r for r in case.standard.parsed_components().requirements if r.key}
    missing = [requirements[key] for key in case.missing if key in requirements]
    actions = applicant_actions(case=case) if missing else []
    return TrackingView(
        number=case.display_number,
        service=case.service.name,
        agency=case.agency.name,
        status=str(CaseStatus(case.status).label),
        status_kind=case.status,
        step=step.text if step else None,
        holder=holder,
        waits_on_applicant=waits,
        received=moment_words(case.received_at, zone),
        due=moment_words(case.due_at, zone) if case.due_at and case.is_open() else None,
        ended=moment_words(case.ended_at, zone) if case.ended_at else None,
        missing=missing,
        resubmit=actions[0].key if actions else None,
        version=case.version,
    )
