"""One extractor per component: items in, structured fields out, unstructured text kept with a note."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pelayan.lib.importer.channels import find_channels, find_named_channels, merge_channels
from pelayan.lib.importer.items import Piece, clean_item
from pelayan.lib.importer.readers import FLOW_TOKEN_RE
from pelayan.lib.importer.sections import LABELS_ID, match_label
from pelayan.lib.importer.timeparse import find_durations, find_frequency
from pelayan.lib.numwords import NUMBER_PATTERN, parse_number
from pelayan.lib.standard_schema import (
    Branch,
    Channel,
    Competence,
    ComplaintHandling,
    ComplaintTier,
    Evaluation,
    Fee,
    Flow,
    Procedure,
    ProcedureStep,
    Regulation,
    Requirement,
    RequirementKind,
    RoleCount,
    StaffCount,
    StepAction,
    TimeLimit,
)


@dataclass
class Issue:
    component: str | None
    message: str
    passage: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = f"[{LABELS_ID.get(self.component or '', self.component)}] " if self.component else ""
        passage = f": «{_short(self.passage)}»" if self.passage else ""
        return f"{where}{self.message}{passage}"


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Context:
    flows: list[Flow]
    issues: list[Issue] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)
    elsewhere_channels: list[Channel] = field(default_factory=list)

    def keep(self, component: str, piece: Piece | str, message: str) -> None:
        """Keep text that fits no field, verbatim, and say so."""
        text = piece.text if isinstance(piece, Piece) else piece
        line = piece.line if isinstance(piece, Piece) else None
        self.notes.setdefault(component, []).append(text)
        self.issues.append(Issue(component, message, text, line))

    def warn(self, component: str, message: str, piece: Piece | str | None = None) -> None:
        text = piece.text if isinstance(piece, Piece) else piece
        line = piece.line if isinstance(piece, Piece) else None
        self.issues.append(Issue(component, message, text, line))


def _texts(pieces: list[Piece]) -> list[Piece]:
    return [p for p in pieces if p.kind != "flow" and clean_item(p.text)]


def _flow(piece: Piece, ctx: Context) -> Flow | None:
    match = FLOW_TOKEN_RE.fullmatch(piece.text)
    return ctx.flows[int(match.group(1))] if match else None


# --- requirements --------------------------------------------------------------------------------

_ADDRESS_GROUP_RE = re.compile(r"\bditujukan\b|\balamat\s*:?$", re.IGNORECASE)
_WALK_IN_RE = re.compile(r"\b(?:hadir|datang)\s+langsung\b", re.IGNORECASE)
_COPIES_RE = re.compile(
    rf"(?P<n>{NUMBER_PATTERN})\s*(?:lembar|rangkap|eksemplar|exemplar|buah|set|copy|kopi)\b", re.IGNORECASE
)
_COPY_RE = re.compile(
    r"\bfoto\s*-?\s*cop[yi]\b|\bfotokopi\b|\bfoto\s+kopi\b|\bcopy\b|\bsalinan\b|\bscan\b", re.I
)
_ORIGINAL_RE = re.compile(r"\basli(?:nya)?\b|\boriginal\b", re.IGNORECASE)
_FORM_RE = re.compile(r"\bformulir\b|\bblanko\b|\bform\b|\bregistrasi\b", re.IGNORECASE)
_IDENTITY_RE = re.compile(
    r"\bktp\b|\bkartu\s+tanda\s+penduduk\b|\bpaspor\b|\bidentitas\b|\bpengenal\b|\bpekenal\b|\bkk\b|"
    r"\bkartu\s+keluarga\b|\bnik\b|\bsim\b",
    re.IGNORECASE,
)
_DOCUMENT_RE = re.compile(
    r"\bsurat\b|\bdokumen\b|\bberkas\b|\bakta\b|\bsertifikat\b|\bbukti\b|\bijazah\b|\bnpwp\b|\bfoto\b",
    re.IGNORECASE,
)


def requirement_from_text(text: str, group: str | None = None, channel: str | None = None) -> Requirement:
    if _FORM_RE.search(text):
        kind = RequirementKind.FORM
    elif _IDENTITY_RE.search(text):
        kind = RequirementKind.IDENTITY
    elif _DOCUMENT_RE.search(text) or _COPY_RE.search(text):
        kind = RequirementKind.DOCUMENT
    else:
        kind = RequirementKind.OTHER
    copies = None
    if m := _COPIES_RE.search(text):
        copies = parse_number(m.group("n"))
    is_copy, is_original = bool(_COPY_RE.search(text)), bool(_ORIGINAL_RE.search(text))
    original = None if is_copy == is_original else is_original
    extra = {"group": group} if group else {}
    return Requirement(text=text, kind=kind, copies=copies, original=original, channel=channel, **extra)


def extract_requirements(pieces: list[Piece], ctx: Context) -> list[Requirement]:
    out: list[Requirement] = []
    group: str | None = None
    group_kind: str | None = None
    address = False
    channel: str | None = None
    pieces = _texts(pieces)
    for i, piece in enumerate(pieces):
        text = clean_item(piece.text)
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        has_children = nxt is not None and not (piece.marker and nxt.marker and nxt.kind == piece.kind)
        if piece.marker and group_kind is not None and piece.kind == group_kind:
            group, group_kind, address, channel = None, None, False, None
        opens_group = piece.opens_list and has_children
        if opens_group:
            group, group_kind = text.rstrip(" :"), piece.kind
            address = bool(_ADDRESS_GROUP_RE.search(text))
            channel = "hadir langsung" if _WALK_IN_RE.search(text) else None
        if address or "@" in text:
            ctx.keep("requirements", piece, "Teks bukan persyaratan, disimpan apa adanya (kept as a note)")
        elif not opens_group:
            out.append(requirement_from_text(text, group, channel))
    return out


# --- procedure -----------------------------------------------------------------------------------

_STRUCTURAL_RE = re.compile(
    r"^(?:keterangan|prosedur|alur|alur\s+pelayanan|mekanisme|uraian|bagan\s+alir|flowchart|penjelasan)\s*:?$",
    re.IGNORECASE,
)
_ROLE_HEAD = [
    "operator",
    "petugas",
    "camat",
    "sekcam",
    "lurah",
    "sekretaris",
    "sekdes",
    "kepala",
    "kades",
    "kasi",
    "kasie",
    "kasubbag",
    "kasubag",
    "kabag",
    "kabid",
    "kasubid",
    "kasubsi",
    "staf",
    "staff",
    "pejabat",
    "tim",
    "bagian",
    "bidang",
    "seksi",
    "pemohon",
    "pengguna",
    "peguna",
    "penerima",
    "masyarakat",
    "tamu",
    "admin",
    "administrator",
    "verifikator",
    "bendahara",
    "pengadu",
    "pelapor",
    "resepsionis",
    "pimpinan",
    "direktur",
    "bupati",
    "walikota",
    "gubernur",
    "sekda",
    "kadis",
    "pelaksana",
    "loket",
    "pengelola",
    "dokter",
    "perawat",
    "bidan",
    "apoteker",
    "satpam",
    "kurir",
    "front",
    "customer",
    "kasir",
    "validator",
    "penyelia",
    "koordinator",
    "ketua",
    "anggota",
    "pasien",
    "pengunjung",
]
_ROLE_HEADS = frozenset(_ROLE_HEAD)
_AFTER_HEAD_LOWER = frozenset({"layanan", "pelayanan", "front", "office"})
_TYPOS = {"peguna": "pengguna", "pengunna": "pengguna"}


def _actor_at(text: str) -> str | None:
    words = text.split()
    if not words:
        return None
    first = re.sub(r"[^\w/]", "", words[0])
    if first.split("/")[0].lower() not in _ROLE_HEADS:
        return None
    taken = [words[0].rstrip(",;:.")]
    for word in words[1:6]:
        bare = word.strip(",;:.()")
        lower = bare.lower()
        if not bare:
            break
        if lower == "dan" and len(taken) >= 2:
            taken.append("dan")
            continue
        if (
            lower in _AFTER_HEAD_LOWER
            and taken[-1].lower().split("/")[-1]
            in (
                "pengguna",
                "peguna",
                "penerima",
                "petugas",
            )
        ) or (
            bare[:1].isupper()
            and not (
                lower.startswith("me")
                or (lower.startswith("di") and lower.endswith(("kan", "i")) and len(lower) > 6)
            )
        ):
            taken.append(bare)
        else:
            break
        if word.endswith((",", ";", ":", ".")):
            break
    while taken and taken[-1] == "dan":
        taken.pop()
    actor = " ".join(taken)
    head, _, rest = actor.partition(" ")
    parts = [_TYPOS.get(p.lower(), p) for p in head.split("/")]
    head = "/".join(parts)
    actor = (head[:1].upper() + head[1:] + (" " + rest if rest else "")).strip()
    return actor or None


def find_actor(text: str) -> str | None:
    if actor := _actor_at(text):
        return actor
    if (m := re.match(r"^[^:]{2,40}:\s*(.+)$", text)) and (actor := _actor_at(m.group(1))):
        return actor
    if (m := re.match(r"^(?:apabila|jika|bila|setelah|sesudah)\b[^,]{2,80},\s*(.+)$", text, re.I)) and (
        actor := _actor_at(m.group(1))
    ):
        return actor
    for m in re.finditer(r"\boleh\s+", text, re.IGNORECASE):
        if actor := _actor_at(text[m.end() :]):
            return actor
    return None


_ACTIONS: tuple[tuple[re.Pattern[str], StepAction], ...] = (
    (re.compile(r"tandatangan|tanda\s+tangan|menandatangan|sign\b|paraf", re.I), StepAction.SIGN),
    (
        re.compile(r"\bmenyerahkan\b(?=.*\bkepada\s+(?:pemohon|pengguna|masyarakat|pasien|penerima))", re.I),
        StepAction.DELIVER,
    ),
    (re.compile(r"\b(?:peng)?arsip", re.I), StepAction.ARCHIVE),
    (re.compile(r"\b(?:mengembalikan|dikembalikan|pengembalian)\b", re.I), StepAction.RETURN),
    (
        re.compile(
            r"\b(?:meneliti|memeriksa|verifikasi|memverifikasi|mengecek|pemeriksaan|validasi|memvalidasi)\b",
            re.I,
        ),
        StepAction.VERIFY,
    ),
    (re.compile(r"\bdisposisi|\bmendisposisi", re.I), StepAction.DISPOSE),
    (re.compile(r"\b(?:meneruskan|diteruskan|diarahkan|mengarahkan)\b", re.I), StepAction.FORWARD),
    (re.compile(r"\b(?:memutuskan|menyetujui|persetujuan|menetapkan)\b", re.I), StepAction.DECIDE),
    (re.compile(r"\b(?:jawaban|menjawab|membalas|balasan)\b", re.I), StepAction.REPLY),
    (
        re.compile(r"\b(?:menyerahkan\s+(?:hasil|produk)|diserahkan|mengambil|penyerahan)\b", re.I),
        StepAction.DELIVER,
    ),
    (
        re.compile(
            r"\b(?:mengajukan|menyampaikan|menyerahkan|mengisi|mendaftar|mengirim|mengirimkan|memasukkan|memasukan|pengajuan|mengunggah|datang|menuju)\b",
            re.I,
        ),
        StepAction.SUBMIT,
    ),
    (re.compile(r"\bmenerima\b|\bpenerimaan\b", re.I), StepAction.RECEIVE),
    (
        re.compile(
            r"\b(?:memproses|diproses|mengolah|mencatat|menindaklanjuti|membahas|mengidentifikasi|menganalisa|menganalisis|analisis|mencetak|menerbitkan)\b",
            re.I,
        ),
        StepAction.PROCESS,
    ),
    (re.compile(r"\b(?:melayani|dilayani|konsultasi)\b", re.I), StepAction.SERVE),
)
_CONDITION_RE = re.compile(r"\b(?:jika|apabila|bila|kalau|bilamana)\b", re.IGNORECASE)
_RETURN_WORDS_RE = re.compile(r"\b(?:dikembalikan|dilengkapi|diperbaiki|ditolak|perbaikan)\b", re.I)


def _action(text: str) -> StepAction | None:
    best: tuple[int, StepAction] | None = None
    for pattern, action in _ACTIONS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), action)
    return best[1] if best else None


def find_action(text: str, actor: str | None) -> StepAction | None:
    """The verb of a step, read without its actor's words."""
    return _action(_without(text, actor))


