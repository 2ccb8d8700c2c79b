"""Find the fourteen component labels, the service titles and the decree's header in the lines.

Labels are matched on words, not on exact text: case, spacing, numbering, punctuation and a one-letter
slip per long word do not matter ("Biaya/ Tarif", "Pengawas Internal", "KOMPONEN", "Persyaratn").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

# Alternative labels per component, as word sequences. "dan", "atau", "serta", "yang" are ignored.
ALIASES: dict[str, tuple[str, ...]] = {
    "requirements": (
        "persyaratan pelayanan",
        "persyaratan layanan",
        "persyaratan",
        "syarat syarat",
        "syarat pelayanan",
        "requirements",
    ),
    "procedure": (
        "sistem mekanisme prosedur",
        "sistem mekanisme",
        "mekanisme prosedur",
        "prosedur pelayanan",
        "alur pelayanan",
        "prosedur",
        "procedure",
    ),
    "time_limits": (
        "jangka waktu penyelesaian",
        "jangka waktu pelayanan",
        "jangka waktu layanan",
        "jangka waktu",
        "waktu penyelesaian",
        "waktu pelayanan",
        "lama penyelesaian",
        "time limit",
    ),
    "fee": ("biaya tarif", "biaya", "tarif", "retribusi", "fee"),
    "products": ("produk pelayanan", "produk layanan", "produk", "hasil pelayanan", "products"),
    "complaint_handling": (
        "penanganan pengaduan",
        "pengelolaan pengaduan",
        "penanganan pengelolaan pengaduan",
        "pengaduan saran masukan",
        "complaint handling",
    ),
    "legal_basis": ("dasar hukum", "landasan hukum", "legal basis"),
    "facilities": ("sarana prasarana", "sarana", "prasarana", "fasilitas", "facilities"),
    "competence": ("kompetensi pelaksana", "kompetensi petugas", "kompetensi", "competence"),
    "internal_supervision": (
        "pengawasan internal",
        "pengawas internal",
        "pengawasan intern",
        "pengawasan",
        "internal supervision",
    ),
    "staff_count": (
        "jumlah pelaksana",
        "jumlah petugas",
        "jumlah pegawai",
        "jumlah sdm",
        "staff count",
    ),
    "service_guarantee": ("jaminan pelayanan", "jaminan layanan", "jaminan kepastian pelayanan"),
    "security_guarantee": (
        "jaminan keamanan keselamatan pelayanan",
        "jaminan keamanan keselamatan",
        "jaminan keamanan",
        "jaminan keselamatan",
    ),
    "performance_evaluation": (
        "evaluasi kinerja pelaksana",
        "evaluasi kinerja pelayanan",
        "evaluasi kinerja",
        "evaluasi pelayanan",
    ),
}
# Words that may trail a label ("Jangka Waktu Penyelesaian/Pelayanan", "Biaya (tarif)").
_LABEL_TAIL = frozenset(
    [
        "pelayanan",
        "layanan",
        "penyelesaian",
        "tarif",
        "biaya",
        "pengaduan",
        "saran",
        "masukan",
        "fasilitas",
        "prasarana",
        "sarana",
        "keselamatan",
        "keamanan",
        "pelaksana",
        "kinerja",
        "internal",
        "intern",
        "prosedur",
        "mekanisme",
        "pengelolaan",
        "penanganan",
        "petugas",
    ]
)
LABELS_ID: dict[str, str] = {
    "requirements": "Persyaratan",
    "procedure": "Sistem, Mekanisme, dan Prosedur",
    "time_limits": "Jangka Waktu Penyelesaian",
    "fee": "Biaya/Tarif",
    "products": "Produk Pelayanan",
    "complaint_handling": "Penanganan Pengaduan, Saran dan Masukan",
    "legal_basis": "Dasar Hukum",
    "facilities": "Sarana, Prasarana dan/atau Fasilitas",
    "competence": "Kompetensi Pelaksana",
    "internal_supervision": "Pengawasan Internal",
    "staff_count": "Jumlah Pelaksana",
    "service_guarantee": "Jaminan Pelayanan",
    "security_guarantee": "Jaminan Keamanan dan Keselamatan Pelayanan",
    "performance_evaluation": "Evaluasi Kinerja Pelaksana",
}
_STOP = frozenset({"dan", "atau", "serta", "yang", "and", "or"})
_TOKEN_RE = re.compile(r"[A-Za-z0-9]+")
_NUMBERING_RE = re.compile(r"^\s*(?:(?:[IVX]{1,4}|\d{1,2}|[A-Za-z])[.)]|\d{1,2}(?=\s)|\(\s*\d{1,2}\s*\))\s*")
_NOISE_RE = re.compile(
    r"^(?:(?:[IVX]{1,4}|\d{1,2}|[a-zA-Z])[.)]?|no\.?|nomor|komponen|uraian|komponen\s+uraian|"
    r"no\.?\s+komponen\s+uraian|(?:\d\s+){1,4}\d|-\s*\d+\s*-|halaman\s+\d+(?:\s+dari\s+\d+)?|"
    r"page\s+\d+(?:\s+of\s+\d+)?|\d+\s*/\s*\d+)$",
    re.IGNORECASE,
)
_HALF_RE = re.compile(
    r"^(?:komponen\b.{0,80}\b(?:penyampaian|pengelolaan)\b.*|(?:proses\s+)?(?:penyampaian|pengelolaan)\s+"
    r"(?:pelayanan|layanan)(?:\s+di\s+internal\s+organisasi)?|service\s+delivery|manufacturing)$",
    re.IGNORECASE,
)
_TITLE_RE = re.compile(
    r"^(?:(?:[IVX]{1,4}|\d{1,2}|[A-Za-z])[.)]\s*)?(?:komponen\s+)?(?P<std>standar\s+)?(?P<name>pelayanan\s*(?!publik\b)\S.*)$",
    re.IGNORECASE,
)
_SIGNATURE_RE = re.compile(
    r"^(?:[A-Z][A-Z .'/&-]{2,70},|ditetapkan\s+di\b.*|pada\s+tanggal\b.*|ttd\.?|a\.n\.?\s.*|"
    r"plt\.?\s.*|plh\.?\s.*)$",
    re.IGNORECASE,
)
_SIGNATURE_CAPS_RE = re.compile(r"^[A-Z][A-Z .'/&-]{2,70},$")


def tokens(text: str) -> list[re.Match[str]]:
    return [m for m in _TOKEN_RE.finditer(text) if m.group(0).lower() not in _STOP]


@lru_cache(maxsize=65536)
def _close(a: str, b: str) -> bool:
    """Equal, or one edit apart for words long enough that a slip cannot make another word."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


