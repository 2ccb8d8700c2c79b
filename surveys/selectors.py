"""Reads of the survey app: the survey link of a finished case, the evaluation duties and survey
period of a standard, and the performance report of a period (cases, time limits, IKM)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

from django.core import signing
from django.db.models import Count, Q, QuerySet, Sum
from django.urls import reverse

from accounts.models import Membership
from cases.models import Case, CaseEvent, CaseEventKind, CaseStatus
from pelayan.lib import skm
from pelayan.lib.skm import Period, PeriodKind
from standards.models import Agency, Service, Standard, StandardStatus
from surveys.models import ClockMeasure, EvaluationTask, ResponseChannel, SurveyResponse, TaskKind

_TOKEN_SALT = "surveys.skm.case"
CASE_TARGET = "cases.case"
FINISHED = (CaseStatus.COMPLETED, CaseStatus.REJECTED)

# -- the link of a finished case -----------------------------------------------------------------


def survey_token(case: Case) -> str:
    """The token of a case's survey link: derived from the case (signed), so one link per case."""
    return signing.dumps(case.pk, salt=_TOKEN_SALT, compress=False)


def survey_link_for_case(*, case: Case) -> str | None:
    """The path of the case's survey (``/skm/<token>/``) once it is finished; None before, and
    None once the applicant has answered."""
    if case.status not in FINISHED:
        return None
    if SurveyResponse.objects.filter(case=case).exists():
        return None
    return reverse("surveys:respond", args=[survey_token(case)])