def _without(text: str, actor: str | None) -> str:
    if not actor:
        return text
    return re.sub(re.escape(actor), " ", text, count=1, flags=re.IGNORECASE)


def find_branches(text: str) -> list[Branch]:
    starts = [m.start() for m in _CONDITION_RE.finditer(text)]
    branches = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        clause = re.split(r"(?<=[a-z)])[.;](?:\s|$)", text[start:end])[0].strip(" ,;.")
        condition, outcome = clause, None
        for splitter in (
            r"\s+maka\s+",
            r",\s*",
            r"\s+(?=(?:akan|harus|wajib|segera)\b)",
            r"\s+(?=(?:dikembalikan|ditolak|diproses|dilanjutkan|diteruskan|diterbitkan|dicetak)\b)",
        ):
            parts = re.split(splitter, clause, maxsplit=1)
            if len(parts) == 2 and len(parts[0].split()) >= 2:
                condition, outcome = parts[0].strip(), parts[1].strip()
                break
        if condition:
            branches.append(Branch(condition=condition, outcome=outcome))
    return branches


def extract_procedure(pieces: list[Piece], ctx: Context) -> Procedure:
    flows: list[Flow] = []
    raw_steps: list[dict] = []
    track: str | None = None
    primary = next((p.kind for p in pieces if p.marker and p.kind not in ("bullet", "flow")), None)
    open_step = False
    last_was_step = False
    for piece in pieces:
        if (flow := _flow(piece, ctx)) is not None:
            flows.append(flow)
            last_was_step = open_step = False
            continue
        text = clean_item(piece.text) if not piece.text.rstrip().endswith(":") else piece.text.strip()
        if not text:
            continue
        if _STRUCTURAL_RE.match(text):
            if last_was_step and raw_steps:
                track = clean_item(raw_steps.pop()["text"])
            open_step = last_was_step = False
            continue
        if raw_steps and open_step and (piece.kind != primary or piece.marker is None):
            step = raw_steps[-1]
            step["text"] += (" " if step["text"].endswith(":") else "; ") + clean_item(text)
            continue
        if raw_steps and not piece.marker and piece.level > 0:
            raw_steps[-1]["text"] += " " + text
            continue
        sentences = _SENTENCE_RE.split(text) if not piece.marker else [text]
        if len(sentences) > 1 and sum(bool(find_actor(x)) for x in sentences) >= 2:
            # "Pemohon mengajukan … . Verifikator memeriksa …": one sentence per step when each names its actor
            for sentence in sentences[:-1]:
                raw_steps.append({"text": clean_item(sentence), "track": track})
            text = clean_item(sentences[-1])
        raw_steps.append({"text": text, "track": track})
        open_step = text.endswith(":")
        last_was_step = True
    steps: list[ProcedureStep] = []
    for n, raw in enumerate(raw_steps, start=1):
        text = raw["text"].rstrip(" :") if raw["text"].endswith(":") else raw["text"]
        branches = find_branches(text)
        steps.append(
            ProcedureStep(
                id=f"s{n}",
                text=text,
                actor=(actor := find_actor(text)),
                action=_action(_without(text, actor)),
                branches=branches,
                pausable=any(b.outcome and _RETURN_WORDS_RE.search(b.outcome) for b in branches),
                track=raw["track"],
            )
        )
    for step in steps:
        for branch in step.branches:
            target = re.search(r"\bkepada\s+(.+?)(?:\s+untuk\b|$)", branch.outcome or "")
            if target and branch.outcome and "kembali" in branch.outcome:
                who = find_actor(target.group(1))
                match = next((s for s in steps if who and s.actor and s.actor.lower() == who.lower()), None)
                if match is not None:
                    branch.goto = match.id
    if not steps and not flows:
        ctx.warn("procedure", "Langkah prosedur tidak dikenali (no procedure steps found)")
    return Procedure(steps=steps, flows=flows)


