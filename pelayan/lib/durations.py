"""Time limits as written in a Standar Pelayanan, parsed into a value and a unit.

Pure Python, no Django. Accepts the shapes decrees use ("15 menit", "maksimal 1 (satu) jam",
"paling lambat 3 (tiga) hari", "selambat-lambatnya 60 hari kerja", "1 – 60 hari kerja",
"14 hari kalender", "1 x 24 jam", "1 jam 30 menit") and the English equivalents. Numbers are read
with :mod:`pelayan.lib.numwords`, the same module the document importer uses.

Unit semantics (docs/time-limits.md): "menit" is a minute and "jam" an hour of office time,
"hari kerja" a working day, plain "hari" a day that the clock counts as a working day, and
"hari kalender" a calendar day.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pelayan.lib.numwords import NUMBER_PATTERN, WORD_PATTERN, parse_number
from pelayan.lib.standard_schema import DurationUnit

__all__ = [
    "Duration",
    "DurationError",
    "FoundDuration",
    "NoNumberError",
    "Unit",
    "UnknownTierError",
    "UnknownUnitError",
    "find_durations",
    "parse_duration",
    "parse_tiers",
    "pick_tier",
]


class DurationError(ValueError):
    """The text does not describe a time limit we can count."""


class NoNumberError(DurationError):
    pass


class UnknownUnitError(DurationError):
    pass


class UnknownTierError(DurationError, KeyError):
    pass


# One set of units for the schema, the parser and the clock.
Unit = DurationUnit

_SECONDS = {Unit.MINUTE: 60, Unit.HOUR: 3600}


@dataclass(frozen=True)
class Duration:
    """``value`` of ``unit``; for a range, ``value`` is the maximum (the deadline) and ``minimum``
    the lower bound, kept for display."""

    value: int
    unit: Unit
    minimum: Duration | None = None

    def __post_init__(self) -> None:
        if self.value < 0:
            raise DurationError("a time limit cannot be negative")

    @property
    def max_value(self) -> int:
        return self.value

    @property
    def min_value(self) -> int:
        return self.minimum.value if self.minimum is not None else self.value

    @property
    def is_range(self) -> bool:
        return self.minimum is not None

    @property
    def seconds(self) -> int | None:
        """Office-time seconds for minute and hour limits; None for days."""
        factor = _SECONDS.get(self.unit)
        return None if factor is None else self.value * factor

    @property
    def counted_as_working_days(self) -> bool:
        return self.unit in (Unit.DAY, Unit.WORKING_DAY)

    def label(self) -> str:
        """Indonesian text: "5 hari kerja", "1–60 hari kerja", "30 menit – 2 jam"."""
        if self.minimum is None:
            return f"{self.value} {self.unit.label_id}"
        if self.minimum.unit == self.unit:
            return f"{self.minimum.value}–{self.value} {self.unit.label_id}"
        return f"{self.minimum.label()} – {self.value} {self.unit.label_id}"

    def note(self) -> str:
        """What a reader of the standard's page must be told about how this limit is counted."""
        if self.unit is Unit.DAY:
            return "Dihitung dalam hari kerja (tidak termasuk hari libur dan cuti bersama)."
        if self.unit is Unit.CALENDAR_DAY:
            return "Dihitung dalam hari kalender, berakhir pukul 23.59.59 waktu setempat."
        if self.unit is Unit.WORKING_DAY:
            return "Berakhir pada jam tutup layanan di hari kerja terakhir."
        return "Dihitung hanya dalam jam layanan."

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"value": self.value, "unit": self.unit.value}
        if self.minimum is not None:
            data["min"] = self.minimum.as_dict()
        return data

    @classmethod
    def from_quantities(cls, maximum: Any, minimum: Any = None) -> Duration:
        """From objects with ``value`` and ``unit`` (``standard_schema.Quantity`` of a ``TimeLimit``
        or ``ComplaintTier``): the maximum is the deadline, a different minimum is kept."""
        high = cls(int(maximum.value), Unit(str(getattr(maximum.unit, "value", maximum.unit))))
        if minimum is None:
            return high
        low = cls(int(minimum.value), Unit(str(getattr(minimum.unit, "value", minimum.unit))))
        return high if low == high else cls(high.value, high.unit, minimum=low)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Duration:
        minimum = data.get("min")
        return cls(
            value=int(data["value"]),  # type: ignore[call-overload]
            unit=Unit(str(data["unit"])),
            minimum=cls.from_dict(minimum) if isinstance(minimum, Mapping) else None,
        )


