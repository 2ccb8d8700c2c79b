"""Finding the numbered list in a line follows links between markers instead of rescanning the rest
of the line from every candidate, so a line of many markers costs time linear in its length.

Checked as growth, not as a time limit: four times the line may cost at most three times the
linear four-fold (the rescanning search it replaced grew sixteen-fold), each size timed at
its fastest of several runs in the same process, so a busy machine slows both alike."""

from __future__ import annotations

import time

from pelayan.lib.importer.items import split_text

_UNIT = "a 1. b 2) c "


def _fastest(line: str, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        split_text(line)
        best = min(best, time.perf_counter() - start)
    return best


def test_four_times_the_markers_cost_about_four_times_the_time():
    # Whole units, so both lines end the same way and take the same path.
    small, large = _UNIT * 2000, _UNIT * 8000
    growth = _fastest(large) / _fastest(small)
    assert growth < 12, f"{len(large):,} characters took {growth:.1f}× the time of {len(small):,}"


def test_it_still_splits_a_numbered_list():
    pieces = split_text("1. KTP 2. KK 3. Surat pengantar")
    assert [p.text for p in pieces] == ["KTP", "KK", "Surat pengantar"]