# --- time limits ---------------------------------------------------------------------------------

_LABEL_SPLIT_RE = re.compile(
    r"(?:(?<=menit)|(?<=jam)|(?<=hari)|(?<=kerja)|(?<=kalender)|(?<=minggu)|(?<=bulan))\s+(?=[A-Z][\w/ ]{0,40}?\s*:)",
    re.IGNORECASE,
)
_LABELLED_RE = re.compile(r"^(?P<label>[^:\d]{2,60}?)\s*:\s*(?P<value>.+)$", re.DOTALL)
_SENTENCE_RE = re.compile(r"(?<=[.;])\s+(?=[A-Z])")


def _is_component_label(text: str, key: str) -> bool:
    label = match_label(text)
    return label is not None and label.key == key and not label.rest


def extract_time_limits(pieces: list[Piece], ctx: Context) -> list[TimeLimit]:
    out: list[TimeLimit] = []
    for piece in _texts(pieces):
        for segment in _LABEL_SPLIT_RE.split(clean_item(piece.text)):
            label, value = None, segment.strip()
            if (m := _LABELLED_RE.match(value)) and not _is_component_label(m.group("label"), "time_limits"):
                label, value = m.group("label").strip(), m.group("value").strip()
            # No limit runs across a sentence end, so scanning sentence by sentence finds what a scan
            # of the whole value would, and says which sentence each limit came from.
            sentences = [(sentence, find_durations(sentence)) for sentence in _SENTENCE_RE.split(value)]
            found = [item for _, items in sentences for item in items]
            if not found:
                out.append(TimeLimit(label=label, text=value))
                ctx.warn(
                    "time_limits",
                    "Jangka waktu tanpa durasi yang dapat dihitung (no countable duration)",
                    value,
                )
                continue
            if len(found) == 1:
                out.append(TimeLimit(label=label, text=value, min=found[0].min, max=found[0].max))
                continue
            for sentence, items in sentences:
                for item in items:
                    out.append(TimeLimit(label=label, text=sentence.strip(" ;"), min=item.min, max=item.max))
    for n, limit in enumerate(out, start=1):
        limit.key = f"t{n}"
    return out


