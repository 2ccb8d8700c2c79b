"""Indonesian numbers as written in decrees: digits, words, or both ("1 (satu)").

Pure Python, no Django. Shared by the duration parser (calendars) and the document importer.
"""

from __future__ import annotations

import re

_UNITS: dict[str, int] = {
    "nol": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
_SMALL_MULTIPLIERS: dict[str, int] = {"puluh": 10, "ratus": 100}
_LARGE_MULTIPLIERS: dict[str, int] = {"ribu": 1000, "juta": 1_000_000}
# "sepuluh", "sebelas", "seratus", "seribu", "sejuta": the prefix "se" means one.
_SE_PREFIXED = ("belas", "puluh", "ratus", "ribu", "juta")

WORD_PATTERN = (
    r"(?:(?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu"
    r"|sejuta|belas|puluh|ratus|ribu|juta)\b\s*)+"
)
_WORDS_RE = re.compile(rf"\b{WORD_PATTERN}", re.IGNORECASE)
# "1 (satu)", "15", "1.000", "enam puluh", "60 (enam puluh)"
NUMBER_PATTERN = rf"(?:\d{{1,3}}(?:\.\d{{3}})+|\d+)(?:\s*\(\s*{WORD_PATTERN}\s*\))?|{WORD_PATTERN}"
NUMBER_RE = re.compile(rf"(?<![\w.])(?:{NUMBER_PATTERN})", re.IGNORECASE)


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for token in re.findall(r"[a-z]+", text.lower()):
        if token.startswith("se") and token[2:] in _SE_PREFIXED:
            tokens.extend(["satu", token[2:]])
        elif token == "se":
            tokens.append("satu")
        else:
            tokens.append(token)
    return tokens


def words_to_int(text: str) -> int | None:
    """'enam puluh' -> 60, 'dua belas' -> 12, 'seratus dua puluh lima' -> 125; None if not a number."""
    tokens = _tokens(text)
    if not tokens:
        return None
    total = 0  # completed thousands/millions
    current = 0  # below one thousand
    last = None  # the digit a following multiplier applies to
    for token in tokens:
        if token in _UNITS:
            if last is not None:
                return None  # "dua tiga" is two numbers, not one
            last = _UNITS[token]
        elif token == "belas":
            if last is None:
                return None
            current += 10 + last
            last = None
        elif token in _SMALL_MULTIPLIERS:
            if last is None:
                return None
            current += last * _SMALL_MULTIPLIERS[token]
            last = None
        elif token in _LARGE_MULTIPLIERS:
            current += last or 0
            if current == 0:
                return None
            total += current * _LARGE_MULTIPLIERS[token]
            current, last = 0, None
        else:
            return None
    return total + current + (last or 0)


def parse_number(text: str) -> int | None:
    """Parse one number as written: '15', '1 (satu)', '1.000', 'enam puluh', '60 (enam puluh)'.

    When digits and words disagree the digits win, because the digits are what readers check first.
    """
    text = text.strip()
    match = re.fullmatch(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:\s*\(([^)]*)\))?", text)
    if match:
        return int(match.group(1).replace(".", ""))
    return words_to_int(text)


def find_numbers(text: str) -> list[tuple[int, int, int]]:
    """Every number in ``text`` as ``(value, start, end)`` in order of appearance."""
    found: list[tuple[int, int, int]] = []
    for match in NUMBER_RE.finditer(text):
        value = parse_number(match.group(0))
        if value is not None:
            found.append((value, match.start(), match.end()))
    return found
