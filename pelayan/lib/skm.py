"""Survei Kepuasan Masyarakat (SKM) and its index (IKM) as PermenPAN-RB 14/2017 sets them out.

Pure Python, no Django. Nine elements (U1–U9), each answered 1–4. Per element the mean over the
respondents who answered it (*nilai rata-rata per unsur*); the index is the sum of the nine means
times one ninth (*bobot nilai rata-rata tertimbang* = 1/9, kept exact here, never 0.111); the
converted score (*nilai IKM unit pelayanan*) is the index times 25, and the grade (*mutu
pelayanan*) and its quality label (*kinerja unit pelayanan*) follow from the converted score.
All arithmetic is in fractions; figures are rounded to two decimals (half up) only for display,
and the grade is read from the converted score so rounded, as the regulation's table lists it.

The sample a period needs comes from the Krejcie–Morgan table the regulation reproduces (shipped
in ``data/krejcie_morgan.csv``); its formula is kept beside it as a cross-check.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction
from functools import cache
from pathlib import Path

__all__ = [
    "CODES",
    "CONVERSION",
    "ELEMENTS",
    "MONTHS",
    "WEIGHT",
    "Element",
    "Grade",
    "IkmResult",
    "Period",
    "PeriodKind",
    "RowError",
    "compute",
    "compute_from_sums",
    "grade_for",
    "krejcie_morgan_formula",
    "krejcie_morgan_table",
    "parse_answer",
    "parse_rows",
    "period_containing",
    "period_from_key",
    "sample_size",
    "survey_period_kind",
    "to_decimal",
]

ANSWERS = (1, 2, 3, 4)
WEIGHT = Fraction(1, 9)
CONVERSION = 25
MAX_ROWS = 100_000
MAX_SUGGESTION = 2000


@dataclass(frozen=True)
class Element:
    code: str
    name: str
    question: str
    answers: tuple[str, str, str, str]  # the wording of answers 1, 2, 3, 4


# The nine elements (Lampiran PermenPAN-RB 14/2017, "Unsur SKM") with the questions and answer
# wording of its sample questionnaire.
ELEMENTS: tuple[Element, ...] = (
    Element(
        "U1",
        "Persyaratan",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    Element(
        "U2",
        "Sistem, mekanisme, dan prosedur",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ),
    Element(
        "U3",
        "Waktu penyelesaian",
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    ),
    Element(
        "U4",
        "Biaya/tarif",
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    ),
    Element(
        "U5",
        "Produk spesifikasi jenis pelayanan",
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam "
        "standar pelayanan dengan hasil yang diberikan?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    Element(
        "U6",
        "Kompetensi pelaksana",
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    ),
    Element(
        "U7",
        "Perilaku pelaksana",
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
    ),
    Element(
        "U8",
        "Penanganan pengaduan, saran, dan masukan",
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
    ),
    Element(
        "U9",
        "Sarana dan prasarana",
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        ("Buruk", "Cukup", "Baik", "Sangat baik"),
    ),
)
CODES: tuple[str, ...] = tuple(e.code for e in ELEMENTS)


class Grade(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {Grade.A: "Sangat baik", Grade.B: "Baik", Grade.C: "Kurang baik", Grade.D: "Tidak baik"}
# Lower bounds of the converted score (nilai interval konversi IKM), highest first.
GRADE_FLOORS: tuple[tuple[Decimal, Grade], ...] = (
    (Decimal("88.31"), Grade.A),
    (Decimal("76.61"), Grade.B),
    (Decimal("65.00"), Grade.C),
    (Decimal("25.00"), Grade.D),
)
_CENT = Decimal("0.01")


def to_decimal(value: Fraction, places: int = 2) -> Decimal:
    """``value`` rounded half up to ``places`` decimals (exactly: from the fraction, not a float)."""
    quantum = Decimal(1).scaleb(-places)
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(quantum, rounding=ROUND_HALF_UP)


def grade_for(converted: Decimal | Fraction) -> Grade:
    """The grade of a converted score (25–100), read at two decimals as the regulation lists it."""
    score = (
        to_decimal(converted) if isinstance(converted, Fraction) else converted.quantize(_CENT, ROUND_HALF_UP)
    )
    if not Decimal(25) <= score <= Decimal(100):
        raise ValueError(f"a converted IKM score lies between 25 and 100, not {score}")
    for floor, grade in GRADE_FLOORS:
        if score >= floor:
            return grade
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True)
class IkmResult:
    respondents: int
    answered: dict[str, int]  # respondents who answered each element
    means: dict[str, Fraction | None]  # None when nobody answered the element
    ikm: Fraction | None  # None unless every element has a mean
    converted: Fraction | None
    grade: Grade | None

    def as_json(self) -> dict[str, object]:
        """The figures at the regulation's precision (means, index and score to two decimals)."""

        def fig(value: Fraction | None, places: int = 2) -> str | None:
            return None if value is None else str(to_decimal(value, places))

        return {
            "respondents": self.respondents,
            "elements": {
                code: {"answered": self.answered[code], "mean": fig(self.means[code])} for code in CODES
            },
            "ikm": fig(self.ikm, 3),
            "converted": fig(self.converted),
            "grade": self.grade.value if self.grade else None,
            "quality": self.grade.label if self.grade else None,
        }


