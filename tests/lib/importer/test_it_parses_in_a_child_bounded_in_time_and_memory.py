"""The bounded parse: the same results as in-process, and a clear message when time or memory runs out."""

from __future__ import annotations

import time

import pytest

from pelayan.lib.importer import LimitExceededError, NotAStandardError, parse_services
from pelayan.lib.importer.limits import Limits
from pelayan.lib.importer.sandbox import parse_services_bounded
from tests.lib.importer import abuse, corpus


def test_it_returns_the_same_results_as_parsing_in_process():
    data, name = corpus.text_multi_service()
    inline = parse_services(data, name)
    bounded = parse_services_bounded(data, name)
    assert [r.to_json() for r in bounded] == [r.to_json() for r in inline]
    assert [r.label_lines for r in bounded] == [r.label_lines for r in inline]
    assert bounded[0].source_text == inline[0].source_text


def test_it_brings_back_the_error_of_the_child_with_its_class_and_message():
    data, name = abuse.unclosed_tags()
    with pytest.raises(NotAStandardError, match="bukan Standar Pelayanan"):
        parse_services_bounded(data, name)


def test_it_stops_a_parse_that_runs_past_its_time_limit():
    data, name = corpus.text_multi_service()
    start = time.perf_counter()
    # Starting the interpreter alone takes longer than this.
    with pytest.raises(LimitExceededError, match=r"waktu baca dokumen melebihi batas 0,05 detik") as caught:
        parse_services_bounded(data, name, Limits(timeout_seconds=0.05))
    assert caught.value.limit == "PARSE_TIMEOUT_SECONDS"
    assert time.perf_counter() - start < 1.0


def test_it_stops_a_parse_that_needs_more_memory_than_its_limit():
    data, name = corpus.text_multi_service()
    # 40 MB of address space is not enough to import the parser: the child fails, not the caller.
    with pytest.raises(LimitExceededError, match=r"\[PARSE_MEMORY_MB\]"):
        parse_services_bounded(data, name, Limits(memory_mb=40))


def test_it_refuses_an_oversized_file_without_starting_a_child():
    data, name = abuse.oversized()
    start = time.perf_counter()
    with pytest.raises(LimitExceededError, match="MAX_INPUT_BYTES"):
        parse_services_bounded(data, name)
    assert time.perf_counter() - start < 0.2