# --- fee -----------------------------------------------------------------------------------------

_FREE_RE = re.compile(
    r"\bgratis\b|\btidak\s+(?:ada|dikenakan|dipungut|dikenai|ditarik)\s+(?:biaya|tarif|pungutan|retribusi)|"
    r"\btanpa\s+(?:biaya|dipungut)|\bbebas\s+biaya\b|\bnihil\b|\bfree\b|\bRp\.?\s*0\s*(?:,-|,00)?(?!\d)|"
    r"\btidak\s+dipungut\b|\bbiaya\s*:?\s*0\b",
    re.IGNORECASE,
)
_RUPIAH_RE = re.compile(r"\bRp\.?\s*(?P<n>\d{1,3}(?:[.,\s]\d{3})+|\d+)(?:,-|,00|\.00|\.-)?", re.IGNORECASE)
_FEE_BASIS_RE = re.compile(
    r"\b(?:sesuai|berdasarkan)\s+(?P<b>(?:peraturan|perda|perbup|perwali|perwal|pergub|undang)[^;.]*)", re.I
)


def extract_fee(pieces: list[Piece], ctx: Context) -> Fee:
    text = " ".join(clean_item(p.text) for p in _texts(pieces))
    amount: int | None = None
    amounts = [int(re.sub(r"\D", "", m.group("n"))) for m in _RUPIAH_RE.finditer(text)]
    if _FREE_RE.search(text) and not any(amounts):
        amount = 0
    elif amounts:
        amount = amounts[0]
    basis = _FEE_BASIS_RE.search(text)
    extra = {"amounts": amounts} if len(amounts) > 1 else {}
    if amount is None and text:
        ctx.warn("fee", "Besaran biaya tidak dikenali (fee amount not recognised)", text)
    elif len(amounts) > 1:
        ctx.warn("fee", "Beberapa tarif disebut; periksa rinciannya (several amounts)", text)
    return Fee(amount=amount, text=text, legal_basis=basis.group("b").strip() if basis else None, **extra)


