"""From the procedure as written to the executable procedure of schema v2.

Pure Python. The extractor (``extract.extract_procedure``) keeps each step as the decree words it;
this module decides, step by step, who *acts* (not who is the grammatical subject: in "Pengguna
layanan menerima tanda terima dari petugas" the officer acts, by giving the receipt), declares the
tracks with the channels that enter them, links the steps with transitions that have targets, and
binds the time limits to tracks and steps. Whatever it cannot decide is left empty and reported as
a review finding (``compliance.Finding`` with a code and the path of the field) rather than guessed.
Role codes are matched to an agency's roles later, by ``roles.bind_roles``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pelayan.lib.compliance import Finding, Severity
from pelayan.lib.importer.channels import find_channels
from pelayan.lib.standard_schema import (
    Channel,
    ChannelKind,
    ClockEdge,
    ClockPoint,
    EndState,
    Flow,
    Performer,
    Procedure,
    ProcedureStep,
    StepAction,
    TimeLimit,
    Track,
    Transition,
    TransitionKind,
    key_from_text,
)


def review(code: str, component: str, path: str, /, **params: object) -> Finding:
    """A field the importer left for the reviewer to decide. Positional-only, so a parameter may be
    called ``code`` (the role code a proposal names)."""
    return Finding(Severity.WARNING, code, component, path, dict(params))


_APPLICANT_RE = re.compile(
    r"^(?:(?:masyarakat\s+)?(?:pengguna|peguna|pengunna)\s+layanan|pemohon|masyarakat|tamu(?:/(?:pengguna|peguna)\s+layanan)?|"
    r"pengadu|pelapor|warga|pengunjung|pasien)\b",
    re.IGNORECASE,
)
# An applicant's sentence whose verb says someone else acts on them: "menerima … dari petugas",
# "menunggu hasil disposisi pimpinan", "diarahkan oleh petugas front office".
_RECEIVES_RE = re.compile(
    r"\b(?:menerima|menunggu|diarahkan|dilayani|diberikan|mendapat(?:kan)?)\b", re.IGNORECASE
)
_OFFICER_HEAD_RE = re.compile(
    r"^(?:petugas|pejabat|operator|staf|staff|tim|pegawai|pimpinan|kepala|sekretaris|kasi|kabag|camat|lurah|"
    r"resepsionis|verifikator|bagian|bidang|seksi)\b",
    re.IGNORECASE,
)
_ARRIVES_RE = re.compile(r"\b(?:datang|menginformasikan|melaporkan\s+diri|mendaftarkan\s+diri)\b", re.I)
_GIVER_RE = re.compile(r"\b(?:oleh|dari|disposisi)\s+(?P<who>.+)$", re.IGNORECASE)
_TO_OFFICER_RE = re.compile(r"\bkepada\s+(?P<who>.+)$", re.IGNORECASE)
_PHRASE_END_RE = re.compile(
    r"\s+(?:di|ke|untuk|secara|dari|melalui|dengan|sesuai|kepada)\s+|[,.;:]|\s+\(|\s+yang\s+(?:menunjukkan|telah)\b",
    re.IGNORECASE,
)
_LEADING_CONDITION_RE = re.compile(r"^(?:apabila|jika|bila|bilamana)\b[^,]{2,80},\s*", re.IGNORECASE)
_APPROVAL_RE = re.compile(
    r"\b(?:apabila|jika|bila)\s+(?:permohonan|berkas|pengajuan|usulan)\s+(?:di)?(?:setujui|terima|diterima)\b",
    re.IGNORECASE,
)
_COMPLETE_RE = re.compile(r"\b(?:jika|apabila|bila)\s+(?:berkas|persyaratan|dokumen)?\s*lengkap\b", re.I)
_INCOMPLETE_RE = re.compile(r"\b(?:jika|apabila|bila)\s+(?:berkas\s+)?(?:tidak|belum)\s+lengkap\b", re.I)
_SYSTEM_RE = re.compile(r"^(?:peng)?arsip(?:an)?\b|^(?:pencatatan|penyimpanan)\s+(?:otomatis|arsip)", re.I)
_SUBITEMS_RE = re.compile(r"^(?P<who>[^:]{3,80}?)\s+(?:melakukan|bertugas)\s*:\s*(?P<items>.+)$", re.I)
_TITLED_RE = re.compile(r"^(?P<title>[^:]{3,60}?)\s*(?:melalui)?\s*:\s*(?P<rest>.*)$", re.IGNORECASE)

_IN_PERSON_RE = re.compile(r"\b(?:datang|hadir|menuju|tatap\s+muka|buku\s+tamu|tamu)\b", re.IGNORECASE)
_ONLINE_RE = re.compile(r"\b(?:online|daring|aplikasi|website|sistem\s+informasi)\b", re.IGNORECASE)
# Not any "surat": the product itself is often one ("Surat Pengantar Izin Keramaian").
_LETTER_RE = re.compile(r"\b(?:melalui|via|dengan|mengirim(?:kan)?)\s+surat\b|\bsurat\s+permohonan\b", re.I)
_BOX_RE = re.compile(r"\bkotak\s+(?:pengaduan|saran)\b", re.IGNORECASE)

_DEFAULT_KEYS = {
    TransitionKind.SUBMIT: "ajukan",
    TransitionKind.COMPLETE: "selesai",
    TransitionKind.APPROVE: "setujui",
    TransitionKind.RETURN: "kembalikan",
    TransitionKind.REJECT: "tolak",
    TransitionKind.SIGN: "tandatangani",
    TransitionKind.FORWARD: "teruskan",
    TransitionKind.DISPOSE: "disposisi",
    TransitionKind.WITHDRAW: "batalkan",
}
_KIND_OF_ACTION = {
    StepAction.DISPOSE: TransitionKind.DISPOSE,
    StepAction.SIGN: TransitionKind.SIGN,
    StepAction.FORWARD: TransitionKind.FORWARD,
    StepAction.DELIVER: TransitionKind.FORWARD,
    StepAction.RETURN: TransitionKind.FORWARD,  # without a condition: the file is sent back on, not refused
    StepAction.SUBMIT: TransitionKind.FORWARD,  # an officer "mengajukan" to the next officer
}


@dataclass
class Built:
    procedure: Procedure
    findings: list[Finding] = field(default_factory=list)


def _phrase(text: str) -> str:
    return _PHRASE_END_RE.split(text.strip(), maxsplit=1)[0].strip()


def _officer_after(pattern: re.Pattern[str], text: str) -> str | None:
    for m in pattern.finditer(text):
        who = _phrase(m.group("who"))
        if who and _OFFICER_HEAD_RE.match(who):
            return who
    return None


def _giver(text: str) -> str | None:
    """The officer an applicant's sentence names as acting on them ("oleh X", "dari X", "disposisi X")."""
    for word in ("oleh", "dari", "disposisi"):
        for m in re.finditer(rf"\b{word}\s+(?P<who>.+)$", text, re.IGNORECASE):
            who = _phrase(m.group("who"))
            if who and (_OFFICER_HEAD_RE.match(who) or word == "disposisi"):
                return who
    return None


