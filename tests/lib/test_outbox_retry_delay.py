from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelayan.lib.outbox import phone_e164, retry_delay


def test_the_wait_doubles_from_the_base():
    waits = [retry_delay(n, base_seconds=60, cap_seconds=3600) for n in range(1, 8)]
    assert [w.total_seconds() for w in waits] == [60, 120, 240, 480, 960, 1920, 3600]


@given(st.integers(min_value=1, max_value=10_000), st.integers(min_value=1, max_value=1000))
def test_the_wait_never_passes_the_cap_and_never_shrinks(attempt, base):
    cap = base * 50
    now = retry_delay(attempt, base_seconds=base, cap_seconds=cap)
    later = retry_delay(attempt + 1, base_seconds=base, cap_seconds=cap)
    assert timedelta(seconds=base) <= now <= later <= timedelta(seconds=cap)


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        retry_delay(0, base_seconds=60, cap_seconds=60)
    with pytest.raises(ValueError):
        retry_delay(1, base_seconds=60, cap_seconds=30)


@pytest.mark.parametrize("typed", ["0812-3456-7890", "62 812 3456 7890", "+6281234567890", "(0812) 34567890"])
def test_one_form_of_a_number_however_typed(typed):
    assert phone_e164(typed) == "+6281234567890"