# --- complaint handling --------------------------------------------------------------------------

_TIER_RE = re.compile(
    r"^(?P<label>(?:pengaduan|aduan|keluhan|pengaduan\s+yang)\b[^:;]{0,120}?)\s*[,:]?\s*"
    r"(?:diselesaikan\s+)?(?:dalam\s+(?:waktu\s+)?)?(?:selambat-lambatnya|paling\s+lama|paling\s+lambat|maksimal|maksimum|dalam|max\.?)?\s*"
    rf"(?={NUMBER_PATTERN})",
    re.IGNORECASE,
)
_LOGBOOK_RE = re.compile(
    r"\bBuku\s+(?:Register\s+|Catatan\s+)?Pengaduan\b|\bRegister\s+Pengaduan\b", re.IGNORECASE
)
_HANDLER_RE = re.compile(
    r"\b(?:Pejabat|Tim|Petugas|Unit)\s+(?:(?:Pengelola|Penerima|Penanganan|Pengelolaan)\s+)?[Pp]engaduan\b"
)
_CALL_CENTRE_RE = re.compile(r"call\s*cent(?:er|re)", re.IGNORECASE)
_REPLY_SAME_RE = re.compile(
    r"sesuai\s+(?:dengan\s+)?(?:sarana|media|saluran)\s+yang\s+(?:dipakai|digunakan)|"
    r"melalui\s+(?:sarana|media|saluran)\s+yang\s+sama",
    re.IGNORECASE,
)


def _tier_key(label: str) -> str:
    words = re.findall(r"[a-z0-9]+", label.lower())
    if words and words[0] in ("pengaduan", "aduan", "keluhan"):
        words = words[1:]
    return "_".join(words) or "umum"