def decide_performer(
    text: str, actor: str | None, action: StepAction | None, applicant_subject: bool
) -> tuple[Performer | None, str | None, StepAction | None]:
    """Who acts in a step, the actor phrase naming the officer (None: not said), and the officer's
    act when the sentence was written from the applicant's side.

    ``applicant_subject``: the sentence has no subject of its own and continues one whose subject
    is the applicant (Kalbar's "Menyampaikan keperluan, mengisi buku tamu").
    """
    body = _LEADING_CONDITION_RE.sub("", text)
    if _SYSTEM_RE.match(body) and (actor is None or not _OFFICER_HEAD_RE.match(actor)):
        return Performer.SYSTEM, None, action
    is_applicant = bool(_APPLICANT_RE.match(body)) or (actor is None and applicant_subject)
    if actor and not is_applicant and not _APPLICANT_RE.match(actor):
        return Performer.STAFF, actor, action
    if not is_applicant:
        return None, None, action
    if _RECEIVES_RE.search(body) and ((giver := _giver(body)) or re.search(r"\bmenerima\b", body, re.I)):
        # Receiving something implies a giver even when the decree does not name them.
        return Performer.STAFF, giver, _officer_act(body, action)
    if _ARRIVES_RE.search(body) and (who := _officer_after(_TO_OFFICER_RE, body)):
        # "… datang langsung … dan menginformasikan permohonan konsultasi kepada petugas front
        # office": the officer receives and records the visitor. Handing a file over ("menyerahkan
        # berkas kepada Petugas Loket") stays the applicant's act.
        return Performer.STAFF, who, _officer_act(body, action)
    return Performer.APPLICANT, None, action


