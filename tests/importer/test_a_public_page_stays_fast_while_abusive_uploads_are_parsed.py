"""Parsing waits on a child process, not on the interpreter lock: public pages keep answering."""

from __future__ import annotations

import contextlib
import threading
import time

import pytest
from django.urls import reverse

from pelayan.lib.importer import DocumentError
from pelayan.lib.importer.sandbox import parse_services_bounded
from tests.lib.importer import abuse

CASES = [
    "unclosed_tags",
    "repeated_script",
    "docx_bomb",
    "docx_entity_bomb",
    "pdf_shared_stream",
    "million_lines",
]


@pytest.mark.django_db
def test_a_public_page_answers_within_a_second_while_abusive_uploads_are_parsed(client, agency):
    files = [abuse.ALL[case]() for case in CASES]
    done = threading.Event()
    parsed: list[str] = []

    def parse_all() -> None:
        try:
            for data, name in files:
                with contextlib.suppress(DocumentError):
                    parse_services_bounded(data, name)
                parsed.append(name)
        finally:
            done.set()

    # The first request compiles templates and fills caches; what is measured is the page as served
    # while the parse runs.
    assert client.get(reverse("public:home")).status_code == 200
    worker = threading.Thread(target=parse_all)
    worker.start()
    timings = []
    while not done.is_set():
        start = time.perf_counter()
        response = client.get(reverse("public:home"))
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200
    worker.join()
    assert len(parsed) == len(CASES)
    assert timings, "the public page was never requested while parsing"
    assert max(timings) < 1.0