_HEADING_RE = re.compile(
    r":\s*$|^(?:alur|jangka\s+waktu|pengelolaan|mekanisme|prosedur|tata\s+cara)\b[^.;,]{0,60}$", re.IGNORECASE
)
_CHANNEL_PROCEDURE_RE = re.compile(r",?\s*dengan\s+prosedur\s*:?\s*$", re.IGNORECASE)
_MANAGEMENT_RE = re.compile(
    r"^(?:pengelolaan|penanganan|penyelesaian|tindak\s+lanjut)\s+pengaduan\s*:?$", re.I
)
_CHANNEL_LINE_RE = re.compile(
    r"^(?:melalui|via|tatap\s+muka|tertulis|online|secara\s+(?:langsung|tertulis)|"
    r"(?:pengaduan|menyampaikan\s+pengaduan)\b[^.]{0,80}?\b(?:secara|melalui|via|langsung\s+ke|tertulis\s+ke|ke)\b)",
    re.IGNORECASE,
)
_FORMED_RE = re.compile(r"^dibentuk\s+(?P<h>.+?)\.?$", re.IGNORECASE)
_ADDRESSEE_RE = re.compile(
    r"ditujukan\s+kepada\s*:?\s*(?P<h>(?:Sekretaris|Kepala|Pejabat|Petugas|Tim)\b.+?)(?=\s+(?:Kawasan\s+Pusat|Jl\.?\s|Jalan\s|Gedung\s)|[,;]|$)"
)
_OFFICER_NAME_RE = re.compile(
    r"\b(?:Kepala\s+Seksi|Kepala\s+Bagian|Kepala\s+Bidang|Sekretaris|Kasi|Camat|Lurah)(?:\s+[A-Z][a-z]+)+"
)


def _channel_kind_of_heading(text: str) -> str | None:
    """The channel a "…, dengan prosedur :" heading opens: its address, else an officer met in person."""
    found = find_channels(text)
    if found:
        return found[0].kind.value
    named = find_named_channels(text)
    if named:
        return named[0].kind.value
    if re.search(r"\b(?:petugas|pejabat)\b", text, re.IGNORECASE):
        return "in_person"
    return None


def extract_complaints(pieces: list[Piece], ctx: Context) -> ComplaintHandling:
    """Channels, tiers, the logbook, the handlers and the handling steps.

    Channel lines ("Tatap muka langsung kepada …", "E-mail : …") and headings ("… dengan prosedur :",
    "Alur Penanganan Pengaduan :") are not steps; the steps listed under a channel's "dengan
    prosedur" belong to that channel; the steps after "Pengelolaan Pengaduan" are the handling.
    """
    flows: list[Flow] = []
    tiers: list[ComplaintTier] = []
    steps: list[str] = []
    named: list[Channel] = []
    texts: list[str] = []
    channel_steps: dict[str, list[str]] = {}
    handler_hits: list[tuple[int, str]] = []
    notes: list[str] = []
    steps_title: str | None = None
    channel_open: str | None = None  # the channel whose "dengan prosedur" list is being read
    managing = False
    for piece in pieces:
        if (flow := _flow(piece, ctx)) is not None:
            flows.append(flow)
            continue
        text = clean_item(piece.text)
        if not text:
            continue
        texts.append(piece.text)
        m = _TIER_RE.match(text)
        found = find_durations(text) if m else []
        if m and len(found) == 1:
            label = m.group("label").strip(" ,")
            tiers.append(
                ComplaintTier(
                    key=_tier_key(label), label=label, text=text, min=found[0].min, max=found[0].max
                )
            )
            continue
        named.extend(find_named_channels(text))
        if _MANAGEMENT_RE.match(text):
            steps_title, managing, channel_open = text.rstrip(" :"), True, None
            continue
        if managing:
            steps.append(text)
            continue
        if _CHANNEL_PROCEDURE_RE.search(piece.text.strip()):
            channel_open = _channel_kind_of_heading(text)
            continue
        if (formed := _FORMED_RE.match(text)) is not None:
            handler_hits.append((len(" ; ".join(texts)), formed.group("h").strip()))
            notes.append(text if text.endswith(".") else text + ".")
            continue
        if _HEADING_RE.search(piece.text.strip()) or _HEADING_RE.search(text):
            channel_open = None
            continue
        if channel_open is not None:
            channel_steps.setdefault(channel_open, []).append(text)
            continue
        if find_channels(text) or _CHANNEL_LINE_RE.match(text) or find_named_channels(text):
            continue
        steps.append(text)
    full = " ; ".join(texts)
    channels, borrowed = merge_channels(find_channels(full), named, ctx.elsewhere_channels)
    for channel in channels:
        if channel.kind.value in channel_steps and not channel.model_extra.get("steps"):
            channel.steps = channel_steps.pop(channel.kind.value)  # type: ignore[attr-defined]
    if _CALL_CENTRE_RE.search(full):
        for channel in channels:
            if channel.kind.value == "phone":
                channel.label = channel.label or "Call Center"
    for kind in borrowed:
        ctx.warn(
            "complaint_handling",
            f"Alamat saluran '{kind}' diambil dari komponen lain dokumen ini (channel address taken from elsewhere)",
        )
    if not channels:
        ctx.warn(
            "complaint_handling",
            "Saluran pengaduan tidak dikenali (no complaint channel found)",
            full or None,
        )
    logbook = _LOGBOOK_RE.search(full)
    handler_hits += [(m.start(), m.group(0)) for m in _HANDLER_RE.finditer(full)]
    handler_hits += [(m.start(), m.group("h").strip()) for m in _ADDRESSEE_RE.finditer(full)]
    managed = " ; ".join(steps)
    offset = full.find(steps[0]) if steps else 0
    handler_hits += [(offset + m.start(), m.group(0)) for m in _OFFICER_NAME_RE.finditer(managed)]
    end = len(full)
    for flow in flows:
        for node in flow.nodes:
            handler_hits += [(end, m.group(0)) for m in _HANDLER_RE.finditer(node.label)]
    by_name: dict[str, str] = {}
    for _, handler in sorted(handler_hits, key=lambda hit: hit[0]):
        by_name.setdefault(handler.lower(), handler)
    handlers = list(by_name.values())
    extra = {"steps_title": steps_title} if steps_title else {}
    return ComplaintHandling(
        channels=channels,
        tiers=tiers,
        steps=steps,
        flows=flows,
        logbook=logbook.group(0) if logbook else None,
        handlers=handlers,
        reply_over_channel_used=bool(_REPLY_SAME_RE.search(full)),
        notes=notes,
        **extra,
    )