def _officer_act(body: str, action: StepAction | None) -> StepAction | None:
    """The officer's act in a sentence written from the applicant's side."""
    if re.search(r"\bdisposisi\b", body, re.IGNORECASE):
        return StepAction.DISPOSE
    # Being directed on, or given directions ("Menerima Informasi dari Petugas" at the information
    # desk), is the officer passing the visitor on to whoever serves them.
    if re.search(r"\b(?:diarahkan|diteruskan)\b|\bmenerima\s+(?:informasi|petunjuk|arahan)\b", body, re.I):
        return StepAction.FORWARD
    if action in (StepAction.SUBMIT, None):
        return StepAction.RECEIVE
    return action


def _split_subitems(text: str) -> list[str] | None:
    m = _SUBITEMS_RE.match(text)
    if not m:
        return None
    who = m.group("who").strip()
    items = [x.strip(" .;") for x in re.split(r";\s*", m.group("items")) if x.strip(" .;")]
    if len(items) < 2:
        return None
    return [f"{who} {item[:1].lower()}{item[1:]}." for item in items]


def _channels_of(text: str, *, named_only: bool = False) -> list[Channel]:
    """The channels a track's title or first step names."""
    out: list[Channel] = []
    if _IN_PERSON_RE.search(text):
        out.append(Channel(kind=ChannelKind.IN_PERSON))
    if _BOX_RE.search(text):
        out.append(Channel(kind=ChannelKind.COMPLAINT_BOX))
    if not named_only:
        out.extend(find_channels(text))
    if _LETTER_RE.search(text) and not _IN_PERSON_RE.search(text) and not _BOX_RE.search(text):
        out.append(Channel(kind=ChannelKind.LETTER))
    if _ONLINE_RE.search(text) and not any(c.kind is ChannelKind.WEBSITE for c in out) and not out:
        out.append(Channel(kind=ChannelKind.WEBSITE))
    seen: set[str] = set()
    unique = []
    for channel in out:
        if channel.kind.value not in seen:
            seen.add(channel.kind.value)
            unique.append(channel)
    return unique


@dataclass
class _Raw:
    text: str
    track: str | None
    actor: str | None = None
    action: StepAction | None = None
    performer: Performer | None = None
    forced_kind: TransitionKind | None = None
    branches: list = field(default_factory=list)


