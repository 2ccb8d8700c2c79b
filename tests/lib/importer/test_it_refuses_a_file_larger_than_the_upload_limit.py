"""The size of the file is checked first, before any decoding."""

from __future__ import annotations

import time

import pytest

from pelayan.lib.importer import LimitExceededError, parse_services
from tests.lib.importer import abuse


def test_it_refuses_a_file_larger_than_the_upload_limit():
    data, name = abuse.oversized()  # 50 MB
    start = time.perf_counter()
    with pytest.raises(LimitExceededError, match=r"ukuran berkas melebihi batas 10 MB \[MAX_INPUT_BYTES\]"):
        parse_services(data, name)
    assert time.perf_counter() - start < 0.5