# --- legal basis ---------------------------------------------------------------------------------

_REGULATION_RE = re.compile(
    r"^(?P<type>.+?)\s+(?:Nomor|Nomer|No\.?|Nmr\.?)\s*:?\s*(?P<number>[\w./-]+?)\s*,?\s*"
    r"(?:Tahun|Th\.?|Thn\.?|/)\s*(?P<year>(?:19|20)\d{2})\b\s*(?:,?\s*tentang\s+(?P<title>.+?))?\s*(?:\(|$)",
    re.IGNORECASE,
)
_ACT_SHORT_RE = re.compile(
    r"^(?P<type>UU|PP|Perpres|Permen\S*|Perda|Perbup|Perwal|Pergub|Kepmen\S*)\s+(?P<number>\d+)/(?P<year>\d{4})\b",
    re.I,
)


def regulation_from_text(text: str) -> Regulation:
    if m := _REGULATION_RE.match(text):
        title = m.group("title")
        return Regulation(
            text=text,
            type=m.group("type").strip(" ,"),
            number=m.group("number"),
            year=int(m.group("year")),
            title=title.strip(" ;.") if title else None,
        )
    if m := _ACT_SHORT_RE.match(text):
        return Regulation(
            text=text, type=m.group("type"), number=m.group("number"), year=int(m.group("year"))
        )
    return Regulation(text=text)


def extract_legal_basis(pieces: list[Piece], ctx: Context) -> list[Regulation]:
    out = []
    for piece in _texts(pieces):
        regulation = regulation_from_text(clean_item(piece.text))
        if regulation.year is None:
            ctx.warn("legal_basis", "Nomor/tahun peraturan tidak dikenali (regulation not structured)", piece)
        out.append(regulation)
    return out


# --- lists of text -------------------------------------------------------------------------------


def extract_strings(pieces: list[Piece], ctx: Context) -> list[str]:
    return [clean_item(p.text) for p in _texts(pieces)]


def extract_facilities(pieces: list[Piece], ctx: Context) -> list[str]:
    out: list[str] = []
    for piece in _texts(pieces):
        text = clean_item(piece.text)
        parts = [p.strip() for p in text.split(",")]
        if len(parts) > 1 and all(0 < len(p.split()) <= 5 for p in parts):
            last = re.split(r"\s+dan\s+", parts[-1])
            if len(last) == 2 and all(len(x.split()) <= 3 for x in last):
                parts[-1:] = last
            out.extend(re.sub(r"^dan\s+", "", p) for p in parts if p)
        else:
            out.append(text)
    return out


