"""Number words as decrees write them, table-based and property-based."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelayan.lib.numwords import find_numbers, parse_number

UNITS = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def spell(n: int) -> str:
    """Indonesian words for 0 < n < 1,000,000, written independently of the parser."""
    if n >= 1000:
        head, rest = divmod(n, 1000)
        words = "seribu" if head == 1 else f"{spell(head)} ribu"
        return f"{words} {spell(rest)}".strip() if rest else words
    if n >= 100:
        head, rest = divmod(n, 100)
        words = "seratus" if head == 1 else f"{UNITS[head]} ratus"
        return f"{words} {spell(rest)}".strip() if rest else words
    if n >= 20:
        tens, rest = divmod(n, 10)
        return f"{UNITS[tens]} puluh {UNITS[rest]}".strip()
    if n >= 12:
        return f"{UNITS[n - 10]} belas"
    if n >= 10:
        return "sepuluh" if n == 10 else "sebelas"
    return UNITS[n]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("enam puluh", 60),
        ("1 (satu)", 1),
        ("60 (enam puluh)", 60),
        ("15", 15),
        ("empat belas", 14),
        ("sebelas", 11),
        ("seratus dua puluh lima", 125),
        ("1.000", 1000),
        ("dua ribu dua puluh", 2020),
    ],
)
def test_it_reads_numbers_as_written(text, value):
    assert parse_number(text) == value


@given(st.integers(min_value=1, max_value=999_999))
def test_any_number_spelt_in_words_reads_back(n):
    assert parse_number(spell(n)) == n


@given(st.integers(min_value=1, max_value=999))
def test_digits_with_words_in_brackets_read_as_the_digits(n):
    assert parse_number(f"{n} ({spell(n)})") == n
    assert [v for v, _, _ in find_numbers(f"selama {n} ({spell(n)}) hari")] == [n]
