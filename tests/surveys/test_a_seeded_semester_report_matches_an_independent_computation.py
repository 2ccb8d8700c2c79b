"""A semester of Kedopok cases and survey answers, built through the services: the report's case
counts, on-time rate, median and 90th percentile of the working time taken, and IKM equal the
figures computed here by hand from what was seeded."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from fractions import Fraction

import pytest

from cases.services import Actor, case_act, case_file_add
from pelayan.lib import skm
from surveys import selectors
from surveys.services import Answers, response_record_for_case, response_record_paper
from tests.surveys.conftest import WIB, finish, kedopok_case, pdf

SEMESTER = skm.period_from_key("2026-S2")
WEDNESDAYS = ["2026-07-08", "2026-07-15", "2026-07-22", "2026-07-29", "2026-08-05", "2026-08-12",
              "2026-09-02", "2026-09-09", "2026-09-16", "2026-09-23", "2026-10-07", "2026-10-14"]  # fmt: skip
MINUTES = [5, 7, 9, 10, 11, 12, 14, 16, 20, 25, 40, 45]
PROMISE = 15  # "15 menit"
# Paper forms: (U1..U9), None where the respondent skipped the question.
PAPER = [
    (4, 4, 3, 4, 3, 3, 4, 2, 3),
    (3, 3, 3, 4, 3, 3, 4, 3, 3),
    (4, 3, None, 4, 4, 3, 4, 3, 4),
    (2, 3, 3, 4, 3, 2, 3, 2, 3),
    (4, 4, 4, 4, 4, 4, 4, 4, 4),
] * 4
LINK = [(3, 3, 2, 4, 3, 3, 3, 3, 3), (4, 4, 4, 4, 4, 4, 4, 3, 4), (1, 2, 2, 4, 2, 2, 3, 1, 2)]


def at(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=WIB)


def nearest_rank(values, p):
    ordered = sorted(values)
    return ordered[math.ceil(p * len(ordered)) - 1]


@pytest.fixture
def semester(kedopok_service, kelurahan_operator, kecamatan_operator, officers):
    finished = []
    for day, minutes in zip(WEDNESDAYS, MINUTES, strict=True):
        case = kedopok_case(kedopok_service, kelurahan_operator, at(day))
        finished.append(finish(case, officers=officers, at=at(day), minutes=minutes))
    # Returned after 3 minutes, completed an hour later and finished 10 minutes after that: 13 minutes
    # of working time, the hour with the kelurahan not counted.
    t0 = at("2026-10-21")
    case = kedopok_case(kedopok_service, kelurahan_operator, t0)
    case = case_act(case=case, actor=Actor(kecamatan_operator), action="kembalikan", version=case.version,
                    missing=["kk"], note="KK belum ada", now=t0 + dt.timedelta(minutes=3))  # fmt: skip
    case_file_add(case=case, actor=Actor(kelurahan_operator), requirement="kk", upload=pdf("kk.pdf"),
                  now=t0 + dt.timedelta(minutes=60))  # fmt: skip
    case.refresh_from_db()
    case = case_act(case=case, actor=Actor(kelurahan_operator), action="ajukan", version=case.version,
                    now=t0 + dt.timedelta(minutes=60))  # fmt: skip
    finished.append(finish(case, officers=officers, at=t0 + dt.timedelta(minutes=60), minutes=10))
    # Still open at the end of the semester; and one case from the semester before.
    kedopok_case(kedopok_service, kelurahan_operator, at("2026-11-04"))
    earlier = kedopok_case(kedopok_service, kelurahan_operator, at("2026-06-10"))
    finish(earlier, officers=officers, at=at("2026-06-10"), minutes=6)

    for i, values in enumerate(PAPER):
        response_record_paper(
            service=kedopok_service, actor=kecamatan_operator,
            answers=Answers(values=dict(zip(skm.CODES, values, strict=True))),
            answered_on=dt.date(2026, 7 + i % 5, 10), now=at("2026-12-01"),
        )  # fmt: skip
    for case, values in zip(finished, LINK, strict=False):
        response_record_for_case(
            case=case, answers=Answers(values=dict(zip(skm.CODES, values, strict=True))), now=at("2026-11-20")
        )
    return finished


@pytest.mark.django_db
def test_the_semester_report_equals_the_figures_computed_by_hand(semester, kedopok_service):
    report = selectors.report_build(
        agency=kedopok_service.agency, services=[kedopok_service], period=SEMESTER
    )

    assert report.cases_total == 14
    assert report.cases_by_status == {"open": 1, "completed": 13, "rejected": 0, "withdrawn": 0}
    assert (report.returns, report.returned_cases) == (1, 1)

    taken = [*MINUTES, 13]
    [limit] = report.limits
    assert limit.key == "penyelesaian" and limit.promise == "15 menit"
    assert limit.stopped == 13
    assert limit.met == sum(1 for m in taken if m <= PROMISE) == 8
    assert limit.on_time_rate == pytest.approx(8 / 13)
    assert limit.median == nearest_rank(taken, 0.5) * 60 == 13 * 60
    assert limit.p90 == nearest_rank(taken, 0.9) * 60 == 40 * 60
    assert limit.budget == PROMISE * 60

    answers = [*PAPER, *LINK]
    means = []
    for i in range(9):
        given = [a[i] for a in answers if a[i] is not None]
        means.append(Fraction(sum(given), len(given)))
    ikm = sum(means) / 9
    assert report.ikm.respondents == 23
    assert [report.ikm.means[c] for c in skm.CODES] == means
    assert report.ikm.ikm == ikm
    assert report.ikm.converted == ikm * 25
    # 25 × ikm = 83.29 (to two decimals): grade B (76.61–88.30).
    assert skm.to_decimal(ikm * 25) == Decimal("83.29")
    assert report.ikm.grade == skm.Grade.B
    assert (report.population, report.sample_needed, report.sample_reached) == (13, 13, True)


@pytest.mark.django_db
def test_every_stopped_clock_is_measured_once(semester, kedopok_service, django_assert_max_num_queries):
    from surveys.models import ClockMeasure

    selectors.report_build(agency=kedopok_service.agency, services=[kedopok_service], period=SEMESTER)
    # The 13 clocks of the semester and the one stopped in June.
    assert ClockMeasure.objects.count() == 14
    with django_assert_max_num_queries(12):
        selectors.report_build(agency=kedopok_service.agency, services=[kedopok_service], period=SEMESTER)
    assert ClockMeasure.objects.count() == 14


@pytest.mark.django_db
def test_a_backlog_of_clocks_is_measured_a_batch_at_a_time(semester, kedopok_service):
    from surveys.models import ClockMeasure
    from surveys.services import clock_measures_refresh

    assert clock_measures_refresh(agency=kedopok_service.agency, limit=5) == 5
    assert clock_measures_refresh(agency=kedopok_service.agency, limit=5) == 5
    assert clock_measures_refresh(agency=kedopok_service.agency, limit=5) == 4
    assert clock_measures_refresh(agency=kedopok_service.agency, limit=5) == 0
    assert ClockMeasure.objects.count() == 14
