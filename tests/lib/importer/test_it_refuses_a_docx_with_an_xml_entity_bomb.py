"""Entity declarations in a Word body can only be an expansion attack: refused before parsing."""

from __future__ import annotations

import time

import pytest

from pelayan.lib.importer import NotADocumentError, parse_services
from tests.lib.importer import abuse


def test_it_refuses_a_docx_whose_xml_declares_entities():
    data, name = abuse.docx_entity_bomb()  # a billion "lol"s once expanded
    start = time.perf_counter()
    with pytest.raises(NotADocumentError, match="deklarasi DTD/entitas"):
        parse_services(data, name)
    assert time.perf_counter() - start < 1.0
