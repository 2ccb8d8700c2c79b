"""A semester performance report over a million cases and a million survey responses (PostgreSQL).

Builds a throwaway test database (``test_<name>`` on the server DATABASE_URL names, dropped
afterwards), loads the demo standards for Kedopok's published service, then fills it in SQL with
generate_series: cases over the first semester of 2026 (one in twenty still open, one in twenty
rejected, the rest completed), one stopped SLA clock per finished case with its measure (working
seconds taken against the 15-minute promise), a return for one case in ten, and survey responses
with answers 1–4 (3 % of answers left blank). It then times ``surveys.selectors.report_build`` for
the semester (cases by status, returns, time limits with on-time rate, median and 90th percentile,
IKM with its nine elements and grade, sample size) and prints the EXPLAIN ANALYZE of the main
aggregates. Target: under 2 s per report.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python bench/bench_skm_report.py \
        [--cases 1000000] [--responses 1000000] [--runs 3] [--measure 10000]

``--keep`` keeps the test database afterwards and reuses a kept one (drop it with
``DROP DATABASE test_<name>``). ``--measure N`` also times measuring N stopped clocks from their intervals with the agency's
calendar (what a report does once for clocks stopped since the last one), on clocks the script
creates through the ORM with one interval each.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("PELAYAN_ALLOW_INSECURE_KEY", "1")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count, Sum  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

from pelayan.lib import skm  # noqa: E402
from standards.demo import load_demo  # noqa: E402
from standards.models import Service, Standard, StandardStatus  # noqa: E402
from surveys import selectors  # noqa: E402
from surveys.models import ClockMeasure, SurveyResponse  # noqa: E402
from surveys.services import clock_measures_refresh  # noqa: E402

TARGET_SECONDS = 2.0
PERIOD = skm.period_from_key("2026-S1")

CASES_SQL = """
INSERT INTO cases_case (number, agency_id, service_id, standard_id, process_id, track, channel, unit_id,
    status, step, current_role_id, assignee_id, step_entered_at, applicant_name, applicant_email,
    applicant_phone, applicant_address, applicant_institution, details, missing, pin_hash, pin_failures,
    pin_locked_until, version, received_at, created_at, created_by_id, ended_at, due_at, at_risk_at,
    idempotency_key)
SELECT 'B' || lpad(g::text, 9, '0'), %(agency)s, %(service)s, %(standard)s, %(process)s, 'utama', 'website',
    NULL,
    CASE WHEN g %% 20 = 0 THEN 'open' WHEN g %% 20 = 1 THEN 'rejected' ELSE 'completed' END,
    CASE WHEN g %% 20 = 0 THEN 'teliti' ELSE '' END, NULL, NULL, r, 'Pemohon', '', '', '', '',
    '{}'::jsonb, '[]'::jsonb, 'x', 0, NULL, 1, r, r, NULL,
    CASE WHEN g %% 20 = 0 THEN NULL ELSE r + make_interval(secs => 60 + floor(random() * 1500)) END,
    NULL, NULL, ''
FROM (SELECT g, timestamptz '2026-01-01 01:00+00' + make_interval(secs => (g::float8 / %(n)s) * 179 * 86400) AS r
      FROM generate_series(1, %(n)s) AS g) AS s
"""

CLOCKS_SQL = """
INSERT INTO calendars_slaclock (agency_id, service_id, target_type, target_id, step_id, allowance_text,
    allowance_value, allowance_unit, at_risk_share, phase, state, started_at, stopped_at, due_at, at_risk_at,
    created_at, updated_at)
SELECT agency_id, service_id, 'cases.case', id::text, 'penyelesaian', '15 menit', 15, 'minute', 0.75,
    'stopped', CASE WHEN ended_at - received_at <= interval '15 minutes' THEN 'met' ELSE 'breached' END,
    received_at, ended_at, received_at + interval '15 minutes', NULL, now(), now()
FROM cases_case WHERE service_id = %(service)s AND ended_at IS NOT NULL
"""

MEASURES_SQL = """
INSERT INTO surveys_clockmeasure (clock_id, agency_id, service_id, target_type, step_id, stopped_at, met,
    elapsed_seconds, budget_seconds)