_ALIAS_TOKENS: list[tuple[str, tuple[str, ...]]] = sorted(
    ((key, tuple(alias.split())) for key, aliases in ALIASES.items() for alias in aliases),
    key=lambda item: -len(item[1]),
)
_FIRST_WORDS = frozenset(words[0] for _, words in _ALIAS_TOKENS)


@lru_cache(maxsize=65536)
def _aliases_for(first: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The aliases (longest first) whose first word is ``first`` or one slip away from it."""
    return tuple(item for item in _ALIAS_TOKENS if _close(first, item[1][0]))


@dataclass
class Label:
    key: str
    text: str  # the label as written
    rest: str  # what follows the label on the same line
    numbered: bool
    strength: int  # alias words matched


def match_label(line: str) -> Label | None:
    numbering = _NUMBERING_RE.match(line)
    body = line[numbering.end() :] if numbering else line
    found = tokens(body[:160])
    if not found:
        return None
    candidates = _aliases_for(found[0].group(0).lower())
    if not candidates:
        return None
    words = [m.group(0).lower() for m in found]
    for key, alias in candidates:
        if len(words) < len(alias) or not all(_close(w, a) for w, a in zip(words, alias, strict=False)):
            continue
        used = len(alias)
        while used < len(words) and words[used] in _LABEL_TAIL and used < len(alias) + 3:
            used += 1
        end = found[used - 1].end()
        rest = body[end:]
        rest = re.sub(r"^[\s:/|,.)(\-–]*(?:\)\s*)?", "", rest)
        separated = bool(re.match(r"\s*[:|)]|\s*/\s*$|\s*$", body[end:])) or "\t" in body[end : end + 3]
        if not (rest == "" or numbering or separated or len(alias) >= 2):
            return None
        return Label(
            key=key, text=body[:end].strip(), rest=rest.strip(), numbered=bool(numbering), strength=len(alias)
        )
    return None


def is_noise(line: str) -> bool:
    return bool(_NOISE_RE.match(line.strip()))


def is_half_heading(line: str) -> bool:
    body = _NUMBERING_RE.sub("", line, count=1).strip().rstrip(":")
    return len(body) < 160 and bool(_HALF_RE.match(body))


def service_title(line: str) -> tuple[str, str] | None:
    """(title as written, service name) when the line names a service: "2. STANDAR PELAYANAN KONSULTASI"."""
    if len(line) > 120 or line.rstrip().endswith((".", ";", ",", ":")):
        return None
    match = _TITLE_RE.match(line.strip())
    if match is None:
        return None
    name = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", match.group("name")).strip()
    words = name.split()
    if len(words) < 2:
        return None
    shouting = name.isupper()
    titled = all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)
    if not (shouting or titled):
        return None
    name = titlecase(name)
    title = ("Standar " if match.group("std") else "") + name
    return title, name


_SMALL_WORDS = frozenset(
    [
        "dan",
        "atau",
        "di",
        "ke",
        "dari",
        "pada",
        "untuk",
        "yang",
        "dengan",
        "atas",
        "bagi",
        "oleh",
        "serta",
        "se",
    ]
)
_KEEP_UPPER = frozenset(
    [
        "KTP",
        "KK",
        "SKM",
        "SP4N",
        "LAPOR",
        "UPT",
        "UPTD",
        "PTSP",
        "DPMPTSP",
        "RT",
        "RW",
        "SIM",
        "NPWP",
        "BPJS",
        "IMB",
        "PBG",
        "SKCK",
        "SKTM",
    ]
)


def _title_part(part: str) -> str:
    if part in _KEEP_UPPER:
        return part
    if part == "EL":  # "KTP-EL": the electronic ID card is written KTP-el
        return "el"
    return part[:1].upper() + part[1:].lower()


def titlecase(text: str) -> str:
    """ "DINAS PERUMAHAN RAKYAT DAN KAWASAN" -> "Dinas Perumahan Rakyat dan Kawasan"; mixed case is kept."""
    if not text.isupper():
        return text
    out = []
    for i, word in enumerate(text.split()):
        lower = word.lower()
        if word in _KEEP_UPPER:
            out.append(word)
        elif i > 0 and lower in _SMALL_WORDS:
            out.append(lower)
        else:
            out.append("-".join(_title_part(part) for part in word.split("-")))
    return " ".join(out)


@dataclass
class Section:
    key: str
    label: str
    start: int  # index of the label line
    lines: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Block:
    """One service: its title and the components found for it, in document order."""

    title: str | None = None
    service: str | None = None
    sections: dict[str, Section] = field(default_factory=dict)
    intro: list[tuple[int, str]] = field(default_factory=list)
    start: int = 0


@dataclass
class Layout:
    blocks: list[Block]
    preamble: list[str]
    decree_number: str | None = None
    decree_date: str | None = None
    decree_title: str | None = None
    agency: str | None = None
    signed_by: str | None = None
    signer_title: str | None = None
    agency_details: dict[str, str] = field(default_factory=dict)
    lampiran: str | None = None
    decree_by: str | None = None  # "KEPUTUSAN KEPALA DINAS …": the office that signs the decree


def split_layout(lines: list[str]) -> Layout:
    blocks: list[Block] = [Block()]
    preamble: list[str] = []
    current: Section | None = None
    pending_title: tuple[int, str, str] | None = None  # (block line count, title, name)
    in_signature = False
    signature: list[str] = []
    seen_preamble: set[str] = set()
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            if current is not None:
                current.lines.append((index, ""))
            elif not blocks[-1].sections:
                preamble.append("")
            continue
        if is_noise(line) or is_half_heading(line):
            continue
        if current is not None and line in seen_preamble and len(line) >= 12 and line.isupper():
            continue  # a page header repeated on every page
        title = service_title(line)
        label = match_label(line)
        block = blocks[-1]
        if label is not None and label.key in block.sections:
            # A label seen before: content, unless a new service started just above it.
            strong = label.rest == "" or label.numbered
            if pending_title is not None or (
                label.key == "requirements" and strong and len(block.sections) >= 6
            ):
                new = Block(start=index)
                if pending_title is not None and current is not None:
                    cut, new.title, new.service = pending_title
                    moved = current.lines[cut:]
                    del current.lines[cut:]
                    new.intro = [item for item in moved[1:] if item[1]]
                blocks.append(new)
                block = new
                pending_title = None
                in_signature = False
            else:
                label = None
        if label is not None and title is not None and label.strength < 2 and not label.numbered:
            label = None
        if label is not None:
            if in_signature and blocks[-1].sections:
                in_signature = False
            current = Section(key=label.key, label=label.text, start=index)
            block.sections[label.key] = current
            pending_title = None
            if label.rest:
                current.lines.append((index, label.rest))
            continue
        if current is None:
            if title is not None:
                block.title, block.service = title
            preamble.append(line)
            seen_preamble.add(line)
            continue
        if title is not None:
            pending_title = (len(current.lines), title[0], title[1])
        if _SIGNATURE_CAPS_RE.match(line) or (
            in_signature is False and _SIGNATURE_RE.match(line) and index > len(lines) - 12
        ):
            in_signature = True
        if in_signature:
            signature.append(line)
            continue
        current.lines.append((index, line))
    layout = Layout(blocks=[b for b in blocks if b.sections], preamble=preamble)
    _read_preamble(layout)
    _read_letterhead(layout)
    _read_signature(layout, signature)
    if layout.decree_by and (
        layout.signer_title is None or layout.decree_by.lower().startswith(layout.signer_title.lower())
    ):
        # "KEPALA DINAS," under a decree of the "KEPALA DINAS PERUMAHAN … PROVINSI BANTEN": the full title.
        layout.signer_title = layout.decree_by
    return layout


_LAMPIRAN_RE = re.compile(r"^lampiran\b\s*(?P<n>[IVXLC]+|\d+)?\s*:?\s*$", re.IGNORECASE)
_KEPUTUSAN_RE = re.compile(r"^(?:keputusan|peraturan)\s+(?P<v>\S.*)$", re.IGNORECASE)
_LETTERHEAD_RE = re.compile(r"^pemerintah\s+(?:provinsi|kabupaten|kota)\b", re.IGNORECASE)
_TELP_RE = re.compile(r"\b(?:telp|telepon|tlp|phone)\.?\s*:?\s*(?P<v>\(?\d[\d() .-]{4,}\d)", re.IGNORECASE)
_FAX_RE = re.compile(
    r"\b(?:fax|faks|faksimile|facsimile)\.?\s*:?\s*(?P<v>\(?\d[\d() .-]{4,}\d)", re.IGNORECASE
)
_CONTACT_START_RE = re.compile(
    r"\s*(?:\b(?:telp|telepon|tlp|fax|faks|e-?mail|website|laman|kode\s+pos)\b).*$", re.IGNORECASE
)


def _read_letterhead(layout: Layout) -> None:
    """The agency's letterhead (name, address, phone, fax) and the decree's own heading lines."""
    lines = [line for line in layout.preamble if line]
    details = layout.agency_details
    for i, line in enumerate(lines):
        if layout.lampiran is None and (m := _LAMPIRAN_RE.match(line)):
            layout.lampiran = "Lampiran" + (f" {m.group('n').upper()}" if m.group("n") else "")
            continue
        if layout.decree_by is None and (m := _KEPUTUSAN_RE.match(line)):
            words = [m.group("v")]
            for more in lines[i + 1 : i + 6]:
                if _NOMOR_RE.match(more) or _TANGGAL_RE.match(more) or _TENTANG_RE.match(more):
                    break
                words.append(more)
            layout.decree_by = titlecase(" ".join(" ".join(words).split()))
    start = next((i for i, line in enumerate(lines) if _LETTERHEAD_RE.match(line)), None)
    if start is None:
        return
    address: list[str] = []
    for line in lines[start + 1 : start + 8]:
        if _LAMPIRAN_RE.match(line) or _KEPUTUSAN_RE.match(line) or _NOMOR_RE.match(line):
            break
        if line.isupper():
            details.setdefault("letterhead", titlecase(line))
            continue
        if m := _TELP_RE.search(line):
            details.setdefault("phone", m.group("v").strip())
        if m := _FAX_RE.search(line):
            details.setdefault("fax", m.group("v").strip())
        if m := re.search(r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", line):
            details.setdefault("email", m.group(0))
        if m := re.search(r"\b(?:https?://|www\.)\S+", line):
            details.setdefault("website", m.group(0).rstrip(".,"))
        rest = _CONTACT_START_RE.sub("", line).strip(" ,;")
        if rest:
            address.append(rest)
    if address:
        details["address"] = ", ".join(address)


_NOMOR_RE = re.compile(r"^nomor\s*:?\s*(?P<v>\S.*)$", re.IGNORECASE)
_TANGGAL_RE = re.compile(r"^tanggal\s*:?\s*(?P<v>\S.*)$", re.IGNORECASE)
_TENTANG_RE = re.compile(r"^tentang\s*:?\s*(?P<v>.*)$", re.IGNORECASE)
_PADA_RE = re.compile(
    r"\bpada\s+(?P<v>(?:dinas|badan|biro|kantor|kecamatan|kelurahan|sekretariat|inspektorat|rumah\s+sakit|rsud|puskesmas|uptd?|satuan|bagian|desa|kementerian|lembaga|pemerintah)\b.*)$",
    re.IGNORECASE,
)
_AGENCY_LINE_RE = re.compile(
    r"^(?:dinas|badan|kantor|kecamatan|kelurahan|rumah\s+sakit|rsud|puskesmas|inspektorat|uptd?)\b.*$",
    re.IGNORECASE,
)


def _read_preamble(layout: Layout) -> None:
    lines = layout.preamble
    subject: list[str] = []
    collecting = False
    for line in lines:
        if collecting:
            if not line or _NOMOR_RE.match(line) or _TANGGAL_RE.match(line) or service_title(line):
                collecting = False
            else:
                subject.append(line)
                continue
        if not line:
            continue
        if layout.decree_number is None and (m := _NOMOR_RE.match(line)):
            layout.decree_number = m.group("v").strip()
        elif layout.decree_date is None and (m := _TANGGAL_RE.match(line)):
            layout.decree_date = m.group("v").strip()
        elif not subject and (m := _TENTANG_RE.match(line)):
            collecting = True
            if m.group("v"):
                subject.append(m.group("v"))
    if subject:
        text = " ".join(" ".join(subject).split())
        layout.decree_title = titlecase(text)
        if m := _PADA_RE.search(text):
            layout.agency = titlecase(m.group("v").strip().rstrip("."))
    if layout.agency is None:
        for line in lines:
            if _AGENCY_LINE_RE.match(line) and len(line) < 100:
                layout.agency = titlecase(line.strip())
                break


def _read_signature(layout: Layout, signature: list[str]) -> None:
    for i, line in enumerate(signature):
        if _SIGNATURE_CAPS_RE.match(line):
            layout.signer_title = titlecase(line.rstrip(",").strip())
            for name in signature[i + 1 :]:
                if re.match(r"^(?:nip|pangkat|pembina|penata)\b", name, re.IGNORECASE):
                    continue
                if re.match(r"^[A-Za-z][\w .,'-]{2,80}$", name):
                    # Names are typed in capitals under a signature; the record keeps them as names.
                    layout.signed_by = " ".join(
                        w if len(w) <= 2 and w.endswith(".") else w.capitalize() if w.isupper() else w
                        for w in name.strip().split()
                    )
                    break
            break