def compute_from_sums(respondents: int, sums: Mapping[str, int], counts: Mapping[str, int]) -> IkmResult:
    """The index from per-element answer sums and counts (what a database aggregate returns)."""
    means: dict[str, Fraction | None] = {}
    for code in CODES:
        n = int(counts.get(code) or 0)
        means[code] = Fraction(int(sums.get(code) or 0), n) if n else None
    ikm = None
    if all(m is not None for m in means.values()):
        ikm = sum((m * WEIGHT for m in means.values() if m is not None), Fraction(0))
    converted = ikm * CONVERSION if ikm is not None else None
    return IkmResult(
        respondents=respondents,
        answered={code: int(counts.get(code) or 0) for code in CODES},
        means=means,
        ikm=ikm,
        converted=converted,
        grade=grade_for(converted) if converted is not None else None,
    )


def compute(responses: Iterable[Mapping[str, int | None]]) -> IkmResult:
    """The index of ``responses`` (each a mapping U1…U9 → 1–4, or None/missing when unanswered)."""
    sums = dict.fromkeys(CODES, 0)
    counts = dict.fromkeys(CODES, 0)
    respondents = 0
    for response in responses:
        respondents += 1
        for code in CODES:
            value = response.get(code)
            if value is None:
                continue
            if value not in ANSWERS or isinstance(value, bool):
                raise ValueError(f"{code}: an answer is 1, 2, 3 or 4, not {value!r}")
            sums[code] += value
            counts[code] += 1
    return compute_from_sums(respondents, sums, counts)


# -- rows from a file ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    row: int  # the row number as a spreadsheet shows it (the header is row 1)
    column: str
    message: str

    def as_json(self) -> dict[str, object]:
        return {"row": self.row, "column": self.column, "message": self.message}