SELECT id, agency_id, service_id, target_type, step_id, stopped_at, state = 'met',
    extract(epoch FROM stopped_at - started_at)::bigint, 900
FROM calendars_slaclock WHERE service_id = %(service)s AND phase = 'stopped'
"""

RETURNS_SQL = """
INSERT INTO cases_caseevent (case_id, seq, at, kind, actor_id, actor_label, transition, from_step, to_step,
    note, missing, files, data)
SELECT id, 2, received_at + interval '1 minute', 'returned', NULL, 'Operator Kecamatan', 'kembalikan', 'teliti',
    'ajukan', '', '["kk"]'::jsonb, '[]'::jsonb, '{}'::jsonb
FROM cases_case WHERE service_id = %(service)s AND id %% 10 = 3
"""


def answer() -> str:
    return "CASE WHEN random() < 0.03 THEN NULL ELSE 1 + floor(random() * 4)::int END"


RESPONSES_SQL = f"""
INSERT INTO surveys_surveyresponse (agency_id, service_id, case_id, channel, u1, u2, u3, u4, u5, u6, u7, u8, u9,
    age, sex, education, occupation, suggestion, answered_on, submitted_at, recorded_by_id, source)
SELECT %(agency)s, %(service)s, NULL, 'kiosk', {", ".join([answer()] * 9)},
    NULL, '', '', '', '', date '2026-01-01' + (g %% 181), now(), NULL, ''
FROM generate_series(1, %(m)s) AS g
"""  # noqa: S608 - built from constants only


def build(cases: int, responses: int) -> Service:
    load_demo(with_users=False)
    service = Service.objects.select_related("agency").get(
        agency__slug="kec-kedopok", slug="surat-pengantar-izin-keramaian"
    )
    standard = Standard.objects.prefetch_related("process_definitions").get(
        service=service, status=StandardStatus.PUBLISHED
    )
    params = {
        "agency": service.agency_id,
        "service": service.pk,
        "standard": standard.pk,
        "process": standard.process.pk,
        "n": cases,
        "m": responses,
    }
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.2026)")
        for name, sql in (
            ("cases", CASES_SQL),
            ("SLA clocks", CLOCKS_SQL),
            ("clock measures", MEASURES_SQL),
            ("returns", RETURNS_SQL),
            ("responses", RESPONSES_SQL),
        ):
            began = time.perf_counter()
            cursor.execute(sql, params)
            print(f"  {name}: {cursor.rowcount:,} rows in {time.perf_counter() - began:.1f} s")
        began = time.perf_counter()
        for table in ("cases_case", "calendars_slaclock", "surveys_clockmeasure", "cases_caseevent",
                      "surveys_surveyresponse"):  # fmt: skip
            cursor.execute(f"VACUUM ANALYZE {table}")
        print(f"  VACUUM ANALYZE in {time.perf_counter() - began:.1f} s")
    return service


def explain(service: Service) -> None:
    """The EXPLAIN ANALYZE of the report's aggregates, as the ORM sends them (each grouped by
    service, which is what the report's single-row aggregate reads)."""
    from django.db.models import Q

    from calendars.models import SlaClock
    from cases.models import Case, CaseStatus

    start, end = selectors.period_bounds(PERIOD, service.agency.timezone)
    histogram = (
        ClockMeasure.objects.filter(service_id__in=[service.pk], stopped_at__gte=start, stopped_at__lt=end)
        .order_by()
        .values_list("service_id", "step_id", "elapsed_seconds", "budget_seconds")
        .annotate(n=Count("id"), met=Count("id", filter=Q(met=True)))
    )
    aggregates = {}
    for code in skm.CODES:
        aggregates[f"s_{code}"] = Sum(code.lower())
        aggregates[f"c_{code}"] = Count(code.lower())
    ikm = (
        SurveyResponse.objects.filter(
            service=service, answered_on__gte=PERIOD.start, answered_on__lt=PERIOD.end
        )
        .order_by()
        .values("service_id")
        .annotate(n=Count("id"), **aggregates)
    )
    in_period = Q(received_at__gte=start, received_at__lt=end)
    cases = (
        Case.objects.filter(service=service)
        .order_by()
        .values("service_id")
        .annotate(**{s: Count("id", filter=in_period & Q(status=s)) for s in CaseStatus.values})
    )
    stopped = (
        SlaClock.objects.filter(agency=service.agency, phase="stopped")
        .order_by()
        .values("agency_id")
        .annotate(n=Count("id"))
    )
    measured = (
        ClockMeasure.objects.filter(agency=service.agency)
        .order_by()
        .values("agency_id")
        .annotate(n=Count("id"))
    )
    for title, query in (
        ("time limits: histogram of working seconds taken per limit (on-time rate, median, P90)", histogram),
        ("IKM: sums and counts of the nine elements", ikm),
        ("cases by status", cases),
        ("stopped clocks of the agency (is anything left to measure?)", stopped),
        ("measured clocks of the agency", measured),
    ):
        print(f"\nEXPLAIN ANALYZE — {title}:")
        print(query.explain(analyze=True, buffers=True))


