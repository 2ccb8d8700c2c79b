"""Every time limit and every frequency in a passage.

Time limits are read by ``pelayan.lib.durations.find_durations`` (the scan behind ``parse_duration``),
so "1 jam 30 menit" is one limit of 90 minutes here as on the standard's page. A decree sentence can
hold several ("maksimal 1 (satu) hari … paling lambat 3 (tiga) hari"), so the importer takes them all.
What decrees add is read here: "minggu"/"pekan" and "bulan" become calendar days (7 and 30), "mnt" is
a minute, and a limit after "minimal"/"paling cepat" is a lower bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pelayan.lib import durations
from pelayan.lib.numwords import NUMBER_PATTERN, parse_number
from pelayan.lib.standard_schema import DurationUnit, Frequency, FrequencyPer, Quantity

_NUM = rf"(?:{NUMBER_PATTERN})"
# Words decrees use that durations.py does not read: weeks and months are not units the clock counts
# in, so a decree's "2 minggu" is 14 calendar days; "mnt" is a minute.
_DECREE_UNIT_RE = re.compile(
    rf"(?<![\w.])(?P<a>{_NUM})\s*(?:(?:-|–|—|s\.\s?d\.?|s/d|sampai\s+dengan|sampai|hingga)\s*(?P<b>{_NUM})\s*)?"
    r"(?P<unit>minggu|pekan|bulan|mnt)\b",
    re.IGNORECASE,
)
_DECREE_UNITS = {"minggu": (7, "calendar_day"), "pekan": (7, "calendar_day"), "bulan": (30, "calendar_day")}
_MIN_WORDS = re.compile(r"(?:minimal|minimum|paling\s+cepat|sekurang-kurangnya|secepat-cepatnya)\s*$", re.I)


@dataclass
class Found:
    min: Quantity | None
    max: Quantity | None


def _quantity(value: int, unit: str) -> Quantity:
    return Quantity(value=value, unit=DurationUnit(unit))


def find_durations(text: str) -> list[Found]:
    spans: list[tuple[int, int, Quantity | None, Quantity]] = []
    for item in durations.find_durations(text):
        d = item.duration
        low = _quantity(d.minimum.value, d.minimum.unit) if d.minimum is not None else None
        spans.append((item.start, item.end, low, _quantity(d.value, d.unit)))
    for m in _DECREE_UNIT_RE.finditer(text):
        if any(start < m.end() and m.start() < end for start, end, _, _ in spans):
            continue
        a = parse_number(m.group("a"))
        b = parse_number(m.group("b")) if m.group("b") else None
        if a is None:
            continue
        factor, unit = _DECREE_UNITS.get(m.group("unit").lower(), (1, "minute"))
        high = _quantity((a if b is None else b) * factor, unit)
        low = None if b is None else _quantity(a * factor, unit)
        spans.append((m.start(), m.end(), low, high))
    found: list[Found] = []
    for start, _end, low, high in sorted(spans, key=lambda span: span[0]):
        if low is None and _MIN_WORDS.search(text[max(0, start - 30) : start]):
            found.append(Found(high, None))
        else:
            found.append(Found(low, high))
    return found


_PER = {
    "hari": FrequencyPer.DAY,
    "minggu": FrequencyPer.WEEK,
    "pekan": FrequencyPer.WEEK,
    "bulan": FrequencyPer.MONTH,
    "semester": FrequencyPer.SEMESTER,
    "tahun": FrequencyPer.YEAR,
    "triwulan": FrequencyPer.YEAR,
    "caturwulan": FrequencyPer.YEAR,
}
_PERIOD = r"(?P<per>hari|minggu|pekan|bulan|semester|tahun|triwulan|caturwulan)"
_TIMES_RE = re.compile(
    rf"(?P<min>minimal|paling\s+sedikit|sekurang-kurangnya|minimum)?\s*(?P<n>{_NUM})\s*(?:x|kali)\s*"
    rf"(?:dalam|per|setiap|tiap|dalam\s+satu|se)?\s*(?P<m>{_NUM})?\s*{_PERIOD}",
    re.IGNORECASE,
)
_EVERY_RE = re.compile(rf"\b(?:setiap|tiap|tiap-tiap|per)\s+(?P<m>{_NUM})?\s*{_PERIOD}\b", re.IGNORECASE)
_ONCE_RE = re.compile(
    r"\b(?P<per>sehari|seminggu|sebulan|setahun|sesemester)\s+(?:sekali|satu\s+kali|1\s+kali)\b", re.I
)
_EVERY_SINGLE_RE = re.compile(r"\b(?P<per>harian|mingguan|bulanan|tahunan|semesteran|triwulanan)\b", re.I)
_CASE_RE = re.compile(
    r"\b(?:setelah|sesudah|setiap)\s+(?:selesai(?:nya)?\s+)?(?:proses\s+)?(?:pengaduan|pelayanan|layanan|kasus)\b"
    r"(?:\s+selesai)?",
    re.IGNORECASE,
)


def _frequency(times: int, per: str, months: int | None, minimum: bool) -> Frequency | None:
    unit = _PER[per.lower()]
    if per.lower() == "triwulan":
        times, months = times * 4, None
    elif per.lower() == "caturwulan":
        times, months = times * 3, None
    if months and months > 1:
        if unit is FrequencyPer.MONTH and months == 6:
            unit, months = FrequencyPer.SEMESTER, None
        elif unit is FrequencyPer.MONTH and 12 % months == 0:
            times, unit = times * (12 // months), FrequencyPer.YEAR
        else:
            return None
    if times < 1:
        return None
    return Frequency(times=times, per=unit, minimum=minimum)


def find_frequency(text: str) -> Frequency | None:
    m = _TIMES_RE.search(text)
    if m:
        n = parse_number(m.group("n"))
        months = parse_number(m.group("m")) if m.group("m") else None
        if n:
            return _frequency(n, m.group("per"), months, bool(m.group("min")))
    m = _EVERY_RE.search(text)
    if m:
        months = parse_number(m.group("m")) if m.group("m") else None
        return _frequency(1, m.group("per"), months, False)
    m = _ONCE_RE.search(text)
    if m:
        return _frequency(1, m.group("per")[2:], None, False)
    m = _EVERY_SINGLE_RE.search(text)
    if m:
        word = m.group("per").lower()
        per = {"harian": "hari", "mingguan": "minggu", "bulanan": "bulan", "tahunan": "tahun"}.get(word)
        per = per or ("semester" if word.startswith("semester") else "triwulan")
        return _frequency(1, per, None, False)
    if _CASE_RE.search(text):
        return Frequency(times=1, per=FrequencyPer.CASE)
    return None