def _fork_tracks(steps: list[ProcedureStep], flows: list[Flow]) -> tuple[list, list] | None:
    """Tracks drawn as a fork in the flowchart: the citizen's node leads to two or more titled nodes
    ("PENGADUAN MANUAL", "PENGADUAN ONLINE"), each explained by an item "Pengaduan Manual : …"; the
    node after each title is the officer who receives it; the branches meet at a shared node."""
    for flow in flows:
        labels = {n.id: n.label.strip() for n in flow.nodes}
        succ: dict[str, list[str]] = {}
        for edge in flow.edges:
            succ.setdefault(edge.source, []).append(edge.target)
        titled: dict[str, ProcedureStep] = {}
        for step in steps:
            m = _TITLED_RE.match(step.text)
            if not m:
                continue
            title = m.group("title").strip().lower()
            for node_id, label in labels.items():
                if label.lower() == title or label.lower().startswith(title):
                    titled[node_id] = step
        forks = [(src, [t for t in targets if t in titled]) for src, targets in succ.items()]
        forks = [(src, targets) for src, targets in forks if len(targets) >= 2]
        if not forks:
            continue
        _, branch_nodes = forks[0]
        tracks: list[tuple[Track, list[_Raw]]] = []
        shared_node: str | None = None
        for node in branch_nodes:
            step = titled[node]
            title = _TITLED_RE.match(step.text).group("title").strip()  # type: ignore[union-attr]
            key = key_from_text(title)
            raws = [_Raw(text=step.text, track=key, performer=Performer.APPLICANT, action=StepAction.SUBMIT)]
            receiver = (succ.get(node) or [None])[0]
            if receiver is not None:
                after = (succ.get(receiver) or [None])[0]
                who = _titlecase(labels[receiver])
                into = f" dan meneruskannya kepada {_titlecase(labels[after])}" if after else ""
                raws.append(
                    _Raw(
                        text=f"{who} menerima {title[:1].lower()}{title[1:]}{into}",
                        track=key,
                        actor=who,
                        performer=Performer.STAFF,
                        action=StepAction.RECEIVE,
                        forced_kind=TransitionKind.FORWARD,
                    )
                )
                shared_node = after
            channels = _channels_of(step.text)
            tracks.append((Track(key=key, title=title, channels=channels), raws))
        shared: list[_Raw] = []
        used = {id(titled[n]) for n in branch_nodes}
        for step in steps:
            if id(step) in used:
                continue
            items = _split_subitems(step.text) or [step.text]
            for item in items:
                shared.append(_Raw(text=item, track=None))
        if shared_node is None and not shared:
            return None
        return tracks, shared
    return None


def _titlecase(label: str) -> str:
    small = {"dan", "atau", "di", "ke", "dari", "yang", "untuk"}
    words = label.split()
    out = []
    for i, word in enumerate(words):
        if word.isupper() and len(word) <= 3 and word not in ("DAN",):
            out.append(word)  # IT, TU, KTP
        elif i and word.lower() in small:
            out.append(word.lower())
        else:
            out.append(word[:1].upper() + word[1:].lower())
    return " ".join(out)