def parse_answer(raw: object) -> int | None:
    """One cell: blank → None, "1"…"4" (or 1.0 from a spreadsheet) → the answer; else ValueError."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueError("bukan jawaban 1–4")
    if isinstance(raw, int | float):
        if raw != int(raw):
            raise ValueError("bukan jawaban 1–4")
        value = int(raw)
    else:
        text = str(raw).strip()
        if not text:
            return None
        if len(text) > 8 or not text.replace(".0", "", 1).isdigit():
            raise ValueError("bukan jawaban 1–4")
        value = int(text.replace(".0", "", 1))
    if value not in ANSWERS:
        raise ValueError(f"jawaban {value} di luar 1–4")
    return value


def _normal(name: object) -> str:
    return str(name or "").strip().upper()


def parse_rows(
    header: Iterable[object], rows: Iterable[Iterable[object]], *, max_rows: int = MAX_ROWS
) -> tuple[list[dict[str, int | None]], list[RowError]]:
    """Responses and the errors found, from a header naming U1…U9 (any order, other columns
    ignored) and one row per respondent. Entirely blank rows are skipped."""
    names = [_normal(h) for h in header]
    errors: list[RowError] = []
    missing = [code for code in CODES if code not in names]
    if missing:
        return [], [RowError(1, code, "kolom tidak ada") for code in missing]
    where = {code: names.index(code) for code in CODES}
    responses: list[dict[str, int | None]] = []
    for number, row in enumerate(rows, start=2):
        if number - 1 > max_rows:
            errors.append(RowError(number, "", f"lebih dari {max_rows} baris"))
            break
        cells = list(row)
        if all(c is None or not str(c).strip() for c in cells):
            continue
        response: dict[str, int | None] = {}
        for code, index in where.items():
            try:
                response[code] = parse_answer(cells[index] if index < len(cells) else None)
            except ValueError as exc:
                errors.append(RowError(number, code, str(exc)))
        if len(response) == len(CODES) and all(v is None for v in response.values()):
            errors.append(RowError(number, "", "tidak ada jawaban U1–U9"))
        responses.append(response)
    return responses, errors


# -- sample size ---------------------------------------------------------------------------------

CHI_SQUARE = Fraction(3841, 1000)  # one degree of freedom at 95 %
PROPORTION = Fraction(1, 2)
MARGIN = Fraction(5, 100)
_TABLE = Path(__file__).with_name("data") / "krejcie_morgan.csv"


@cache
def krejcie_morgan_table() -> tuple[tuple[int, int], ...]:
    """(population, sample) rows of the table, by population."""
    with _TABLE.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    rows = tuple((int(r["population"]), int(r["sample"])) for r in csv.DictReader(lines))
    return tuple(sorted(rows))


def krejcie_morgan_formula(population: int) -> Fraction:
    """χ²NP(1−P) / (d²(N−1) + χ²P(1−P)) with χ² = 3.841, P = 0.5, d = 0.05 (not rounded)."""
    if population < 1:
        raise ValueError("population must be at least 1")
    p = PROPORTION
    return CHI_SQUARE * population * p * (1 - p) / (MARGIN**2 * (population - 1) + CHI_SQUARE * p * (1 - p))


def sample_size(population: int) -> int:
    """Respondents a period needs for ``population`` service users: the table's sample for the
    smallest tabulated population at or above it, never more than everyone (384 above the last
    row)."""
    if population < 0:
        raise ValueError("population cannot be negative")
    table = krejcie_morgan_table()
    if population <= table[0][0]:
        return min(population, table[0][1])
    for tabulated, sample in table:
        if population <= tabulated:
            return min(population, sample)
    return table[-1][1]


# -- periods -------------------------------------------------------------------------------------


class PeriodKind(StrEnum):
    MONTH = "month"
    SEMESTER = "semester"
    YEAR = "year"


MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    start: date
    end: date  # the first day after the period

    @property
    def label(self) -> str:
        if self.kind is PeriodKind.MONTH:
            return f"{MONTHS[self.start.month - 1]} {self.start.year}"
        if self.kind is PeriodKind.SEMESTER:
            return f"Semester {'I' if self.start.month == 1 else 'II'} {self.start.year}"
        return f"Tahun {self.start.year}"

    @property
    def key(self) -> str:
        """``2026-03``, ``2026-S1`` or ``2026`` (what a URL or a form carries)."""
        if self.kind is PeriodKind.MONTH:
            return f"{self.start:%Y-%m}"
        if self.kind is PeriodKind.SEMESTER:
            return f"{self.start.year}-S{1 if self.start.month == 1 else 2}"
        return str(self.start.year)

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end

    def previous(self) -> Period:
        return period_containing(self.start - timedelta(days=1), self.kind)


def period_containing(day: date, kind: PeriodKind) -> Period:
    if kind is PeriodKind.MONTH:
        start = day.replace(day=1)
        end = date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)
    elif kind is PeriodKind.SEMESTER:
        first_half = day.month <= 6
        start = date(day.year, 1 if first_half else 7, 1)
        end = date(day.year, 7, 1) if first_half else date(day.year + 1, 1, 1)
    else:
        start, end = date(day.year, 1, 1), date(day.year + 1, 1, 1)
    return Period(kind, start, end)


def period_from_key(key: str) -> Period:
    """The period a key names (``2026-03``, ``2026-S1``, ``2026``); ValueError otherwise."""
    text = (key or "").strip().upper()
    if len(text) > 7:
        raise ValueError("unknown period")
    try:
        if len(text) == 4 and text.isdigit():
            return period_containing(date(int(text), 1, 1), PeriodKind.YEAR)
        year, _, rest = text.partition("-")
        if not (len(year) == 4 and year.isdigit()):
            raise ValueError("unknown period")
        if rest in ("S1", "S2"):
            return period_containing(date(int(year), 1 if rest == "S1" else 7, 1), PeriodKind.SEMESTER)
        if len(rest) == 2 and rest.isdigit():
            return period_containing(date(int(year), int(rest), 1), PeriodKind.MONTH)
    except ValueError:
        raise ValueError("unknown period") from None
    raise ValueError("unknown period")


def survey_period_kind(frequency_per: str | None, times: int | None) -> PeriodKind:
    """The survey period a standard's frequency sets: per semester (or twice a year) → semester,
    monthly → month, yearly or unstated → year (the regulation's minimum: once a year)."""
    if frequency_per == "semester" or (frequency_per == "year" and (times or 1) >= 2):
        return PeriodKind.SEMESTER
    if frequency_per == "month":
        return PeriodKind.MONTH
    return PeriodKind.YEAR
