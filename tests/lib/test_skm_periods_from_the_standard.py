"""Survey periods follow the standard's frequency: every semester or twice a year → semester,
yearly or unstated → year; periods are named and keyed the way reports ask for them."""

from __future__ import annotations

from datetime import date

import pytest

from pelayan.lib import skm
from pelayan.lib.skm import PeriodKind


@pytest.mark.parametrize(
    ("per", "times", "kind"),
    [
        ("semester", 1, PeriodKind.SEMESTER),  # Kedopok: setiap semester
        ("year", 2, PeriodKind.SEMESTER),  # Kalbar: 2 (dua) kali dalam 1 (satu) tahun
        ("year", 1, PeriodKind.YEAR),
        (None, None, PeriodKind.YEAR),  # Banten: no frequency stated
        ("month", 1, PeriodKind.MONTH),
    ],
)
def test_the_survey_period_of_a_frequency(per, times, kind):
    assert skm.survey_period_kind(per, times) is kind


def test_periods_containing_a_day():
    semester = skm.period_containing(date(2026, 7, 1), PeriodKind.SEMESTER)
    assert (semester.start, semester.end, semester.label, semester.key) == (
        date(2026, 7, 1), date(2027, 1, 1), "Semester II 2026", "2026-S2",
    )  # fmt: skip
    december = skm.period_containing(date(2026, 12, 31), PeriodKind.MONTH)
    assert (december.end, december.label) == (date(2027, 1, 1), "Desember 2026")
    assert skm.period_containing(date(2026, 3, 3), PeriodKind.YEAR).label == "Tahun 2026"
    assert semester.previous().key == "2026-S1"


@pytest.mark.parametrize("key", ["2026-03", "2026-S1", "2026-s2", "2026"])
def test_keys_round_trip(key):
    assert skm.period_from_key(key).key == key.upper()


@pytest.mark.parametrize("key", ["", "2026-13", "2026-S3", "26", "2026-03-01", "x" * 500])
def test_unknown_keys_are_refused(key):
    with pytest.raises(ValueError):
        skm.period_from_key(key)