def measure_from_intervals(service: Service, n: int) -> None:
    """Time measuring ``n`` stopped clocks from their intervals (the report's first pass)."""
    from calendars.models import SlaClock, SlaInterval

    stopped = SlaClock.objects.filter(service=service, phase="stopped", intervals__isnull=True).order_by("id")
    rows = list(stopped.values_list("id", "started_at", "stopped_at")[:n])
    ids = [r[0] for r in rows]
    SlaInterval.objects.bulk_create(
        [SlaInterval(clock_id=i, started_at=a, ended_at=b) for i, a, b in rows], batch_size=5000
    )
    ClockMeasure.objects.filter(clock_id__in=ids).delete()
    began = time.perf_counter()
    measured = clock_measures_refresh(agency=service.agency, limit=n)
    elapsed = time.perf_counter() - began
    print(f"\nmeasured {measured:,} stopped clocks from their intervals in {elapsed:.2f} s "
          f"({measured / elapsed:,.0f} clocks/s, done once per clock)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--responses", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--measure", type=int, default=10_000)
    parser.add_argument(
        "--keep", action="store_true", help="keep the test database, and reuse one kept before"
    )
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("this benchmark needs PostgreSQL: set DATABASE_URL=postgres://…", file=sys.stderr)
        return 2
    print(
        f"database: PostgreSQL {connection.cursor().connection.info.server_version} (throwaway test database)"
    )
    old_config = setup_databases(verbosity=0, interactive=False, keepdb=args.keep, serialized_aliases=[])
    try:
        began = time.perf_counter()
        kept = Service.objects.filter(agency__slug="kec-kedopok", cases__isnull=False).first()
        if kept is not None:
            service = Service.objects.select_related("agency").get(pk=kept.pk)
            print(f"reusing the kept database: {service.cases.count():,} cases")
            if not ClockMeasure.objects.exists():  # a migration emptied the measures
                with connection.cursor() as cursor:
                    cursor.execute(MEASURES_SQL, {"service": service.pk})
                    cursor.execute("VACUUM ANALYZE surveys_clockmeasure")
        else:
            service = build(args.cases, args.responses)
            print(f"built in {time.perf_counter() - began:.1f} s")
        timings = []
        report = None
        for run in range(args.runs):
            began = time.perf_counter()
            report = selectors.report_build(agency=service.agency, services=[service], period=PERIOD)
            timings.append(time.perf_counter() - began)
            print(f"run {run + 1}: semester report in {timings[-1]:.2f} s")
        if report is None:
            return 2
        [limit] = report.limits
        data = report.ikm.as_json()
        print(
            f"\n{PERIOD.label}: {report.cases_total:,} cases {report.cases_by_status}, {report.returns:,} returns; "
            f"{limit.stopped:,} clocks stopped, on time {limit.on_time_rate:.1%}, median {limit.median} s, "
            f"P90 {limit.p90} s of {limit.budget} s; {report.ikm.respondents:,} responses, IKM {data['ikm']}, "
            f"score {data['converted']} ({data['grade']} {data['quality']}); sample needed {report.sample_needed}"
        )
        median = statistics.median(timings)
        print(f"median {median:.2f} s (target under {TARGET_SECONDS:.0f} s)")
        explain(service)
        if args.measure:
            measure_from_intervals(service, args.measure)
        return 0 if median < TARGET_SECONDS else 1
    finally:
        if not args.keep:
            teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
