"""The report reads the median and 90th percentile from a histogram of seconds taken; for any
list of times that equals the nearest-rank percentile of the list itself."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from surveys.selectors import _rank, percentile


def nearest_rank(values, p):
    """The smallest value with at least p of the values at or below it, in integers (p in tenths)."""
    tenths = round(p * 10)
    ordered = sorted(values)
    rank = -(-tenths * len(ordered) // 10)
    return ordered[rank - 1]


@given(
    st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=300), st.sampled_from([0.5, 0.9])
)
def test_histogram_ranks_equal_the_ranks_of_the_list(values, p):
    histogram = sorted(Counter(values).items())
    assert _rank(histogram, len(values), p) == nearest_rank(values, p) == percentile(values, p)


def test_no_values_no_percentile():
    assert _rank([], 0, 0.5) is None
    assert percentile([], 0.9) is None


def test_the_90th_percentile_of_seventy_values_is_the_63rd():
    values = list(range(1, 71))
    assert percentile(values, 0.9) == 63  # 0.9 × 70 in floating point is 63.000…01
