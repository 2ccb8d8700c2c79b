"""Split a component's lines into items: "1. …", "a) …", "➤ …", ";"-separated runs, nested lists.

Decrees run items together ("… 1 Lembar 2. Fotocopy KTP …", "…e-mail;materi …", "langsung5. …") and
break them across page breaks. Enumerators are only trusted as a consecutive chain (1, 2, 3 / a, b, c),
so a stray "a." or "3." inside a sentence does not cut it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pelayan.lib.importer.readers import FLOW_TOKEN_RE


@dataclass
class Piece:
    text: str
    marker: str | None = None
    kind: str | None = None  # "num.", "num)", "low.", "low)", "up.", "up)", "bullet", None
    level: int = 0
    line: int = 0  # source line index, to show the passage next to a warning
    lead: bool = False  # text before the first enumerator of a line, e.g. "Pengaduan melalui :"
    split: bool = False  # cut from a ";"-separated run: never glued back to the item before it

    @property
    def opens_list(self) -> bool:
        return self.text.rstrip().endswith(":")


_MARKER_RE = re.compile(
    r"(?:(?<=^)|(?<=[\s.;:,>(]))(?:(?P<num>\d{1,2})|(?P<low>[a-z])|(?P<up>[A-Z]))(?P<sty>[.)])(?=\s|$)"
)
_WEAK_MARKER_RE = re.compile(r"(?<=[a-z])(?P<num>\d{1,2})(?P<sty>\.)(?=\s+[A-Za-z])")
_GLYPH_BULLET_RE = re.compile(r"(?:(?<=^)|(?<=\s))[➤•▪●◦○■►→✓√]\s*")
_DASH_BULLET_RE = re.compile(r"(?:(?<=^)|(?<=\s))[-*–]\s+(?=\S)")
_GLUED_CONJUNCTION_RE = re.compile(r"^(?:dan|atau)(?=(?:me|di|ber|ter|pe|se|ke)[a-z]{3})")
_TRAILING_JOINER_RE = re.compile(r"[\s;,]*(?:\b(?:dan|atau)\s*)?$", re.IGNORECASE)
_OPEN_END_RE = re.compile(
    r"\b(?:di|ke|dan|atau|yang|dengan|kepada|untuk|dari|pada|oleh|serta|bagi|sebagai)$", re.I
)


@dataclass
class _Marker:
    start: int
    end: int
    family: str
    value: int
    weak: bool = False


def _value(match: re.Match[str]) -> tuple[str, int]:
    sty = match.group("sty")
    if match.group("num"):
        return f"num{sty}", int(match.group("num"))
    if match.group("low"):
        return f"low{sty}", ord(match.group("low")) - 96
    return f"up{sty}", ord(match.group("up")) - 64


def _markers(text: str) -> list[_Marker]:
    found = []
    for m in _MARKER_RE.finditer(text):
        family, value = _value(m)
        found.append(_Marker(m.start(), m.end(), family, value))
    for m in _WEAK_MARKER_RE.finditer(text):
        found.append(_Marker(m.start(), m.end(), "num.", int(m.group("num")), weak=True))
    found.sort(key=lambda mk: mk.start)
    return found


def _chain(text: str, expect: dict[str, int]) -> list[_Marker]:
    markers = _markers(text)
    lead = len(text) - len(text.lstrip())
    # For each marker, the nearest later one that continues it (same family, next value): following
    # these links builds a chain in linear time, where rescanning the rest of the markers from each
    # candidate start was quadratic on a line of many markers.
    following: list[int | None] = [None] * len(markers)
    nearest: dict[tuple[str, int], int] = {}
    for index in range(len(markers) - 1, -1, -1):
        marker = markers[index]
        following[index] = nearest.get((marker.family, marker.value + 1))
        nearest[(marker.family, marker.value)] = index
    for i, first in enumerate(markers):
        at_start = first.start <= lead
        startable = (not first.weak and (first.value == 1 or at_start)) or expect.get(
            first.family
        ) == first.value
        if not startable:
            continue
        if (
            first.family.startswith("up")
            and first.value != 1
            and not at_start
            and expect.get(first.family) != first.value
        ):
            continue
        if following[i] is None and not (
            at_start or _colon_before(text, first.start) or expect.get(first.family) == first.value
        ):
            continue
        chain = [first]
        link = following[i]
        while link is not None:
            chain.append(markers[link])
            link = following[link]
        return chain
    return []


def _colon_before(text: str, position: int) -> bool:
    """Whether the text before ``position`` ends with ":" once trailing whitespace is ignored."""
    at = position - 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return at >= 0 and text[at] == ":"


def _bullets(text: str) -> list[tuple[int, int]]:
    glyphs = [(m.start(), m.end()) for m in _GLYPH_BULLET_RE.finditer(text)]
    if glyphs:
        return glyphs
    stripped = text.lstrip()
    # A hyphen is a bullet only when a list plainly starts with it ("- Email …" or ": - Email …"),
    # so "Palima – Curug - Serang" stays one address.
    if not (stripped.startswith(("- ", "* ", "– ")) or re.search(r":\s*-\s", text)):
        return []
    return [(m.start(), m.end()) for m in _DASH_BULLET_RE.finditer(text)]


def split_text(text: str, line: int = 0, level: int = 0, expect: dict[str, int] | None = None) -> list[Piece]:
    expect = {} if expect is None else expect
    chain = _chain(text, expect)
    if not chain:
        bullets = _bullets(text)
        if not bullets:
            parts = _semicolon_parts(text)
            return [Piece(text=part, line=line, level=level, split=i > 0) for i, part in enumerate(parts)]
        out: list[Piece] = []
        head = text[: bullets[0][0]].strip()
        if head:
            out.append(Piece(text=head, line=line, level=level, lead=True))
        for j, (start, end) in enumerate(bullets):
            stop = bullets[j + 1][0] if j + 1 < len(bullets) else len(text)
            body = text[end:stop].strip()
            if body:
                out.append(
                    Piece(
                        text=body,
                        marker=text[start:end].strip(),
                        kind="bullet",
                        line=line,
                        level=level + bool(head),
                    )
                )
        return out
    out = []
    head = text[: chain[0].start].strip()
    if head:
        for piece in split_text(head, line, level, {}):
            piece.lead = piece.marker is None
            out.append(piece)
    for j, marker in enumerate(chain):
        stop = chain[j + 1].start if j + 1 < len(chain) else len(text)
        body = text[marker.end : stop].strip()
        sub = split_text(body, line, level + 1, expect) if body else []
        first_text = sub[0].text if sub and sub[0].lead else ("" if sub and sub[0].marker else body)
        if sub and not sub[0].lead and not sub[0].marker:
            first_text, sub = body, []
        elif sub and sub[0].lead:
            sub = sub[1:]
        else:
            first_text = ""
        out.append(
            Piece(
                text=first_text,
                marker=text[marker.start : marker.end],
                kind=marker.family,
                line=line,
                level=level,
            )
        )
        out.extend(sub)
    expect[chain[-1].family] = chain[-1].value + 1
    return out


def _semicolon_parts(text: str) -> list[str]:
    if ";" not in text.rstrip(" ;"):
        return [text]
    parts = []
    for part in re.split(r"\s*;\s*", text):
        part = _GLUED_CONJUNCTION_RE.sub("", part.strip())
        if not part or part.lower() in ("dan", "atau"):
            continue
        parts.append(part)
    return parts


def split_lines(lines: list[tuple[int, str]], reflow: bool = False) -> list[Piece]:
    """Every item of a component, in order; lines broken by page breaks are joined back."""
    if reflow:
        lines = _reflow(lines)
    pieces: list[Piece] = []
    expect: dict[str, int] = {}
    for index, text in lines:
        if not text:
            continue
        if FLOW_TOKEN_RE.fullmatch(text):
            pieces.append(Piece(text=text, kind="flow", line=index))
            continue
        for piece in split_text(text, index, 0, expect):
            if not piece.text and piece.marker is None:
                continue
            previous = pieces[-1] if pieces else None
            if (
                previous is not None
                and piece.marker is None
                and not piece.lead
                and not piece.split
                and previous.kind != "flow"
                and previous.text
                and _continues(previous.text, piece.text)
            ):
                previous.text = f"{previous.text} {piece.text}"
                continue
            pieces.append(piece)
    for piece in pieces:
        piece.text = piece.text.strip()
    return [p for p in pieces if p.text or p.marker]


def _continues(previous: str, text: str) -> bool:
    if previous.endswith((".", ";", ":", "!", "?")):
        return False
    return text[:1].islower() or bool(_OPEN_END_RE.search(previous))


def _reflow(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for index, text in lines:
        if (
            out
            and text
            and out[-1][1]
            and not _markers(text[:4])
            and not _GLYPH_BULLET_RE.match(text)
            and not text.startswith("- ")
            and not FLOW_TOKEN_RE.search(text)
            and not FLOW_TOKEN_RE.search(out[-1][1])
            and not out[-1][1].endswith((".", ";", ":"))
        ):
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
        else:
            out.append((index, text))
    return out


def clean_item(text: str) -> str:
    """Item text without the list punctuation around it ("…; dan" -> "…")."""
    text = text.strip()
    text = _TRAILING_JOINER_RE.sub("", text)
    text = text.rstrip(" .;,")
    return text.strip()
