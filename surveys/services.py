"""Writes of the survey app: responses (link, kiosk, paper form, file import), clock measures for
reports, evaluation tasks and their notes. Each state change records one audit event in the same
transaction.

Audit actions: ``skm.response_recorded``, ``skm.responses_imported``, ``skm.kiosk_enabled``,
``skm.evaluation_tasks_scheduled``, ``skm.evaluation_task_done``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_event_record
from calendars.models import SlaClock, SlaPhase, SlaState
from calendars.selectors import calendar_for, clock_record
from cases.models import Case
from pelayan.lib import skm
from pelayan.lib.sla import clock_status
from standards.models import Agency, Service
from surveys.models import (
    AGE_MAX,
    AGE_MIN,
    SUGGESTION_MAX,
    ClockMeasure,
    Education,
    EvaluationTask,
    Occupation,
    ResponseChannel,
    Sex,
    SurveyResponse,
    TaskKind,
)

CASE_TARGET = "cases.case"
IMPORT_MAX_ROWS = 5000


class SurveyError(Exception):
    """Input a survey write refuses; ``fields`` names the inputs at fault (field → message)."""

    def __init__(self, message: str, fields: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class AlreadyAnswered(SurveyError):
    pass


@dataclass(frozen=True)
class Profile:
    """The respondent profile the regulation asks; every part optional, none of it identifying."""

    age: int | None = None
    sex: str = ""
    education: str = ""
    occupation: str = ""


@dataclass
class Answers:
    values: dict[str, int | None] = field(default_factory=dict)
    profile: Profile = field(default_factory=Profile)
    suggestion: str = ""


def answers_clean(answers: Answers, *, require_all: bool) -> Answers:
    """Answers checked: 1–4 (or blank unless ``require_all``), profile from its choices, the
    suggestion bounded. Raises SurveyError naming every field at fault."""
    errors: dict[str, str] = {}
    values: dict[str, int | None] = {}
    for code in skm.CODES:
        raw = answers.values.get(code)
        try:
            value = skm.parse_answer(raw)
        except ValueError:
            errors[code] = _("Pilih salah satu jawaban 1–4.")
            continue
        if value is None and require_all:
            errors[code] = _("Pertanyaan ini belum dijawab.")
        values[code] = value
    profile = answers.profile
    if profile.age is not None and not AGE_MIN <= profile.age <= AGE_MAX:
        errors["age"] = _("Umur antara %(min)s dan %(max)s tahun.") % {"min": AGE_MIN, "max": AGE_MAX}
    for name, choices in (("sex", Sex), ("education", Education), ("occupation", Occupation)):
        if getattr(profile, name) and getattr(profile, name) not in choices.values:
            errors[name] = _("Pilihan tidak dikenal.")
    suggestion = (answers.suggestion or "").strip()
    if len(suggestion) > SUGGESTION_MAX:
        errors["suggestion"] = _("Saran paling banyak %(n)s karakter.") % {"n": SUGGESTION_MAX}
    if not require_all and all(v is None for v in values.values()) and not errors:
        errors["answers"] = _("Isi paling sedikit satu jawaban.")
    if errors:
        raise SurveyError(_("Periksa lagi isian yang ditandai."), errors)
    return Answers(values=values, profile=profile, suggestion=suggestion)


def _local_today(agency: Agency, now: datetime) -> date:
    return now.astimezone(ZoneInfo(agency.timezone)).date()


def _response(
    *,
    service: Service,
    channel: str,
    answers: Answers,
    answered_on: date,
    case: Case | None = None,
    actor: Any | None = None,
    source: str = "",
) -> SurveyResponse:
    fields = {code.lower(): answers.values.get(code) for code in skm.CODES}
    return SurveyResponse(
        agency_id=service.agency_id,
        service=service,
        case=case,
        channel=channel,
        age=answers.profile.age,
        sex=answers.profile.sex,
        education=answers.profile.education,
        occupation=answers.profile.occupation,
        suggestion=answers.suggestion,
        answered_on=answered_on,
        recorded_by=actor if actor is not None and getattr(actor, "is_authenticated", False) else None,
        source=source[:200],
        **fields,
    )


def _audit_response(response: SurveyResponse, actor: Any | None) -> None:
    audit_event_record(
        actor=actor,
        agency=response.agency,
        action="skm.response_recorded",
        target=response,
        data={
            "service": response.service_id,
            "channel": response.channel,
            "answered_on": str(response.answered_on),
        },
    )


@transaction.atomic
def response_record_for_case(*, case: Case, answers: Answers, now: datetime | None = None) -> SurveyResponse:
    """The applicant's answers through the link of a finished case: once per case."""
    now = now or timezone.now()
    if case.is_open() or case.status == "withdrawn":
        raise SurveyError(_("Survei dapat diisi setelah permohonan selesai."), {"case": "not_finished"})
    clean = answers_clean(answers, require_all=True)
    if SurveyResponse.objects.filter(case=case).exists():
        raise AlreadyAnswered(
            _("Survei untuk permohonan ini sudah diisi. Terima kasih."), {"case": "answered"}
        )
    response = _response(
        service=case.service, channel=ResponseChannel.LINK, answers=clean,
        answered_on=_local_today(case.agency, now), case=case,
    )  # fmt: skip
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError:
        raise AlreadyAnswered(
            _("Survei untuk permohonan ini sudah diisi. Terima kasih."), {"case": "answered"}
        ) from None
    _audit_response(response, None)
    return response