# Longest alternatives first so "hari kerja" wins over "hari".
_UNIT_WORDS: tuple[tuple[str, Unit], ...] = (
    (r"hari\s+kerja", Unit.WORKING_DAY),
    (r"hari\s+kalend[ae]r", Unit.CALENDAR_DAY),
    (r"hk", Unit.WORKING_DAY),
    (r"(?:working|business)\s+days?", Unit.WORKING_DAY),
    (r"calendar\s+days?", Unit.CALENDAR_DAY),
    (r"hari", Unit.DAY),
    (r"days?", Unit.DAY),
    (r"menit|minutes?|mins?", Unit.MINUTE),
    (r"jam|hours?|hrs?", Unit.HOUR),
)
_UNIT_RE = re.compile(
    r"\s*(?:" + "|".join(f"(?P<u{i}>{pattern})" for i, (pattern, _) in enumerate(_UNIT_WORDS)) + r")\b",
    re.IGNORECASE,
)
_NUMBER_AT = re.compile(rf"\s*(?P<number>{NUMBER_PATTERN})", re.IGNORECASE)
_NUMBER_ANYWHERE = re.compile(rf"(?<![\w.])(?:{NUMBER_PATTERN})", re.IGNORECASE)
# "1 x 24 jam", "3 kali 24 jam"
_TIMES_RE = re.compile(r"\s*(?:x|×|kali)(?=\s|\d)", re.IGNORECASE)
# "1 – 60", "1 s.d. 60", "1 s/d 60", "1 sampai dengan 60", "antara 1 dan 60", "1 to 60"
_RANGE_RE = re.compile(
    r"\s*(?:-|–|—|s\.\s?d\.?|s/d|sd|sampai\s+dengan|sampai|hingga|dan|atau|to|until|or)(?=\s|\d)",
    re.IGNORECASE,
)
_COMPOUND_RE = re.compile(r"\s*(?:dan|and|,)?", re.IGNORECASE)
_WORD_RE = re.compile(r"\s*([^\s\d()]+)")