def build_procedure(
    procedure: Procedure, *, find_actor, find_action, extra_channels: list[Channel] | None = None
) -> Built:
    """The executable procedure for the steps and flows the extractor read.

    ``find_actor``/``find_action`` are the extractor's readers of a sentence's actor and verb;
    ``extra_channels`` are addresses named elsewhere in the decree (the e-mail a letter may go to).
    """
    findings: list[Finding] = []
    raw_tracks: list[tuple[Track, list[_Raw]]] = []
    shared: list[_Raw] = []
    fork = _fork_tracks(procedure.steps, procedure.flows)
    if fork is not None:
        raw_tracks, shared = fork
    else:
        order: list[str | None] = []
        by_track: dict[str | None, list[_Raw]] = {}
        for step in procedure.steps:
            if step.track not in by_track:
                order.append(step.track)
                by_track[step.track] = []
            by_track[step.track].append(_Raw(text=step.text, track=step.track, branches=list(step.branches)))
        titled = [t for t in order if t]
        if titled:
            for title in titled:
                key = key_from_text(title)
                channels = _channels_of(title, named_only=True)
                if any(c.kind is ChannelKind.LETTER for c in channels):
                    channels += [c for c in extra_channels or [] if c.kind is ChannelKind.EMAIL][:1]
                raws = by_track[title]
                for raw in raws:
                    raw.track = key
                raw_tracks.append((Track(key=key, title=title, channels=channels), raws))
            shared = by_track.get(None, [])
        elif procedure.steps:
            raws = by_track[None]
            text = " ".join(r.text for r in raws)
            channels = _channels_of(text, named_only=True)
            key = "utama"
            # One track: its steps are every track's steps (track None), as in a hand-made standard.
            raw_tracks.append((Track(key=key, title="Alur pelayanan", channels=channels), raws))
            findings.append(review("track_title_not_stated", "procedure", f"procedure.tracks.{key}.title"))
            if not channels:
                findings.append(
                    review("track_channels_not_stated", "procedure", f"procedure.tracks.{key}.channels")
                )
    tracks = [t for t, _ in raw_tracks]
    for track in tracks:
        if not track.channels:
            findings.append(
                review("track_channels_not_stated", "procedure", f"procedure.tracks.{track.key}.channels")
            )
    # Ids: "s1", "s2", … in the order the steps are listed, tracks first, shared steps last.
    sequences: list[list[_Raw]] = [raws for _, raws in raw_tracks]
    steps: list[ProcedureStep] = []
    ids: dict[int, str] = {}
    for raw in [r for raws in [*sequences, shared] for r in raws]:
        ids[id(raw)] = f"s{len(ids) + 1}"
    applicant_subject = False
    decided: dict[int, ProcedureStep] = {}
    for raws in [*sequences, shared]:
        applicant_subject = False
        for raw in raws:
            sid = ids[id(raw)]
            actor = raw.actor or find_actor(raw.text)
            action = raw.action or find_action(raw.text, actor)
            performer = raw.performer
            officer = raw.actor
            if performer is None:
                performer, officer, action = decide_performer(raw.text, actor, action, applicant_subject)
            body = _LEADING_CONDITION_RE.sub("", raw.text)
            if _APPLICANT_RE.match(body):
                applicant_subject = True
            elif actor and not _APPLICANT_RE.match(actor):
                applicant_subject = False
            step = ProcedureStep(
                id=sid,
                text=raw.text,
                actor=officer if performer is Performer.STAFF else actor,
                action=action,
                performer=performer,
                branches=raw.branches,
                track=raw.track,
            )
            if performer is None:
                findings.append(
                    review("step_performer_undecided", "procedure", f"procedure.steps.{sid}.performer")
                )
            elif performer is Performer.STAFF and not officer:
                findings.append(
                    review("step_officer_not_named", "procedure", f"procedure.steps.{sid}.role", step=sid)
                )
            decided[id(raw)] = step
            steps.append(step)
    _link(sequences, shared, decided, steps, findings)
    return Built(
        Procedure(tracks=tracks, steps=steps, flows=procedure.flows, notes=procedure.notes), findings
    )


def _transition(
    kind: TransitionKind, *, to: str | None = None, end: EndState | None = None, **extra
) -> Transition:
    return Transition(key=_DEFAULT_KEYS[kind], kind=kind, to=to, end=end, **extra)