@transaction.atomic
def response_record_at_kiosk(
    *, service: Service, answers: Answers, now: datetime | None = None
) -> SurveyResponse:
    """Answers given on the agency's SKM machine at the counter (an enabled device, no login)."""
    now = now or timezone.now()
    clean = answers_clean(answers, require_all=True)
    response = _response(
        service=service,
        channel=ResponseChannel.KIOSK,
        answers=clean,
        answered_on=_local_today(service.agency, now),
    )
    response.save()
    _audit_response(response, None)
    return response


def _check_day(service: Service, answered_on: date, now: datetime) -> None:
    today = _local_today(service.agency, now)
    if answered_on > today or (today - answered_on).days > 2 * 366:
        raise SurveyError(
            _("Tanggal pengisian tidak boleh di masa depan atau lebih dari dua tahun lalu."),
            {"answered_on": "out_of_range"},
        )


@transaction.atomic
def response_record_paper(
    *, service: Service, actor: Any, answers: Answers, answered_on: date, now: datetime | None = None
) -> SurveyResponse:
    """A paper form typed in by staff; blanks allowed (the respondent skipped a question)."""
    now = now or timezone.now()
    clean = answers_clean(answers, require_all=False)
    _check_day(service, answered_on, now)
    response = _response(
        service=service, channel=ResponseChannel.PAPER, answers=clean, answered_on=answered_on, actor=actor
    )
    response.save()
    _audit_response(response, actor)
    return response


@transaction.atomic
def responses_import(
    *,
    service: Service,
    actor: Any,
    responses: Sequence[Mapping[str, int | None]],
    answered_on: date,
    source: str,
    now: datetime | None = None,
) -> int:
    """Rows already parsed and checked by ``surveys.files.read_responses`` (no errors), stored in
    one insert with one audit event. Returns the number stored."""
    now = now or timezone.now()
    _check_day(service, answered_on, now)
    if not responses:
        raise SurveyError(_("Berkas tidak berisi jawaban."), {"file": "empty"})
    if len(responses) > IMPORT_MAX_ROWS:
        raise SurveyError(
            _("Paling banyak %(n)s baris per impor.") % {"n": IMPORT_MAX_ROWS}, {"file": "too_many"}
        )
    rows = []
    for values in responses:
        clean = answers_clean(Answers(values=dict(values)), require_all=False)
        rows.append(
            _response(
                service=service, channel=ResponseChannel.IMPORT, answers=clean,
                answered_on=answered_on, actor=actor, source=source,
            )
        )  # fmt: skip
    SurveyResponse.objects.bulk_create(rows, batch_size=1000)
    audit_event_record(
        actor=actor,
        agency=service.agency,
        action="skm.responses_imported",
        target=service,
        data={"count": len(rows), "source": source[:200], "answered_on": str(answered_on)},
    )
    return len(rows)


def kiosk_enabled_record(*, agency: Agency, actor: Any) -> None:
    """A device was made the agency's SKM machine (the cookie is set by the view)."""
    audit_event_record(actor=actor, agency=agency, action="skm.kiosk_enabled", target=agency, data={})


# -- clock measures --------------------------------------------------------------------------------


