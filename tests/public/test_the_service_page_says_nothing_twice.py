"""A service page says each thing once: the summary is short, a flowchart box names its step (the
full wording is in the step list), and a competence or a regulation is not repeated by its details."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from standards.models import Standard
from tests.public.test_demo_service_pages import DEMO_FACTS

LONG = 40  # a paragraph longer than this, shown twice, is a repetition and not a coincidence
# Elements whose text reads as one paragraph; text in inline elements (a, strong, em, tspan) belongs
# to the paragraph around it. A span is a paragraph of its own: a step's text sits in one beside
# its actor's name.
BLOCKS = frozenset(
    [
        "main",
        "section",
        "div",
        "details",
        "summary",
        "figure",
        "figcaption",
        "p",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "table",
        "tr",
        "td",
        "th",
        "nav",
        "span",
        "svg",
        "g",
        "text",
        "title",
        "defs",
        "marker",
    ]
)
NUMBERED = re.compile(r"^\d+\.\s+")  # a flowchart box: "3. Petugas memeriksa berkas"
VOID = frozenset(["br", "img", "input", "meta", "link", "hr", "path", "rect", "polygon", "circle", "line"])


class Paragraphs(HTMLParser):
    """The text of every block inside <main>, without the text of the blocks nested in it."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, list[str]]] = []
        self.in_main = False
        self.found: list[tuple[str, str]] = []  # (element, its text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.in_main = True
        if tag not in VOID and tag in BLOCKS:
            self.stack.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag not in BLOCKS:
            return
        while self.stack:
            name, parts = self.stack.pop()
            text = NUMBERED.sub("", " ".join(" ".join(parts).split()))
            # an SVG's <title> is its accessible name and the breadcrumb is navigation: neither is
            # a paragraph of the page's content
            if self.in_main and text and name not in ("title", "nav") and not self._in_nav():
                self.found.append((name, text))
            if name == tag:
                break
        if tag == "main":
            self.in_main = False

    def _in_nav(self) -> bool:
        return any(name == "nav" for name, _parts in self.stack)

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.stack[-1][1].append(data)


def paragraphs(body: str, tag: str | None = None) -> list[str]:
    """The paragraphs of the page's <main> (only those of one element with ``tag``)."""
    parser = Paragraphs()
    parser.feed(body)
    return [text for name, text in parser.found if tag is None or name == tag]


def folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def row(body: str, key: str) -> str:
    """One component's row of the standard table."""
    match = re.search(rf'<details class="component component--{key}">(.*?)</details>', body, re.S)
    assert match, key
    return match.group(1)


PAGES = sorted(DEMO_FACTS)


@pytest.mark.parametrize(("agency_slug", "service_slug"), PAGES)
def test_no_long_paragraph_is_shown_twice_on_a_demo_service_page(client, demo, agency_slug, service_slug):
    body = client.get(f"/{agency_slug}/{service_slug}/").content.decode()

    found = paragraphs(body)
    repeated = {text: n for text, n in Counter(t for t in found if len(t) > LONG).items() if n > 1}
    assert len(found) > 50  # the parser saw the page
    assert repeated == {}


@pytest.mark.parametrize(("agency_slug", "service_slug"), PAGES)
def test_each_competence_and_regulation_is_shown_once(client, demo, agency_slug, service_slug):
    body = client.get(f"/{agency_slug}/{service_slug}/").content.decode()
    standard = Standard.objects.get(
        service__agency__slug=agency_slug, service__slug=service_slug, status="published"
    )
    components = standard.parsed_components()

    for key, items in (("competence", components.competence), ("legal_basis", components.legal_basis)):
        html = f"<main>{row(body, key)}</main>"
        items_shown = paragraphs(html, "li")
        details_shown = [folded(text) for text in paragraphs(html, "dd")]
        assert items  # every demo standard names both
        for item in items:
            role = getattr(item, "role", None)
            # the item itself, in one list entry (after its role, when the text does not name it)
            assert items_shown.count(item.text) + items_shown.count(f"{role}: {item.text}") == 1, item.text
            for name, value in item.model_dump().items():
                if name != "text" and isinstance(value, str) and folded(value) in folded(item.text):
                    # a detail the decree also wrote into the item's text is not shown again beside it
                    assert folded(value) not in details_shown, (key, name, value)


def test_the_parser_finds_a_repeated_paragraph():
    twice = "Pemohon menyerahkan berkas persyaratan kepada petugas loket"
    body = f"<main><p>{twice}</p><ol><li><span>{twice}</span></li></ol><svg><text><tspan>{twice}</tspan></text></svg></main>"

    assert Counter(paragraphs(body))[twice] == 3
    assert paragraphs(f"<main><svg><text><tspan>7. {twice}</tspan></text></svg></main>") == [twice]
