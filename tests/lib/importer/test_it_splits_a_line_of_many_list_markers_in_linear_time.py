"""Finding the numbered list in a line follows links between markers instead of rescanning the rest
of the line from every candidate, so a line of many markers costs time linear in its length."""

from __future__ import annotations

import time

from pelayan.lib.importer.items import split_text


def test_it_splits_a_line_of_thirteen_thousand_markers_within_a_second():
    # 80,000 characters: about 0.1 s here, against more than 3 s for the search it replaced.
    line = ("a 1. b 2) c " * 7000)[:80_000]
    start = time.perf_counter()
    split_text(line)
    assert time.perf_counter() - start < 1.0


def test_it_still_splits_a_numbered_list():
    pieces = split_text("1. KTP 2. KK 3. Surat pengantar")
    assert [p.text for p in pieces] == ["KTP", "KK", "Surat pengantar"]