def clock_measures_fill(*, clocks: Iterable[SlaClock]) -> int:
    """Measure stopped case clocks not measured yet (working time taken, the promised budget).

    A derived figure, not a state change: no audit event. Calendars are built once per
    (agency, service). Returns how many were measured."""
    cache: dict[tuple[int, int | None], Any] = {}
    rows: list[ClockMeasure] = []
    for clock in clocks:
        if clock.phase != SlaPhase.STOPPED or clock.stopped_at is None:
            continue
        key = (clock.agency_id, clock.service_id)
        if key not in cache:
            cache[key] = calendar_for(agency=clock.agency, service=clock.service)
        intervals = list(clock.intervals.all())
        if not intervals:  # a stopped clock always ran once; nothing to measure otherwise
            continue
        status = clock_status(clock_record(clock, intervals), cache[key], clock.stopped_at)
        rows.append(
            ClockMeasure(
                clock=clock,
                agency_id=clock.agency_id,
                service_id=clock.service_id,
                target_type=clock.target_type,
                step_id=clock.step_id,
                stopped_at=clock.stopped_at,
                met=clock.state == SlaState.MET,
                elapsed_seconds=int(status.elapsed.total_seconds()),
                budget_seconds=int(status.budget.total_seconds()),
            )
        )
    ClockMeasure.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    return len(rows)


MEASURE_BATCH = 5000


def clock_measures_refresh(*, agency: Agency, limit: int = MEASURE_BATCH) -> int:
    """Measure up to ``limit`` stopped clocks of ``agency`` not measured yet, oldest first;
    returns how many. (About 2,400 clocks a second: a backlog, e.g. after an upgrade, is worked
    off a batch per report rather than holding one page for minutes.)

    Two counts decide whether there is anything to do (stopped clocks, read from the clocks'
    (agency, phase, state) index, against the agency's measures), so a report on an agency whose
    clocks are all measured reads no clock."""
    stopped = SlaClock.objects.filter(agency=agency, phase=SlaPhase.STOPPED).count()
    if stopped == ClockMeasure.objects.filter(agency=agency).count():
        return 0
    pending = (
        SlaClock.objects.filter(agency=agency, phase=SlaPhase.STOPPED, skm_measure__isnull=True)
        .select_related("agency", "service")
        .prefetch_related("intervals")
        .order_by("id")[:limit]
    )
    return clock_measures_fill(clocks=pending.iterator(chunk_size=2000))


# -- evaluation tasks ------------------------------------------------------------------------------


@transaction.atomic
def evaluation_tasks_schedule(*, service: Service, today: date, actor: Any | None = None) -> int:
    """Create the tasks of the standard's evaluation duties (meetings, monitoring, yearly
    evaluations) for the period containing ``today``. Surveys are periods, not tasks. Returns the
    number created; scheduling again creates nothing."""
    from surveys.selectors import evaluation_duties

    created = 0
    for duty in evaluation_duties(service=service):
        period = skm.period_containing(today, duty.period_kind)
        _, made = EvaluationTask.objects.get_or_create(
            service=service,
            kind=duty.kind,
            period_key=period.key,
            defaults={
                "agency_id": service.agency_id,
                "text": duty.text[:2000],
                "starts_on": period.start,
                "due_on": period.end,
            },
        )
        created += made
    if created:
        audit_event_record(
            actor=actor, agency=service.agency, action="skm.evaluation_tasks_scheduled", target=service,
            data={"count": created, "day": str(today)},
        )  # fmt: skip
    return created


@transaction.atomic
def evaluation_task_complete(
    *, task: EvaluationTask, actor: Any, notes: str, now: datetime | None = None
) -> EvaluationTask:
    notes = (notes or "").strip()
    if not notes:
        raise SurveyError(_("Tulis catatan hasil evaluasi."), {"notes": "required"})
    if len(notes) > 5000:
        raise SurveyError(_("Catatan paling banyak 5000 karakter."), {"notes": "too_long"})
    task = EvaluationTask.objects.select_for_update().get(pk=task.pk)
    if task.done_at is not None:
        raise SurveyError(_("Tugas ini sudah dicatat selesai."), {"task": "done"})
    task.done_at = now or timezone.now()
    task.done_by = actor
    task.notes = notes
    task.save(update_fields=["done_at", "done_by", "notes"])
    audit_event_record(
        actor=actor, agency=task.agency, action="skm.evaluation_task_done", target=task,
        data={"kind": task.kind, "period": task.period_key},
    )  # fmt: skip
    return task


__all__ = [
    "AlreadyAnswered",
    "Answers",
    "Profile",
    "SurveyError",
    "TaskKind",
    "answers_clean",
    "clock_measures_fill",
    "clock_measures_refresh",
    "evaluation_task_complete",
    "evaluation_tasks_schedule",
    "kiosk_enabled_record",
    "response_record_at_kiosk",
    "response_record_for_case",
    "response_record_paper",
    "responses_import",
]
