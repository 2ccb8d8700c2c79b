"""A decree's date as written ("12 Februari 2021", "12-02-2021") → a date; None when only the month
or year is given, or when the text is no date at all. Pure Python."""

from __future__ import annotations

import datetime as dt
import re

MONTHS_ID = {
    "januari": 1,
    "februari": 2,
    "pebruari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "nopember": 11,
    "november": 11,
    "desember": 12,
}
_WORDS = re.compile(r"\b(\d{1,2})\s+([a-z]+)\s+(\d{4})\b")
_DIGITS = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
MAX_DATE_TEXT = 200


def parse_decree_date(text: str | None) -> dt.date | None:
    said = (text or "")[:MAX_DATE_TEXT].lower()
    found = _WORDS.search(said)
    if found and found.group(2) in MONTHS_ID:
        day, month, year = int(found.group(1)), MONTHS_ID[found.group(2)], int(found.group(3))
    else:
        found = _DIGITS.search(said)
        if not found:
            return None
        day, month, year = int(found.group(1)), int(found.group(2)), int(found.group(3))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None  # "31 Februari": a typo in the decree, for the reviewer to correct