def _link(
    sequences: list[list[_Raw]],
    shared: list[_Raw],
    decided: dict[int, ProcedureStep],
    steps: list[ProcedureStep],
    findings: list[Finding],
) -> None:
    first_shared = decided[id(shared[0])].id if shared else None
    for raws in [*sequences, shared]:
        chain = [decided[id(r)] for r in raws]
        for i, step in enumerate(chain):
            nxt = chain[i + 1].id if i + 1 < len(chain) else (first_shared if raws is not shared else None)
            raw = raws[i]
            entry = i == 0 and raws is not shared
            if step.performer is Performer.APPLICANT or (entry and raws is not shared):
                kind = TransitionKind.SUBMIT
            elif raw.forced_kind is not None:
                kind = raw.forced_kind
            elif step.action is StepAction.SUBMIT and not re.search(r"\bmengajukan\b", step.text, re.I):
                kind = TransitionKind.COMPLETE  # an officer "menyampaikan hasil": the answer, not a hand-over
            else:
                kind = _KIND_OF_ACTION.get(step.action, TransitionKind.COMPLETE)  # type: ignore[arg-type]
            if step.performer is Performer.SYSTEM:
                kind = TransitionKind.COMPLETE
            target = {"to": nxt} if nxt else {"end": EndState.COMPLETED}
            own = _APPROVAL_RE.search(step.text)
            following = chain[i + 1] if i + 1 < len(chain) else None
            if (
                following is not None
                and (m := _LEADING_CONDITION_RE.match(following.text))
                and _APPROVAL_RE.match(m.group(0))
            ):
                own = _APPROVAL_RE.match(m.group(0))
            if own and _LEADING_CONDITION_RE.match(step.text) and _APPROVAL_RE.match(step.text):
                own = None  # this step's condition was decided by the step before it
            if own and nxt:
                condition = own.group(0)
                step.transitions = [
                    _transition(
                        TransitionKind.APPROVE, to=nxt, condition=condition[:1].upper() + condition[1:]
                    ),
                    _transition(TransitionKind.REJECT, end=EndState.REJECTED),
                ]
                continue
            if _INCOMPLETE_RE.search(step.text) and _COMPLETE_RE.search(step.text):
                back = _return_target(step, chain[:i])
                if back is not None and nxt:
                    back.pauses_clock = True
                    step.transitions = [
                        _transition(TransitionKind.APPROVE, to=nxt, condition="Jika berkas lengkap"),
                        _transition(
                            TransitionKind.RETURN,
                            to=back.id,
                            condition="Jika berkas tidak lengkap",
                            outcome=next(
                                (b.outcome for b in step.branches if b.outcome and "kembali" in b.outcome),
                                None,
                            ),
                        ),
                    ]
                    continue
                findings.append(
                    review(
                        "return_target_not_found",
                        "procedure",
                        f"procedure.steps.{step.id}.transitions",
                        step=step.id,
                    )
                )
            step.transitions = [_transition(kind, **target)]
            for branch in step.branches:
                if not (
                    _APPROVAL_RE.search(branch.condition)
                    or _COMPLETE_RE.search(branch.condition)
                    or _INCOMPLETE_RE.search(branch.condition)
                ):
                    findings.append(
                        review(
                            "condition_not_structured",
                            "procedure",
                            f"procedure.steps.{step.id}.branches",
                            step=step.id,
                            condition=branch.condition,
                        )
                    )


def _return_target(step: ProcedureStep, before: list[ProcedureStep]) -> ProcedureStep | None:
    m = re.search(r"\bdikembalikan\s+kepada\s+(?P<who>.+?)(?:\s+untuk\b|[.;,]|$)", step.text, re.I)
    if not m:
        return before[0] if len(before) == 1 else None
    who = m.group("who").strip().lower()
    for candidate in reversed(before):
        if candidate.actor and candidate.actor.lower() == who:
            return candidate
    return None


# --- time limits ---------------------------------------------------------------------------------

_ANCHOR_RE = re.compile(
    r"\b(?:maksimal|paling\s+lambat|selambat-lambatnya|dalam\s+waktu|paling\s+lama)\b", re.I
)
_START_AT_SUBMISSION_RE = re.compile(
    r"\b(?:sejak|setelah|sesudah)\s+(?:surat\s+permohonan\s+diterima|permohonan\s+diterima|berkas\s+diterima|"
    r"menyampaikan|mengajukan|diterimanya|pendaftaran)",
    re.IGNORECASE,
)
_START_AFTER_RE = re.compile(r"\b(?:setelah|sesudah)\s+(?P<what>\w+(?:\s+\w+)?)", re.IGNORECASE)
_OPEN_ENDED_RE = re.compile(r"^\s*(?:sesuai|tergantung|menyesuaikan)\b", re.IGNORECASE)
_MILESTONES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    # words of the limit → words of the step that ends it
    (
        re.compile(r"\bsurat\s+jawaban\b|\bjawaban\b", re.I),
        re.compile(r"\bsurat\s+jawaban\b|\bjawaban\b", re.I),
    ),
    (re.compile(r"\bdiarahkan\b", re.I), re.compile(r"\bdiarahkan\b", re.I)),
)
_TRACK_WORDS: tuple[tuple[re.Pattern[str], ChannelKind], ...] = (
    (re.compile(r"\b(?:datang|hadir)\s+langsung\b", re.I), ChannelKind.IN_PERSON),
    (re.compile(r"\bsurat\b", re.I), ChannelKind.LETTER),
    (re.compile(r"\b(?:online|daring)\b", re.I), ChannelKind.WEBSITE),
)