_FIELD_RE = re.compile(
    r"\b(?P<f>Pendidikan|Pelatihan|Diklat|Keterampilan|Ketrampilan|Keahlian|Kemampuan|Pengalaman(?:\s+kerja)?)\s*:\s*",
    re.IGNORECASE,
)
_FIELD_NAMES = {
    "pendidikan": "education",
    "pelatihan": "training",
    "diklat": "training",
    "keterampilan": "skills",
    "ketrampilan": "skills",
    "keahlian": "skills",
    "kemampuan": "skills",
    "pengalaman": "experience",
}


def extract_competence(pieces: list[Piece], ctx: Context) -> list[Competence]:
    grouped: list[str] = []
    for piece in _texts(pieces):
        text = clean_item(piece.text)
        if grouped and not piece.marker and _FIELD_RE.match(text):
            grouped[-1] += " " + text
        else:
            grouped.append(text)
    out = []
    for text in grouped:
        fields = list(_FIELD_RE.finditer(text))
        if not fields:
            out.append(Competence(text=text))
            continue
        values: dict[str, str] = {}
        for i, m in enumerate(fields):
            end = fields[i + 1].start() if i + 1 < len(fields) else len(text)
            name = _FIELD_NAMES[m.group("f").split()[0].lower()]
            value = text[m.end() : end].strip(" ;,")
            values[name] = f"{values[name]}; {value}" if name in values else value
        role = text[: fields[0].start()].strip(" :;,") or None
        out.append(Competence(text=text, role=role, **values))
    return out


_ROLE_COUNT_RE = re.compile(
    rf"^(?P<role>[^\d:=]{{2,80}}?)\s*(?:sebanyak|berjumlah|jumlah|:|=|-|–)?\s*(?P<n>{NUMBER_PATTERN})\s*(?:orang|org|personil|personel|pegawai|petugas)\b",
    re.IGNORECASE,
)
_COUNT_ROLE_RE = re.compile(rf"^(?P<n>{NUMBER_PATTERN})\s*(?:orang|org)\b\s*(?P<role>.*)$", re.IGNORECASE)
_TOTAL_RE = re.compile(r"^(?:total|jumlah|seluruhnya|keseluruhan)\b", re.IGNORECASE)


def extract_staff(pieces: list[Piece], ctx: Context) -> StaffCount:
    roles: list[RoleCount] = []
    total: int | None = None
    texts = [clean_item(p.text) for p in _texts(pieces)]
    for text in texts:
        for part in re.split(r"\s*[;,]\s*(?=[A-Za-z][^,;]*?\d)", text):
            if m := _COUNT_ROLE_RE.match(part):
                n = parse_number(m.group("n"))
                role = m.group("role").strip(" .;:")
                if role and n is not None:
                    roles.append(RoleCount(role=_role(role), count=n))
                elif n is not None:
                    total = n
            elif m := _ROLE_COUNT_RE.match(part):
                n = parse_number(m.group("n"))
                if n is None:
                    continue
                if _TOTAL_RE.match(m.group("role")):
                    total = n
                else:
                    roles.append(RoleCount(role=_role(m.group("role")), count=n))
    if total is None and roles:
        total = sum(r.count for r in roles)
    if total is None:
        ctx.warn(
            "staff_count", "Jumlah pelaksana tidak berupa angka (no head count)", " ".join(texts) or None
        )
    return StaffCount(total=total, roles=roles, text="\n".join(texts))


def _role(text: str) -> str:
    return re.sub(r"\s*/\s*", "/", text.strip(" .;:,"))


_KIND_WORDS = (
    (re.compile(r"surve[iy]|\bskm\b|kepuasan", re.I), "survey"),
    (re.compile(r"\brapat\b|pertemuan", re.I), "meeting"),
    (re.compile(r"monitoring|pemantauan", re.I), "monitoring"),
)


def extract_evaluation(pieces: list[Piece], ctx: Context) -> list[Evaluation]:
    out: list[Evaluation] = []
    for piece in _texts(pieces):
        text = clean_item(piece.text)
        parts = [text]
        for cut in re.finditer(r",\s+(?=[A-Z])", text):
            left, right = text[: cut.start()], text[cut.end() :]
            if find_frequency(left) and find_frequency(right):
                parts = [left, right]
                break
        for part in parts:
            kind = next((k for pattern, k in _KIND_WORDS if pattern.search(part)), None)
            out.append(Evaluation(text=part.strip(), frequency=find_frequency(part), kind=kind))
    return out
