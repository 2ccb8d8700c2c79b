"""Which of an agency's services an imported decree is a new version of.

Pure Python. The candidates are one agency's services (name and the decree numbers of their
versions); an import names its service and, usually, its decree. The same decree number is the
strongest evidence; otherwise the names are compared once the words every standard's title carries
("Standar Pelayanan", "Pelayanan", numbering) are set aside, so "7. PELAYANAN SURAT PENGANTAR IZIN
KERAMAIAAN" still finds "Surat Pengantar Izin Keramaian". Below ``NAME_THRESHOLD`` there is no match
and the reviewer decides.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

# Names at least this similar (0..1) are taken for the same service.
NAME_THRESHOLD = 0.85
# Comparing names is bounded: a title longer than this is cut before it is compared.
MAX_NAME_CHARS = 300

# Words that open nearly every service's title and so tell services apart not at all.
_FILLER = frozenset({"standar", "standard", "pelayanan", "layanan", "publik", "jenis"})


@dataclass(frozen=True)
class Candidate:
    key: int  # the service's id
    name: str
    decree_numbers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    key: int
    score: float
    by_decree: bool


def name_key(name: str) -> str:
    """The words of a service's name that distinguish it: lower case, no numbering or filler."""
    words = re.findall(r"[a-z0-9]+", name[:MAX_NAME_CHARS].lower())
    while words and words[0].isdigit():
        words = words[1:]
    kept = [w for w in words if w not in _FILLER]
    return " ".join(kept or words)


def decree_key(number: str | None) -> str:
    """A decree number compared without spaces, case or the dots of a blank left to fill in; ""
    when it has no digit (nothing to recognise it by)."""
    text = re.sub(r"\s+", "", (number or "")[:MAX_NAME_CHARS].lower())
    text = re.sub(r"\.{2,}", "…", text)
    return text if re.search(r"\d", text) else ""


def name_similarity(a: str, b: str) -> float:
    """How alike two service names are, 0 (nothing shared) to 1 (the same once normalised)."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    # Symmetric: difflib's ratio depends on argument order when the strings have repeats.
    first, second = sorted((ka, kb))
    return difflib.SequenceMatcher(None, first, second, autojunk=False).ratio()


def score(*, name: str, decree: str | None, candidate: Candidate) -> Match:
    said = decree_key(decree)
    if said and any(decree_key(n) == said for n in candidate.decree_numbers):
        return Match(key=candidate.key, score=1.0, by_decree=True)
    return Match(key=candidate.key, score=name_similarity(name, candidate.name), by_decree=False)


def best_match(
    *,
    name: str,
    decree: str | None,
    candidates: Sequence[Candidate],
    threshold: float = NAME_THRESHOLD,
) -> Match | None:
    """The candidate the import is a version of, or None. A decree number shared by the import
    and a service decides over any name; between equals the lower key (older service) wins, so the
    answer does not depend on the order of ``candidates``.

    A decree number shared by several services (one decree sets many standards) only narrows the
    field: the names then decide among those services.
    """
    scored = [score(name=name, decree=decree, candidate=c) for c in candidates]
    by_decree = [m for m in scored if m.by_decree]
    if len(by_decree) > 1:
        names = {c.key: c.name for c in candidates}
        by_decree = [
            Match(key=m.key, score=name_similarity(name, names[m.key]), by_decree=True) for m in by_decree
        ]
        by_decree.sort(key=lambda m: (-m.score, m.key))
        return by_decree[0]
    if by_decree:
        return by_decree[0]
    above = [m for m in scored if m.score >= threshold]
    if not above:
        return None
    above.sort(key=lambda m: (-m.score, m.key))
    return above[0]
