"""The parsed components kept for the preview have a size limit too."""

from __future__ import annotations

import pytest

from pelayan.lib.importer import LimitExceededError, parse_services
from pelayan.lib.importer.limits import Limits
from tests.lib.importer import corpus


def test_it_refuses_components_larger_than_the_limit():
    data, name = corpus.text_multi_service()
    with pytest.raises(LimitExceededError, match=r"ukuran komponen hasil baca .*\[MAX_COMPONENTS_BYTES\]"):
        parse_services(data, name, Limits(max_components_bytes=1000))


def test_it_accepts_the_same_document_under_the_default_limit():
    data, name = corpus.text_multi_service()
    assert len(parse_services(data, name)) == 3