def _quote(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."


def _number_at(text: str, pos: int) -> tuple[int, int] | None:
    """A number starting at ``pos`` (after spaces) and "x N" factors after it: (value, end)."""
    match = _NUMBER_AT.match(text, pos)
    if match is None:
        return None
    value = parse_number(match.group("number"))
    if value is None:
        return None
    end = match.end()
    times = _TIMES_RE.match(text, end)
    if times:
        factor = _number_at(text, times.end())
        if factor is not None:
            return value * factor[0], factor[1]
    return value, end


def _unit_at(text: str, pos: int) -> tuple[Unit, int] | None:
    match = _UNIT_RE.match(text, pos)
    if match is None:
        return None
    index = int(match.lastgroup[1:])  # type: ignore[index]
    return _UNIT_WORDS[index][1], match.end()


def _quantity_at(text: str, pos: int) -> tuple[Duration, int] | None:
    """ "1 jam", "1 jam 30 menit", "1 x 24 jam" at ``pos``; None when no unit follows the number."""
    number = _number_at(text, pos)
    if number is None:
        return None
    value, end = number
    unit = _unit_at(text, end)
    if unit is None:
        return None
    duration = Duration(value, unit[0])
    end = unit[1]
    if duration.unit is Unit.HOUR:
        # "1 jam 30 menit" is 90 minutes of office time.
        joiner = _COMPOUND_RE.match(text, end)
        rest = _number_at(text, joiner.end() if joiner else end)
        if rest is not None:
            rest_unit = _unit_at(text, rest[1])
            if rest_unit is not None and rest_unit[0] is Unit.MINUTE:
                return Duration(value * 60 + rest[0], Unit.MINUTE), rest_unit[1]
    return duration, end


def _to_minutes(duration: Duration) -> Duration:
    return Duration(duration.value * 60, Unit.MINUTE) if duration.unit is Unit.HOUR else duration


def _range(low: Duration, high: Duration, text: str) -> Duration:
    if low.unit != high.unit and {low.unit, high.unit} == {Unit.MINUTE, Unit.HOUR}:
        low_minutes, high_minutes = _to_minutes(low), _to_minutes(high)
        if low_minutes.value > high_minutes.value:
            raise DurationError(f"the range in {_quote(text)!r} runs backwards")
        return Duration(high.value, high.unit, minimum=low)
    if low.unit == high.unit and low.value > high.value:
        raise DurationError(f"the range in {_quote(text)!r} runs backwards")
    if low.value == high.value and low.unit == high.unit:
        return high
    return Duration(high.value, high.unit, minimum=low)


def _duration_at(text: str, pos: int) -> tuple[Duration, int] | None:
    """A limit or a range starting with the number at ``pos``: (duration, end); None when no unit follows.

    Raises :class:`DurationError` for a range that runs backwards."""
    quantity = _quantity_at(text, pos)
    if quantity is not None:
        low, end = quantity
        # "1 jam – 2 hari", "1 jam sampai 2 jam"
        separator = _RANGE_RE.match(text, end)
        if separator:
            high = _quantity_at(text, separator.end())
            if high is not None:
                return _range(low, high[0], text), high[1]
        return low, end
    number = _number_at(text, pos)
    if number is None:
        return None
    separator = _RANGE_RE.match(text, number[1])
    if separator:
        high = _quantity_at(text, separator.end())
        if high is not None:
            return _range(Duration(number[0], high[0].unit), high[0], text), high[1]
    return None


def parse_duration(text: str) -> Duration:
    """Read the first time limit in ``text``.

    Raises :class:`NoNumberError` when there is no number, :class:`UnknownUnitError` when the number
    is not followed by a unit we count in (e.g. "bulan"), both subclasses of ``ValueError``.
    """
    if not isinstance(text, str) or not text.strip():
        raise NoNumberError("the time limit is empty")
    text = " ".join(text.split())
    first_unknown: tuple[int, int] | None = None
    for match in _NUMBER_ANYWHERE.finditer(text):
        found = _duration_at(text, match.start())
        if found is not None:
            return found[0]
        if first_unknown is None:
            first_unknown = _number_at(text, match.start())
    if first_unknown is None:
        raise NoNumberError(f"no number in the time limit {_quote(text)!r}")
    word = _WORD_RE.match(text, first_unknown[1])
    unit = f"'{word.group(1)}'" if word else "nothing"
    raise UnknownUnitError(
        f"unknown time unit {unit} after the number in {_quote(text)!r}; "
        "expected menit, jam, hari, hari kerja or hari kalender"
    )


@dataclass(frozen=True)
class FoundDuration:
    """A limit found in running text, with where it was written (``text[start:end]``)."""

    duration: Duration
    start: int
    end: int


def find_durations(text: str) -> list[FoundDuration]:
    """Every time limit in ``text``, in order: the scan behind :func:`parse_duration`, not stopping at
    the first. A number without a unit we count in is passed over; a range that runs backwards is
    read as its two ends."""
    found: list[FoundDuration] = []
    pos = 0
    for match in _NUMBER_ANYWHERE.finditer(text):
        if match.start() < pos:
            continue  # part of the limit just read ("1 jam 30 menit", "1 x 24 jam")
        try:
            at = _duration_at(text, match.start())
        except DurationError:
            at = _quantity_at(text, match.start())
        if at is not None:
            found.append(FoundDuration(at[0], match.start(), at[1]))
            pos = at[1]
    return found


_TIER_SPLIT_RE = re.compile(r"\s*(?:/|;|\n|\|)\s*")
_TIER_NAME_RE = re.compile(rf"\s*(?P<name>[^\d:=]+?)\s*[:=\-–]?\s*(?=\d|\b{WORD_PATTERN})", re.IGNORECASE)


def _tier_key(name: str) -> str:
    return "_".join(re.findall(r"[a-z0-9]+", name.lower()))


def parse_tiers(text: str) -> dict[str, Duration]:
    """ "ringan 3 jam / normatif 5 hari kerja / ..." -> {"ringan": 3 jam, "normatif": 5 hari kerja, ...}.

    Tier names become lower-case keys with underscores ("tidak berkadar pengawasan" ->
    "tidak_berkadar_pengawasan").
    """
    tiers: dict[str, Duration] = {}
    for part in _TIER_SPLIT_RE.split(text.strip()):
        if not part:
            continue
        match = _TIER_NAME_RE.match(part)
        if match is None:
            raise DurationError(f"no tier name before the time limit in {_quote(part)!r}")
        key = _tier_key(match.group("name"))
        if not key:
            raise DurationError(f"no tier name before the time limit in {_quote(part)!r}")
        if key in tiers:
            raise DurationError(f"the tier {key!r} appears twice")
        tiers[key] = parse_duration(part[match.end() :])
    if not tiers:
        raise DurationError("the tier table is empty")
    return tiers


def pick_tier(tiers: Mapping[str, Duration], tier: str) -> Duration:
    """The limit for a case's tier; a tier the table does not name is an error, never a guess."""
    key = _tier_key(tier)
    try:
        return tiers[key]
    except KeyError:
        known = ", ".join(sorted(tiers))
        raise UnknownTierError(f"tier {tier!r} is not in the table ({known})") from None
