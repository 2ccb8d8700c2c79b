"""Lines, characters and line length are capped for every format, counted before the work."""

from __future__ import annotations

import time

import pytest

from pelayan.lib.importer import LimitExceededError, parse_services
from pelayan.lib.importer.limits import Limits
from tests.lib.importer import abuse


def test_it_refuses_a_text_of_a_million_lines():
    data, name = abuse.million_lines()  # 5 MB
    start = time.perf_counter()
    with pytest.raises(LimitExceededError, match=r"jumlah baris teks melebihi batas 20\.000 \[MAX_LINES\]"):
        parse_services(data, name)
    assert time.perf_counter() - start < 0.5


def test_it_counts_lines_that_html_tags_make():
    data = b"<p>Persyaratan</p>" * 30
    with pytest.raises(LimitExceededError, match="MAX_LINES"):
        parse_services(data, "baris.html", Limits(max_lines=25))


def test_it_refuses_a_text_of_too_many_characters():
    with pytest.raises(LimitExceededError, match="MAX_TEXT_CHARS"):
        parse_services(b"Persyaratan " * 100, "panjang.txt", Limits(max_text_chars=1000))


def test_it_refuses_a_line_longer_than_the_limit():
    data = b"Persyaratan\n" + b"*a " * 5000
    with pytest.raises(LimitExceededError, match=r"\[MAX_LINE_CHARS\]"):
        parse_services(data, "satu-baris.txt")