def bind_time_limits(limits: list[TimeLimit], procedure: Procedure) -> list[Finding]:
    """Bind each limit to its track and to the steps where its clock starts and stops."""
    findings: list[Finding] = []
    steps = procedure.steps
    for n, limit in enumerate(limits, start=1):
        if limit.key is None or re.fullmatch(r"t\d+", limit.key or ""):
            base = limit.label or ""
            limit.key = key_from_text(base) if base else f"batas-{n}"
    keys = [limit.key for limit in limits]
    for i, key in enumerate(keys):
        if keys.count(key) > 1:
            limits[i].key = f"{key}-{i + 1}"
    labelled = [limit for limit in limits if limit.label]
    previous_stop: dict[str | None, ClockPoint] = {}
    for limit in limits:
        path = f"time_limits.{limit.key}"
        if limit.max is None and _OPEN_ENDED_RE.match(limit.text):
            limit.open_ended = True
        if len(procedure.tracks) > 1:
            kinds = {kind for pattern, kind in _TRACK_WORDS if pattern.search(limit.text)}
            matching = [t for t in procedure.tracks if any(c.kind in kinds for c in t.channels)]
            if len(matching) == 1:
                limit.track = matching[0].key
            elif len(matching) > 1:
                findings.append(review("time_limit_track_undecided", "time_limits", f"{path}.track"))
        in_track = [s for s in steps if limit.track is None or s.track in (limit.track, None)]
        if not in_track:
            continue
        ids = [s.id for s in in_track]
        # The clock's start.
        if _START_AT_SUBMISSION_RE.search(limit.text):
            limit.start_text = _START_AT_SUBMISSION_RE.search(limit.text).group(0)  # type: ignore[union-attr]
        elif (m := _START_AFTER_RE.search(limit.text)) and limit.track in previous_stop:
            limit.start_text = m.group(0)
            point = previous_stop[limit.track]
            limit.start = ClockPoint(step=point.step, on=ClockEdge.LEAVE)
        elif _START_AFTER_RE.search(limit.text):
            findings.append(review("time_limit_start_undecided", "time_limits", f"{path}.start"))
        # The clock's stop: the step the limit names, else the end of the track.
        stop = None
        head = _ANCHOR_RE.split(limit.text, maxsplit=1)[0]
        for limit_words, step_words in _MILESTONES:
            if limit_words.search(head):
                named = [s for s in in_track if step_words.search(s.text)]
                if named:
                    stop = named[-1]
                    break
        if stop is None and limit.label and len(labelled) > 1:
            # "Administrasi : 15 Menit  Konsultasi : sesuai materi": the limit whose label names a
            # step covers that step; the other covers the steps before it.
            own = [s for s in in_track if re.search(rf"\b{re.escape(limit.label)}\b", s.text, re.I)]
            others = [
                s
                for other in labelled
                if other is not limit
                for s in in_track
                if re.search(rf"\b{re.escape(other.label or '')}\b", s.text, re.I)
            ]
            if own:
                limit.step_ids = [s.id for s in own]
                continue
            if others:
                first = ids.index(others[0].id)
                if first > 0:
                    stop = in_track[first - 1]
        if stop is None and limit.start is not None:
            stop = in_track[-1]
        if stop is not None:
            limit.stop = ClockPoint(step=stop.id, on=ClockEdge.LEAVE)
            previous_stop[limit.track] = limit.stop
            begin = ids.index(limit.start.step) + 1 if limit.start is not None else 0
            limit.step_ids = ids[begin : ids.index(stop.id) + 1]
        else:
            begin = ids.index(limit.start.step) + 1 if limit.start is not None else 0
            limit.step_ids = ids[begin:]
    return findings
