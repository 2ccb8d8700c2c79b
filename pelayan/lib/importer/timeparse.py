"""Every time limit and every frequency in a passage, with where it was found.

``pelayan.lib.durations.parse_duration`` reads the first limit of a clean value; a decree sentence can
hold several ("maksimal 1 (satu) hari … paling lambat 3 (tiga) hari"), so the importer scans for all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pelayan.lib.numwords import NUMBER_PATTERN, parse_number
from pelayan.lib.standard_schema import Frequency, FrequencyPer, Quantity

_UNIT = (
    r"(?P<unit>hari\s+kerja|hari\s+kalend[ae]r|hk\b|hari|menit|mnt|jam|minggu|pekan|bulan|"
    r"working\s+days?|calendar\s+days?|days?|minutes?|hours?)"
)
_NUM = rf"(?:{NUMBER_PATTERN})"
DURATION_RE = re.compile(
    rf"(?<![\w.])(?P<a>{_NUM})(?:\s*(?:x|×)\s*(?P<times>\d+))?\s*"
    rf"(?:(?P<unit_a>menit|jam|hari)\s*)?"
    rf"(?:(?:-|–|—|s\.\s?d\.?|s/d|sampai\s+dengan|sampai|hingga)\s*(?P<b>{_NUM})\s*)?"
    rf"{_UNIT}",
    re.IGNORECASE,
)
_MAX_WORDS = re.compile(
    r"(?:maksimal|maksimum|paling\s+lama|paling\s+lambat|selambat-lambatnya|selambat\s+lambatnya|"
    r"tidak\s+lebih\s+dari|max\.?)\s*$",
    re.IGNORECASE,
)
_MIN_WORDS = re.compile(r"(?:minimal|minimum|paling\s+cepat|sekurang-kurangnya|secepat-cepatnya)\s*$", re.I)


def _unit(word: str) -> tuple[str, int]:
    word = " ".join(word.lower().split())
    if word.startswith(("hari kerja", "working", "hk")):
        return "working_day", 1
    if word.startswith(("hari kal", "calendar")):
        return "calendar_day", 1
    if word.startswith(("hari", "day")):
        return "day", 1
    if word.startswith(("menit", "mnt", "minute")):
        return "minute", 1
    if word.startswith(("jam", "hour")):
        return "hour", 1
    if word in ("minggu", "pekan"):
        return "calendar_day", 7
    return "calendar_day", 30  # bulan


@dataclass
class Found:
    min: Quantity | None
    max: Quantity | None
    start: int
    end: int
    unit_as_written: str


def find_durations(text: str) -> list[Found]:
    found: list[Found] = []
    for m in DURATION_RE.finditer(text):
        a = parse_number(m.group("a"))
        if a is None:
            continue
        unit, factor = _unit(m.group("unit"))
        if m.group("times"):  # "1 x 24 jam"
            a *= int(m.group("times"))
        b = parse_number(m.group("b")) if m.group("b") else None
        before = text[max(0, m.start() - 30) : m.start()]
        low: Quantity | None = None
        high: Quantity | None = None
        if b is not None:
            low_unit = _unit(m.group("unit_a"))[0] if m.group("unit_a") else unit
            low = Quantity(value=a * factor, unit=low_unit)
            high = Quantity(value=b * factor, unit=unit)
        elif _MIN_WORDS.search(before):
            low = Quantity(value=a * factor, unit=unit)
        else:
            high = Quantity(value=a * factor, unit=unit)
        found.append(Found(low, high, m.start(), m.end(), m.group("unit")))
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
