"""Words for the service search: what people type and what the registry says, made comparable.

Citizens write "ijin" for *izin*, "KTP" for *KTP-el* or *kartu tanda penduduk elektronik*, "SK" for
*surat keterangan*. Both sides go through the same canonical form, so a search matches whichever
spelling the decree used:

- ``canonical_words(text)``: lower case, accents and punctuation dropped, spelling variants
  replaced by one canonical spelling (``ijin`` → ``izin``, ``KTP-el``/``e-KTP``/``KTP elektronik``
  → ``ktp``).
- ``index_words(text)``: the canonical words plus the other form of each abbreviation found
  (``ktp`` adds ``kartu tanda penduduk``; ``surat keterangan`` adds ``sk``), for the index.
- ``query_words(query)``: the canonical words of a query, de-duplicated and bounded in number and
  length, ready to be matched as prefixes.

Pure and without Django: the index, the migration's backfill and both databases' queries use it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

MAX_QUERY_CHARS = 100
MAX_QUERY_WORDS = 8
MAX_WORD_CHARS = 40

# Several-word spellings of one thing, rewritten before the text is split into words.
_PHRASE_VARIANTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        # KTP elektronik in all its spellings: KTP-el, KTP el, KTPel, e-KTP, eKTP, KTP elektronik.
        (r"\be\s*-?\s*ktp\b", " ktp "),
        (r"\bktp\s*-?\s*el(?:ektronik)?\b", " ktp "),
        (r"\bkartu tanda penduduk elektronik\b", " kartu tanda penduduk "),
        (r"\bfoto\s*-?\s*(?:copy|kopi|copi)\b", " fotokopi "),
    )
)

# One word, several spellings: the variant on the left reads as the canonical word on the right.
WORD_VARIANTS: dict[str, str] = {
    "ijin": "izin",
    "perijinan": "perizinan",
    "fotocopy": "fotokopi",
    "fotocopi": "fotokopi",
    "photocopy": "fotokopi",
    "potokopi": "fotokopi",
    "ktpel": "ktp",
    "ektp": "ktp",
    "pasport": "paspor",
    "passport": "paspor",
    "kelurahaan": "kelurahan",
    "sertipikat": "sertifikat",
    "akte": "akta",
    "nomer": "nomor",
    "keterangn": "keterangan",
}

# Abbreviations and the words they stand for; the index holds both forms of whichever it finds.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "ktp": ("kartu", "tanda", "penduduk"),
    "kk": ("kartu", "keluarga"),
    "sk": ("surat", "keterangan"),
    "skck": ("surat", "keterangan", "catatan", "kepolisian"),
    "skt": ("surat", "keterangan", "terdaftar"),
    "npwp": ("nomor", "pokok", "wajib", "pajak"),
    "nib": ("nomor", "induk", "berusaha"),
    "imb": ("izin", "mendirikan", "bangunan"),
    "pbg": ("persetujuan", "bangunan", "gedung"),
    "siup": ("surat", "izin", "usaha", "perdagangan"),
}

_WORD = re.compile(r"[a-z0-9]+")


def _fold(text: str) -> str:
    """Lower case without accents; anything but letters and digits reads as a space."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    for pattern, replacement in _PHRASE_VARIANTS:
        plain = pattern.sub(replacement, plain)
    return plain


def canonical_words(text: str) -> list[str]:
    """The words of ``text`` in canonical spelling, in order."""
    return [WORD_VARIANTS.get(word, word) for word in _WORD.findall(_fold(text))]


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))


def index_words(text: str) -> str:
    """The text as the index keeps it: canonical words, then the other form of each abbreviation."""
    words = canonical_words(text)
    present = set(words)
    extra: list[str] = []
    for abbreviation, phrase in ABBREVIATIONS.items():
        if abbreviation in present:
            extra.extend(w for w in phrase if w not in present and w not in extra)
        elif _contains(words, phrase):
            extra.append(abbreviation)
    return " ".join(words + extra)


def query_words(query: str) -> list[str]:
    """The words to look for: canonical, each once, at most MAX_QUERY_WORDS of MAX_WORD_CHARS."""
    seen: list[str] = []
    for word in canonical_words(query[:MAX_QUERY_CHARS]):
        word = word[:MAX_WORD_CHARS]
        if word not in seen:
            seen.append(word)
        if len(seen) == MAX_QUERY_WORDS:
            break
    return seen


def service_document(
    *,
    service_name: str,
    service_summary: str,
    unit_name: str,
    agency: Mapping[str, Any],
    components: Mapping[str, Any],
) -> tuple[str, str]:
    """(title, body) of one service for the index: its name; then its agency, the agency's region,
    its unit, summary and requirements. Takes plain values (the stored components' JSON)
    so the index and the migration's backfill build the same document."""
    requirements = [
        str(r.get("text", "")) for r in components.get("requirements") or [] if isinstance(r, dict)
    ]
    parts = [
        agency.get("name", ""),
        agency.get("short_name", ""),
        agency.get("regency", ""),
        agency.get("province", ""),
        unit_name,
        service_summary,
        *requirements,
    ]
    return index_words(service_name), index_words(" \n ".join(str(p) for p in parts if p))
