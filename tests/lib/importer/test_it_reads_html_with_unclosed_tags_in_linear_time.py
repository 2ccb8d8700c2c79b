"""HTML is read by one forward scan: repeated unclosed tags cost linear time, not quadratic."""

from __future__ import annotations

import time

import pytest

from pelayan.lib.importer import NotAStandardError, parse_services
from pelayan.lib.importer.readers import html_to_text
from tests.lib.importer import abuse, corpus


@pytest.mark.parametrize("build", [abuse.unclosed_tags, abuse.repeated_script])
def test_it_answers_a_page_of_repeated_unclosed_tags_within_a_second(build):
    data, name = build()  # 270 KB: the lazy regexes took 33 s on this
    start = time.perf_counter()
    with pytest.raises(NotAStandardError):
        parse_services(data, name)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    "unit", ["<a ", "<!--", "</", "<?", "<pre>", "<a b='", "<![CDATA[", "```mermaid\ngraph LR\n"]
)
def test_it_scans_each_unclosed_construct_once(unit):
    # html.parser in the standard library needs minutes for 40,000 of some of these.
    text = "graph LR\n" + unit * 40_000
    start = time.perf_counter()
    html_to_text(text)
    assert time.perf_counter() - start < 0.5


def test_it_keeps_blocks_cells_and_text_and_drops_scripts_styles_and_comments():
    text = (
        "<html><head><title>judul</title><style>p{}</style></head><body>"
        "<h1>Standar</h1><!-- catatan --><p>Satu &amp; dua</p><script>alert(1)</script>"
        "<table><tr><td>1</td><td>Persyaratan</td></tr></table>a < b, <5 hari<br/>akhir</body></html>"
    )
    out = html_to_text(text)
    assert [line for line in out.split("\n") if line.strip()] == [
        "Standar",
        "Satu &amp; dua",
        "\t1\tPersyaratan",
        "a < b, <5 hari",
        "akhir",
    ]
    assert "alert" not in out and "judul" not in out and "catatan" not in out


def test_it_still_reads_the_html_corpus_document():
    data, name = corpus.html_rsud()
    assert len(parse_services(data, name)[0].found) >= 10