def case_for_token(*, token: str) -> Case | None:
    if not token or len(token) > 200:
        return None
    try:
        pk = signing.loads(token, salt=_TOKEN_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return Case.objects.select_related("agency", "service").filter(pk=pk).first()


def survey_qr_svg(*, url: str) -> str:
    """``url`` (the absolute survey link) as an inline SVG QR code: classes only, no style
    attribute, so it can sit inside a page under a strict Content-Security-Policy."""
    import segno

    return segno.make(url, error="m").svg_inline(
        scale=4, svgclass="skm-qr", lineclass="skm-qr__line", title="Kode QR Survei Kepuasan Masyarakat"
    )


def case_answered(*, case: Case) -> bool:
    return SurveyResponse.objects.filter(case=case).exists()


# -- what the standard asks ----------------------------------------------------------------------


@dataclass(frozen=True)
class Duty:
    kind: str
    text: str
    period_kind: PeriodKind


def _components(service: Service) -> Any | None:
    standard = Standard.objects.filter(service=service, status=StandardStatus.PUBLISHED).first()
    return standard.parsed_components() if standard else None


_DUTY_KINDS = {
    "meeting": TaskKind.MEETING,
    "monitoring": TaskKind.MONITORING,
    "evaluation": TaskKind.EVALUATION,
}


def evaluation_duties(*, service: Service) -> list[Duty]:
    """The standard's evaluation duties that become tasks: meetings, monitoring and evaluations
    with a monthly, semester or yearly frequency (surveys are periods; "after every complaint"
    has no calendar period)."""
    components = _components(service)
    duties: list[Duty] = []
    for item in components.performance_evaluation if components else []:
        kind = _DUTY_KINDS.get(item.kind or "")
        frequency = item.frequency
        if kind is None or frequency is None or frequency.per.value not in ("month", "semester", "year"):
            continue
        duties.append(Duty(kind, item.text, skm.survey_period_kind(frequency.per.value, frequency.times)))
    return duties


def survey_period_kind_for(*, service: Service) -> PeriodKind:
    """The survey period the standard sets (the evaluation item of kind ``survey``)."""
    components = _components(service)
    for item in components.performance_evaluation if components else []:
        if item.kind == "survey":
            f = item.frequency
            return skm.survey_period_kind(f.per.value if f else None, f.times if f else None)
    return PeriodKind.YEAR


def evaluation_task_get(*, agency: Agency, pk: int) -> EvaluationTask | None:
    return EvaluationTask.objects.filter(agency=agency, pk=pk).first()


def evaluation_tasks_for(*, agency: Agency) -> QuerySet[EvaluationTask]:
    return EvaluationTask.objects.filter(agency=agency).select_related("service").order_by("due_on", "id")


# -- who may read the reports --------------------------------------------------------------------


def agencies_for_officer(*, user: Any) -> list[Agency]:
    if user is None or not user.is_authenticated:
        return []
    if user.is_superuser:
        return list(Agency.objects.order_by("name"))
    ids = set(Membership.objects.filter(user=user).values_list("role__agency_id", flat=True))
    return list(Agency.objects.filter(pk__in=ids).order_by("name"))


def agency_for_officer(*, user: Any, slug: str) -> Agency | None:
    return next((a for a in agencies_for_officer(user=user) if a.slug == slug), None)


def services_of(*, agency: Agency) -> list[Service]:
    return list(Service.objects.filter(agency=agency, is_active=True).order_by("name"))


# -- the report ----------------------------------------------------------------------------------


def period_bounds(period: Period, zone: str) -> tuple[datetime, datetime]:
    tz = ZoneInfo(zone)
    return datetime.combine(period.start, time(0), tz), datetime.combine(period.end, time(0), tz)


def _rank_of(p: float, total: int) -> int:
    """ceil(p × total) in exact arithmetic (0.9 × 70 is 63, not 63.000…01), at least 1."""
    return max(1, math.ceil(Fraction(str(p)) * total))


def percentile(values: Sequence[int], p: float) -> int | None:
    """Nearest rank: the smallest value with at least ``p`` of the values at or below it (what
    PostgreSQL's percentile_disc returns)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[_rank_of(p, len(ordered)) - 1]


@dataclass
class LimitFigures:
    service_id: int | None
    key: str
    label: str
    promise: str
    stopped: int
    met: int
    median: int | None  # working seconds taken
    p90: int | None
    budget: int | None  # the promised working seconds (median over the clocks)

    @property
    def on_time_rate(self) -> float | None:
        return self.met / self.stopped if self.stopped else None


@dataclass
class Report:
    agency: Agency
    services: list[Service]
    period: Period
    cases_by_status: dict[str, int]
    cases_total: int
    returned_cases: int
    returns: int
    limits: list[LimitFigures]
    ikm: skm.IkmResult
    population: int
    sample_needed: int
    channels: dict[str, int] = field(default_factory=dict)

    @property
    def sample_reached(self) -> bool:
        return self.ikm.respondents >= self.sample_needed


def _limit_labels(services: Sequence[Service]) -> dict[tuple[int, str], tuple[str, str]]:
    labels: dict[tuple[int, str], tuple[str, str]] = {}
    standards = Standard.objects.filter(service__in=services, status=StandardStatus.PUBLISHED)
    for standard in standards:
        for limit in standard.parsed_components().time_limits:
            labels[(standard.service_id, limit.key)] = (limit.label or limit.key, limit.text)
    return labels


def _rank(histogram: list[tuple[int, int]], total: int, p: float) -> int | None:
    """Nearest rank over a sorted histogram of (value, count) pairs: ``percentile`` without the list."""
    if not total:
        return None
    rank = _rank_of(p, total)
    seen = 0
    for value, count in histogram:
        seen += count
        if seen >= rank:
            return value
    return histogram[-1][0]  # pragma: no cover - the counts add up to total


def limit_measures(*, service_ids: Sequence[int], start: datetime, end: datetime) -> list[tuple[Any, ...]]:
    """Per (service, time limit): clocks stopped in [start, end), how many met their promise, the
    median and 90th percentile of the working seconds taken and the median promised seconds.

    One grouped scan: the database counts clocks per (limit, seconds taken, seconds promised), so
    only a histogram leaves it; the ranks are read from the histogram here, the same on every
    database."""
    rows = (
        ClockMeasure.objects.filter(
            service_id__in=list(service_ids),
            stopped_at__gte=start,
            stopped_at__lt=end,
            target_type=CASE_TARGET,
        )
        .order_by()
        .values_list("service_id", "step_id", "elapsed_seconds", "budget_seconds")
        .annotate(n=Count("id"), met=Count("id", filter=Q(met=True)))
    )
    groups: dict[tuple[int, str], dict[str, Any]] = {}
    for service_id, step_id, elapsed, budget, n, met in rows:
        group = groups.setdefault((service_id, step_id), {"n": 0, "met": 0, "elapsed": {}, "budget": {}})
        group["n"] += n
        group["met"] += met
        group["elapsed"][elapsed] = group["elapsed"].get(elapsed, 0) + n
        group["budget"][budget] = group["budget"].get(budget, 0) + n
    out = []
    for (service_id, step_id), g in sorted(groups.items()):
        elapsed = sorted(g["elapsed"].items())
        out.append(
            (
                service_id,
                step_id,
                g["n"],
                g["met"],
                _rank(elapsed, g["n"], 0.5),
                _rank(elapsed, g["n"], 0.9),
                _rank(sorted(g["budget"].items()), g["n"], 0.5),
            )
        )
    return out


def ikm_for(*, service_ids: Sequence[int], start: date, end: date) -> tuple[skm.IkmResult, dict[str, int]]:
    """The index of the responses answered in [start, end) and how many came by each channel, in
    one aggregate over the responses."""
    rows = SurveyResponse.objects.filter(
        service_id__in=list(service_ids), answered_on__gte=start, answered_on__lt=end
    )
    aggregates: dict[str, Any] = {"n": Count("id")}
    for code in skm.CODES:
        aggregates[f"s_{code}"] = Sum(code.lower())
        aggregates[f"c_{code}"] = Count(code.lower())
    for channel in ResponseChannel.values:
        aggregates[f"ch_{channel}"] = Count("id", filter=Q(channel=channel))
    figures = rows.aggregate(**aggregates)
    result = skm.compute_from_sums(
        figures["n"],
        {code: figures[f"s_{code}"] or 0 for code in skm.CODES},
        {code: figures[f"c_{code}"] for code in skm.CODES},
    )
    return result, {c: figures[f"ch_{c}"] for c in ResponseChannel.values if figures[f"ch_{c}"]}


def case_counts(*, service_ids: Sequence[int], start: datetime, end: datetime) -> dict[str, int]:
    """Cases received in [start, end) by status, and ``finished``: cases ended in it (the service
    users of the period), in one aggregate."""
    in_period = Q(received_at__gte=start, received_at__lt=end)
    aggregates: dict[str, Any] = {
        status: Count("id", filter=in_period & Q(status=status)) for status in CaseStatus.values
    }
    aggregates["finished"] = Count("id", filter=Q(status__in=FINISHED, ended_at__gte=start, ended_at__lt=end))
    return Case.objects.filter(service_id__in=list(service_ids)).aggregate(**aggregates)


def report_build(
    *, agency: Agency, services: Sequence[Service], period: Period, measure: bool = True
) -> Report:
    """The performance report of ``services`` (one, or all of the agency's) for ``period``.

    Cases are those received in the period; time limits read the clocks stopped in it (measured
    first when ``measure``); the IKM reads the responses answered in it; the population for the
    sample is the number of cases finished in it."""
    from surveys.services import clock_measures_refresh

    start, end = period_bounds(period, agency.timezone)
    ids = [s.pk for s in services]
    if measure:
        clock_measures_refresh(agency=agency)
    counts = case_counts(service_ids=ids, start=start, end=end)
    by_status = {status: counts[status] for status in CaseStatus.values}
    population = counts["finished"]
    returns = CaseEvent.objects.filter(
        case__service_id__in=ids, kind=CaseEventKind.RETURNED, at__gte=start, at__lt=end
    ).aggregate(n=Count("id"), cases=Count("case_id", distinct=True))
    labels = _limit_labels(services)
    limits = []
    for service_id, key, stopped, met, median, p90, budget in limit_measures(
        service_ids=ids, start=start, end=end
    ):
        label, promise = labels.get((service_id, key), (key or "Seluruh layanan", ""))
        limits.append(LimitFigures(service_id, key, label, promise, stopped, met, median, p90, budget))
    ikm, channels = ikm_for(service_ids=ids, start=period.start, end=period.end)
    return Report(
        agency=agency,
        services=list(services),
        period=period,
        cases_by_status={s: by_status.get(s, 0) for s in CaseStatus.values},
        cases_total=sum(by_status.values()),
        returned_cases=returns["cases"],
        returns=returns["n"],
        limits=limits,
        ikm=ikm,
        population=population,
        sample_needed=skm.sample_size(population),
        channels=channels,
    )


def last_survey_period(*, service: Service, today: date) -> Period:
    """The last complete survey period of the service before ``today``."""
    return skm.period_containing(today, survey_period_kind_for(service=service)).previous()


def responses_recent(*, service: Service, limit: int = 20) -> list[SurveyResponse]:
    return list(SurveyResponse.objects.filter(service=service).order_by("-submitted_at", "-id")[:limit])


def suggestions_for(*, service_ids: Sequence[int], period: Period, limit: int = 50) -> list[str]:
    return list(
        SurveyResponse.objects.filter(
            service_id__in=service_ids, answered_on__gte=period.start, answered_on__lt=period.end
        )
        .filter(~Q(suggestion=""))
        .order_by("-answered_on", "-id")
        .values_list("suggestion", flat=True)[:limit]
    )
