"""Display helpers for the public pages: words, links and diagrams built from registry data.

No queries and no business rules: everything here turns values already loaded into text fit to
show. Wording is Indonesian at source and translated through the usual catalogues.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from django.utils import formats
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from cases.models import CaseStatus
from pelayan.lib.flowchart import (
    Direction,
    Edge,
    FlowTransition,
    Node,
    ProcessStep,
    process_to_graph,
    render_svg,
    short_label,
)
from pelayan.lib.process import CompiledStep, CompiledTransition, Process
from pelayan.lib.standard_schema import (
    DELIVERY_COMPONENTS,
    MANAGEMENT_COMPONENTS,
    Channel,
    ChannelKind,
    ClockEdge,
    ClockPoint,
    Components,
    DurationUnit,
    EndState,
    Fee,
    Flow,
    Frequency,
    FrequencyPer,
    Performer,
    Procedure,
    ProcedureStep,
    Quantity,
    Requirement,
    RequirementKind,
    TimeLimit,
)
from pelayan.lib.workcal import WeeklyHours
from standards.components import COMPONENT_LABELS
from standards.models import Agency, Service, Standard

DEFAULT_PLEDGE = gettext_lazy(
    "Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang "
    "telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai "
    "peraturan perundang-undangan yang berlaku."
)
LAPOR_URL = "https://www.lapor.go.id/"

SECTION_TITLES: dict[str, Promise] = {
    "A": gettext_lazy("Komponen standar pelayanan yang terkait dengan proses penyampaian pelayanan"),
    "B": gettext_lazy(
        "Komponen standar pelayanan yang terkait dengan pengelolaan pelayanan di internal organisasi"
    ),
}

CHANNEL_KIND_LABELS: dict[str, Promise] = {
    ChannelKind.IN_PERSON: gettext_lazy("Datang langsung"),
    ChannelKind.COMPLAINT_BOX: gettext_lazy("Kotak pengaduan"),
    ChannelKind.LETTER: gettext_lazy("Surat"),
    ChannelKind.EMAIL: gettext_lazy("Surel"),
    ChannelKind.PHONE: gettext_lazy("Telepon"),
    ChannelKind.WHATSAPP: gettext_lazy("WhatsApp"),
    ChannelKind.SMS: gettext_lazy("SMS"),
    ChannelKind.FAX: gettext_lazy("Faksimile"),
    ChannelKind.WEBSITE: gettext_lazy("Situs web"),
    ChannelKind.LAPOR: gettext_lazy("SP4N-LAPOR!"),
    ChannelKind.SOCIAL_MEDIA: gettext_lazy("Media sosial"),
}

REQUIREMENT_KIND_LABELS: dict[str, Promise] = {
    RequirementKind.DOCUMENT: gettext_lazy("dokumen"),
    RequirementKind.FORM: gettext_lazy("formulir"),
    RequirementKind.IDENTITY: gettext_lazy("identitas"),
}


# --- durations ------------------------------------------------------------------------------------


def _unit_words(value: int, unit: DurationUnit) -> str:
    if unit == DurationUnit.MINUTE:
        text = ngettext("%(count)s menit", "%(count)s menit", value)
    elif unit == DurationUnit.HOUR:
        text = ngettext("%(count)s jam", "%(count)s jam", value)
    elif unit == DurationUnit.WORKING_DAY:
        text = ngettext("%(count)s hari kerja", "%(count)s hari kerja", value)
    elif unit == DurationUnit.CALENDAR_DAY:
        text = ngettext("%(count)s hari kalender", "%(count)s hari kalender", value)
    else:
        text = ngettext("%(count)s hari", "%(count)s hari", value)
    return text % {"count": formats.number_format(value)}


def quantity_words(quantity: Quantity) -> str:
    """'15 menit', '1 jam', '60 hari kerja'."""
    return _unit_words(quantity.value, quantity.unit)


def range_words(minimum: Quantity | None, maximum: Quantity | None, *, note: bool = True) -> str:
    """'paling lama 15 menit', '1 sampai 60 hari kerja', with a note when plain days are counted
    (left out with ``note=False``, where the full wording is shown elsewhere on the page)."""
    if minimum and maximum:
        # "1 sampai 60 hari kerja" names the unit once; "30 menit sampai 2 jam" needs both.
        low = (
            formats.number_format(minimum.value) if minimum.unit == maximum.unit else quantity_words(minimum)
        )
        words = _("%(min)s sampai %(max)s") % {"min": low, "max": quantity_words(maximum)}
    elif maximum:
        words = _("paling lama %(duration)s") % {"duration": quantity_words(maximum)}
    elif minimum:
        words = _("paling cepat %(duration)s") % {"duration": quantity_words(minimum)}
    else:
        return ""
    units = {q.unit for q in (minimum, maximum) if q}
    if note and DurationUnit.DAY in units:
        words = _("%(words)s (dihitung sebagai hari kerja)") % {"words": words}
    return words


def time_limit_words(limit: TimeLimit) -> str:
    """The limit in words; an open-ended or unstructured limit is shown as written."""
    if limit.open_ended:
        return limit.text
    return range_words(limit.min, limit.max) or limit.text


def _without_label(words: str, label: str | None) -> str:
    """'Konsultasi: Sesuai materi' shown under the label 'Konsultasi' reads 'Sesuai materi'."""
    if label and words.lower().startswith(label.lower() + ":"):
        return words[len(label) + 1 :].strip()
    return words


def time_limits_summary(limits: Iterable[TimeLimit]) -> str:
    limits = list(limits)
    parts = []
    for limit in limits:  # a single limit needs no label to tell it apart
        words = _without_label(time_limit_words(limit), limit.label)
        parts.append(f"{limit.label}: {words}" if limit.label and len(limits) > 1 else words)
    return "; ".join(p for p in parts if p)


# --- fee ------------------------------------------------------------------------------------------


def rupiah(amount: int) -> str:
    return "Rp " + formats.number_format(amount, force_grouping=True)


def fee_words(fee: Fee) -> str:
    """'Gratis' for 0, 'Rp 50.000' for an amount, the decree's wording otherwise."""
    if fee.amount == 0:
        return _("Gratis")
    if fee.amount is not None:
        return rupiah(fee.amount)
    return fee.text or _("Tidak disebutkan")


# --- channels -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChannelLink:
    kind: str
    kind_label: str
    text: str  # what is shown: the number or address as written
    href: str | None
    label: str | None  # who or what answers: "Pejabat Pengelola Pengaduan"


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _phone_e164(value: str) -> str | None:
    digits = _digits(value)
    if not digits:
        return None
    if value.strip().startswith("+"):
        return "+" + digits
    if digits.startswith("62"):
        return "+" + digits
    if digits.startswith("0"):
        return "+62" + digits[1:]
    return None  # a short or local number: shown, not linked


def _web_url(value: str) -> str | None:
    value = value.strip()
    if re.match(r"^https?://", value, re.IGNORECASE):
        return value
    if re.match(r"^(www\.)?[\w-]+(\.[\w-]+)+(/\S*)?$", value):
        return "https://" + value
    return None


def channel_link(channel: Channel) -> ChannelLink:
    """A complaint or contact channel as something to click, when it can be."""
    kind = ChannelKind(channel.kind)
    written = (channel.value or channel.normalized or "").strip()
    target = (channel.normalized or channel.value or "").strip()
    href: str | None = None
    if kind == ChannelKind.EMAIL and "@" in target:
        href = "mailto:" + target
    elif kind in (ChannelKind.PHONE, ChannelKind.SMS) and target:
        number = _phone_e164(target)
        href = f"tel:{number}" if number else None
    elif kind == ChannelKind.WHATSAPP and target:
        number = _phone_e164(target)
        href = f"https://wa.me/{number.lstrip('+')}" if number else None
    elif kind in (ChannelKind.WEBSITE, ChannelKind.SOCIAL_MEDIA) and target:
        href = _web_url(target)
    elif kind == ChannelKind.LAPOR:
        href = _web_url(target) if target else LAPOR_URL
        written = written or "www.lapor.go.id"
    return ChannelLink(
        kind=str(kind),
        kind_label=str(CHANNEL_KIND_LABELS.get(kind, kind)),
        text=written,
        href=href,
        label=channel.label,
    )


def channel_links(channels: Iterable[Channel | dict[str, Any]]) -> list[ChannelLink]:
    result = []
    for channel in channels:
        try:
            parsed = channel if isinstance(channel, Channel) else Channel.model_validate(channel)
        except ValueError:
            continue  # contact channels are validated on write; an odd legacy row is skipped
        result.append(channel_link(parsed))
    return result


# --- other components -----------------------------------------------------------------------------


def frequency_words(frequency: Frequency) -> str:
    if frequency.per == FrequencyPer.CASE:
        words = ngettext(
            "%(times)s kali setiap selesai satu perkara",
            "%(times)s kali setiap selesai satu perkara",
            frequency.times,
        ) % {"times": frequency.times}
    else:
        period = {
            FrequencyPer.DAY: _("hari"),
            FrequencyPer.WEEK: _("minggu"),
            FrequencyPer.MONTH: _("bulan"),
            FrequencyPer.SEMESTER: _("semester"),
            FrequencyPer.YEAR: _("tahun"),
        }[frequency.per]
        words = ngettext(
            "%(times)s kali per %(period)s", "%(times)s kali per %(period)s", frequency.times
        ) % {"times": frequency.times, "period": period}
    return _("minimal %(words)s") % {"words": words} if frequency.minimum else words


def requirement_details(requirement: Requirement) -> list[str]:
    details = []
    if requirement.kind in REQUIREMENT_KIND_LABELS:
        details.append(str(REQUIREMENT_KIND_LABELS[requirement.kind]))
    if requirement.copies is not None:
        details.append(
            ngettext("%(n)s lembar", "%(n)s lembar", requirement.copies) % {"n": requirement.copies}
        )
    if requirement.original is True:
        details.append(_("asli"))
    elif requirement.original is False:
        details.append(_("fotokopi"))
    if requirement.channel:
        details.append(_("khusus %(channel)s") % {"channel": requirement.channel})
    return details


# --- details the schema keeps beyond its declared fields -------------------------------------------

# Keys that point at other records (slugs, ids) rather than carrying the decree's wording; a time
# limit's track is one of them, since the procedure already shows each track with its steps.
_REFERENCE_KEYS = frozenset(
    {
        "id",
        "key",
        "role",
        "roles",
        "unit",
        "units",
        "extension",
        "step_ids",
        "from_flow",
        "channels",
        "nodes",
        "track",
    }
)
EXTRA_LABELS: dict[str, Promise] = {
    "knowledge": gettext_lazy("Pengetahuan"),
    "officer": gettext_lazy("Petugas"),
    "amends": gettext_lazy("Perubahan"),
    "participants": gettext_lazy("Peserta"),
    "signed_by": gettext_lazy("Ditandatangani oleh"),
    "note": gettext_lazy("Catatan"),
    "notes": gettext_lazy("Catatan"),
    "text": gettext_lazy("Uraian"),
    "steps": gettext_lazy("Langkah"),
    "starts": gettext_lazy("Mulai dihitung"),
    "team": gettext_lazy("Tim"),
    "gazette": gettext_lazy("Pengundangan"),
    "part_of": gettext_lazy("Bagian dari"),
    "modes": gettext_lazy("Cara"),
    "group": gettext_lazy("Kelompok"),
}


def _folded(text: object) -> str:
    """Text compared for repetition: case and spacing do not count."""
    return " ".join(text.split()).casefold() if isinstance(text, str) else ""


def says_more(written: object, shown: object) -> bool:
    """True when ``written`` is not already contained in the text ``shown`` beside it."""
    return bool(_folded(written)) and _folded(written) not in _folded(str(shown or ""))


def extra_facts(item: Any, exclude: Iterable[str] = ()) -> list[tuple[str, str]]:
    """Wording stored beside the declared fields (the schema keeps unknown keys), as (label, text).

    Reference keys are left out; so are keys the caller already shows, and wording the item's own
    text already contains (a regulation's gazette, a competence's knowledge), so nothing is said twice.
    """
    extra = getattr(item, "model_extra", None) or {}
    skip = _REFERENCE_KEYS | set(exclude)
    own_text = _folded(getattr(item, "text", None))
    facts = []
    for key, value in extra.items():
        if key in skip or value in (None, "", []):
            continue
        if isinstance(value, list):
            text = "; ".join(str(v) for v in value if isinstance(v, str | int | float) and str(v).strip())
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            text = str(value)
        else:
            continue  # nested structures belong to a later schema version; nothing to say in words
        if text and not (own_text and _folded(text) in own_text):
            label = EXTRA_LABELS.get(key)
            facts.append((str(label) if label else key.replace("_", " ").capitalize(), text))
    return facts


def extra_text(item: Any, key: str) -> Any:
    """One extra key's value (e.g. a complaint channel's own wording), or None."""
    return (getattr(item, "model_extra", None) or {}).get(key)


# --- procedure ------------------------------------------------------------------------------------

PERFORMER_LABELS: dict[str, Promise] = {
    Performer.APPLICANT: gettext_lazy("Pemohon"),
    Performer.STAFF: gettext_lazy("Petugas"),
    Performer.SYSTEM: gettext_lazy("Sistem (otomatis)"),
}
END_WORDS: dict[str, Promise] = {
    EndState.COMPLETED: gettext_lazy("selesai"),
    EndState.REJECTED: gettext_lazy("permohonan ditolak"),
    EndState.WITHDRAWN: gettext_lazy("permohonan ditarik"),
}
# The end boxes of a diagram, worded as the case's final status.
END_NODES: dict[str, Promise] = {
    EndState.COMPLETED: CaseStatus.COMPLETED.label,
    EndState.REJECTED: CaseStatus.REJECTED.label,
    EndState.WITHDRAWN: CaseStatus.WITHDRAWN.label,
}


class Jump(StrEnum):
    FORWARD = "forward"
    BACK = "back"
    JOIN = "join"
    END = "end"


@dataclass(frozen=True)
class TransitionView:
    text: str | None  # the decree's condition, or the action's words when the step has several moves
    outcome: str | None  # the decree's wording of what follows
    target: str  # "lanjut ke langkah 3", "kembali ke langkah 1", "selesai"
    jump: Jump


@dataclass(frozen=True)
class StepView:
    id: str
    number: int
    text: str
    actor: str | None  # as written in the decree
    performer: str  # who does it: the applicant, an officer or the system
    performer_kind: str
    pauses_clock: bool
    transitions: list[TransitionView]
    extras: list[tuple[str, str]] = field(default_factory=list)

    @property
    def pausable(self) -> bool:
        return self.pauses_clock


@dataclass(frozen=True)
class TrackView:
    key: str | None
    name: str | None  # the decree's title of the track
    channels: list[str]
    steps: list[StepView]
    diagram: SafeString | None
    shared: bool = False  # the steps every track goes through once they join
    joined_by: list[str] = field(default_factory=list)  # titles of the tracks that join here


@dataclass(frozen=True)
class DiagramView:
    title: str | None
    svg: SafeString


@dataclass
class ProcedureView:
    tracks: list[TrackView] = field(default_factory=list)
    flows: list[DiagramView] = field(default_factory=list)
    diagram: DiagramView | None = None  # drawn from the transitions when the tracks join
    notes: list[str] = field(default_factory=list)
    extras: list[tuple[str, str]] = field(default_factory=list)
    # Each step id with the groups it is shown in (a track's title, or None for the shared steps)
    # and its number there; numbering restarts per track.
    step_numbers: dict[str, list[tuple[str | None, int]]] = field(default_factory=dict)

    def step_refs(self, step_ids: Iterable[str]) -> list[str]:
        """The steps as numbered on the page: ["2, 3, 4"], or with several tracks
        ["2, 3 (alur surat)", "1 (alur hadir langsung)"]. Unknown ids are left out."""
        by_group: dict[str | None, list[int]] = {}
        for step_id in step_ids:
            for group, number in self.step_numbers.get(step_id, []):
                numbers = by_group.setdefault(group, [])
                if number not in numbers:
                    numbers.append(number)
        refs = []
        for group, numbers in by_group.items():
            text = ", ".join(str(n) for n in numbers)
            if len(self.tracks) > 1:
                if group is None:
                    text = _("%(numbers)s (langkah bersama)") % {"numbers": text}
                else:
                    text = _("%(numbers)s (alur %(track)s)") % {"numbers": text, "track": group}
            refs.append(text)
        return refs


def flow_svg(flow: Flow, *, id_prefix: str, direction: Direction = Direction.TOP_BOTTOM) -> SafeString:
    # A box names its step; the decree's full wording is in the step list beside the diagram.
    nodes = [Node(id=n.id, label=short_label(n.label or n.id)) for n in flow.nodes]
    edges = [Edge(e.source, e.target, short_label(e.label) if e.label else None) for e in flow.edges]
    # render_svg escapes every piece of text it writes.
    return mark_safe(render_svg(nodes, edges, direction=direction, title=flow.title, id_prefix=id_prefix))  # noqa: S308


def _shared_suffix(process: Process) -> list[str]:
    """The steps all tracks share, when they come last in every track at the same numbers, so they
    can be listed once ("alur bergabung di langkah 3"); otherwise [] and each track lists them."""
    if len(process.tracks) < 2:
        return []
    shared = [step_id for step_id, step in process.steps.items() if step.track is None]
    if not shared:
        return []
    paths = [list(track.steps) for track in process.tracks]
    own = len(paths[0]) - len(shared)
    if any(path[own:] != shared or len(path) - len(shared) != own for path in paths):
        return []
    return shared


def _transition_view(
    transition: CompiledTransition, *, source: str, path: list[str], joins: Collection[str], only: bool
) -> TransitionView:
    # A step's only move needs no name of its own: the step's text says what is done, and the
    # action's label ("Teruskan kepada Tim …") would repeat it in every track that joins.
    text = transition.condition or (None if only else transition.label)
    if transition.end is not None:
        return TransitionView(text, transition.outcome, str(END_WORDS[transition.end]), Jump.END)
    target = transition.to or ""
    number = path.index(target) + 1 if target in path else 0
    if target in joins and source not in joins:
        words, jump = _("alur bergabung di langkah %(n)s") % {"n": number}, Jump.JOIN
    elif target in path and source in path and path.index(target) <= path.index(source):
        words, jump = _("kembali ke langkah %(n)s") % {"n": number}, Jump.BACK
    else:
        words, jump = _("lanjut ke langkah %(n)s") % {"n": number}, Jump.FORWARD
    return TransitionView(text, transition.outcome, words, jump)


def _says_more(step: CompiledStep, views: list[TransitionView], path: list[str]) -> bool:
    """A single plain move on to the step listed next goes without saying; anything else is shown."""
    if len(step.transitions) != 1 or views[0].jump != Jump.FORWARD:
        return True
    transition = step.transitions[0]
    position = path.index(step.id)
    next_id = path[position + 1] if position + 1 < len(path) else None
    return bool(transition.condition or transition.outcome) or transition.to != next_id


def _step_views(
    process: Process,
    decree: dict[str, ProcedureStep],
    ids: list[str],
    path: list[str],
    joins: Collection[str],
) -> list[StepView]:
    views = []
    for step_id in ids:
        step = process.steps[step_id]
        written = decree.get(step_id)
        only = len(step.transitions) == 1
        transitions = [
            _transition_view(t, source=step_id, path=path, joins=joins, only=only) for t in step.transitions
        ]
        views.append(
            StepView(
                id=step_id,
                number=path.index(step_id) + 1,
                text=step.text,
                actor=written.actor if written else None,
                performer=str(PERFORMER_LABELS.get(step.performer, step.performer)),
                performer_kind=step.performer,
                pauses_clock=step.pauses_clock,
                transitions=transitions if _says_more(step, transitions, path) else [],
                extras=extra_facts(written) if written else [],
            )
        )
    return views


def _after_actor(text: str, actor: str | None) -> str:
    """A box's caption names the actor, so its label starts after the actor's name:
    "Operator Kecamatan menerima berkas" under "Operator Kecamatan" reads "Menerima berkas"."""
    if (
        actor
        and text[: len(actor)].casefold() == actor.casefold()
        and text[len(actor) : len(actor) + 1] == " "
    ):
        rest = text[len(actor) :].strip()
        return rest[:1].upper() + rest[1:] if rest else text
    return text


def _diagram(
    process: Process, decree: dict[str, ProcedureStep], paths: list[list[str]], *, title: str, id_prefix: str
) -> SafeString:
    drawn: dict[str, ProcessStep] = {}
    for path in paths:
        for number, step_id in enumerate(path, start=1):
            if step_id in drawn:
                continue
            step = process.steps[step_id]
            written = decree.get(step_id)
            actor = (written.actor if written else None) or str(PERFORMER_LABELS.get(step.performer, ""))
            drawn[step_id] = ProcessStep(
                id=step_id,
                label=f"{number}. {short_label(_after_actor(step.text, actor))}",
                caption=short_label(actor),
                transitions=tuple(
                    FlowTransition(
                        label=short_label(t.condition) if t.condition else None,
                        to=t.to,
                        end=str(END_NODES[t.end]) if t.end else None,
                    )
                    for t in step.transitions
                ),
            )
    nodes, edges = process_to_graph(list(drawn.values()))
    return mark_safe(render_svg(nodes, edges, title=title, id_prefix=id_prefix))  # noqa: S308 - render_svg escapes all text


def _written_steps(procedure: Procedure) -> list[TrackView]:
    """A procedure that does not compile (not yet reviewed) is listed as written, one group."""
    steps = [
        StepView(
            id=s.id,
            number=n,
            text=s.text,
            actor=s.actor,
            performer=str(PERFORMER_LABELS.get(s.performer, "")) if s.performer else "",
            performer_kind=str(s.performer or ""),
            pauses_clock=s.pauses_clock,
            transitions=[],
            extras=extra_facts(s),
        )
        for n, s in enumerate(procedure.steps, start=1)
    ]
    return [TrackView(None, None, [], steps, None)] if steps else []


def procedure_view(
    procedure: Procedure, process: Process | None = None, *, id_prefix: str = "procedure"
) -> ProcedureView:
    """The executable procedure per track as the decree titles it, steps numbered per track, with
    who does each step and where each of its moves leads; the decree's own flows as diagrams, or,
    when it has none, diagrams drawn from the transitions."""
    view = ProcedureView(notes=list(procedure.notes), extras=extra_facts(procedure))
    for index, flow in enumerate(procedure.flows, start=1):
        view.flows.append(DiagramView(flow.title, flow_svg(flow, id_prefix=f"{id_prefix}-flow-{index}")))
    if process is None or not process.tracks:
        view.tracks = _written_steps(procedure)
        for track in view.tracks:
            for step in track.steps:
                view.step_numbers.setdefault(step.id, []).append((None, step.number))
        return view
    decree = {s.id: s for s in procedure.steps}
    shared = _shared_suffix(process)
    # Steps every track goes through: a move into one from a track's own step is where it joins.
    joins = (
        {i for i, step in process.steps.items() if step.track is None} if len(process.tracks) > 1 else set()
    )
    draw = not procedure.flows
    for track_no, track in enumerate(process.tracks, start=1):
        path = list(track.steps)
        own = [s for s in path if s not in shared]
        diagram = None
        if draw and not shared:
            diagram = _diagram(
                process, decree, [path], title=track.title, id_prefix=f"{id_prefix}-track-{track_no}"
            )
        view.tracks.append(
            TrackView(
                key=track.key,
                name=track.title,
                channels=[str(CHANNEL_KIND_LABELS.get(c, c)) for c in track.channels],
                steps=_step_views(process, decree, own, path, joins),
                diagram=diagram,
            )
        )
        for number, step_id in enumerate(path, start=1):
            if step_id not in shared:
                view.step_numbers.setdefault(step_id, []).append((track.title, number))
    if shared:
        path = list(process.tracks[0].steps)
        view.tracks.append(
            TrackView(
                key=None,
                name=None,
                channels=[],
                steps=_step_views(process, decree, shared, path, joins),
                diagram=None,
                shared=True,
                joined_by=[t.title for t in process.tracks],
            )
        )
        for step_id in shared:
            view.step_numbers.setdefault(step_id, []).append((None, path.index(step_id) + 1))
        if draw:
            view.diagram = DiagramView(
                _("Alur prosedur"),
                _diagram(
                    process,
                    decree,
                    [list(t.steps) for t in process.tracks],
                    title=_("Alur prosedur"),
                    id_prefix=f"{id_prefix}-all",
                ),
            )
    return view


# --- the standard as the official two-part table --------------------------------------------------


@dataclass(frozen=True)
class ComponentRow:
    number: int
    key: str
    label: str


@dataclass(frozen=True)
class Section:
    letter: str
    title: str
    rows: list[ComponentRow]


@dataclass
class StandardPage:
    standard: Standard
    components: Components
    sections: list[Section]
    procedure: ProcedureView
    complaint_flows: list[DiagramView]
    # limit, words, steps as numbered on the page, where its clock starts and stops
    time_limits: list[tuple[TimeLimit, str, list[str], list[tuple[str, str]]]]
    decree_date: str
    # The decree's wording of each time limit: a complaint tier written the same way is not
    # quoted a second time.
    written_limits: list[str] = field(default_factory=list)


def _sections() -> list[Section]:
    sections = []
    for letter, keys in (("A", DELIVERY_COMPONENTS), ("B", MANAGEMENT_COMPONENTS)):
        rows = [ComponentRow(n, key, str(COMPONENT_LABELS[key])) for n, key in enumerate(keys, start=1)]
        sections.append(Section(letter, str(SECTION_TITLES[letter]), rows))
    return sections


def decree_date_words(standard: Standard) -> str:
    """The decree date as written when the decree gives one that way, else the date itself."""
    if standard.decree_date_text:
        return standard.decree_date_text
    if standard.decree_date:
        return formats.date_format(standard.decree_date, "j F Y")
    return ""


def _point_words(point: ClockPoint, procedure: ProcedureView, *, start: bool) -> str:
    step = "; ".join(procedure.step_refs([point.step])) or point.step
    if point.on == ClockEdge.ENTER:
        text = _("saat masuk langkah %(step)s") if start else _("sampai masuk langkah %(step)s")
    else:
        text = _("setelah langkah %(step)s selesai") if start else _("sampai langkah %(step)s selesai")
    return text % {"step": step}


def clock_words(limit: TimeLimit, procedure: ProcedureView) -> list[tuple[str, str]]:
    """Where the limit's clock starts and stops, as (label, words): the decree's wording of the
    start when it gives one, else the moment the case runs it from."""
    if limit.max is None or limit.open_ended:
        return []
    if limit.start_text:
        start = limit.start_text
    elif limit.start is None:
        start = _("sejak permohonan diterima")
    else:
        start = _point_words(limit.start, procedure, start=True)
    stop = (
        _("sampai permohonan selesai")
        if limit.stop is None
        else _point_words(limit.stop, procedure, start=False)
    )
    return [(str(EXTRA_LABELS["starts"]), start), (pgettext("jangka waktu", "Berakhir"), stop)]


def standard_process(standard: Standard) -> Process | None:
    """The process compiled when the standard was published: what its cases run."""
    definition = getattr(standard, "process", None)
    return definition.compiled() if definition is not None else None


def standard_page(standard: Standard) -> StandardPage:
    components = standard.parsed_components()
    procedure = procedure_view(components.procedure, standard_process(standard))
    time_limits = [
        (
            limit,
            _without_label(time_limit_words(limit), limit.label),
            procedure.step_refs(limit.step_ids),
            clock_words(limit, procedure),
        )
        for limit in components.time_limits
    ]
    complaint_flows = [
        DiagramView(flow.title, flow_svg(flow, id_prefix=f"complaint-flow-{index}"))
        for index, flow in enumerate(components.complaint_handling.flows, start=1)
    ]
    return StandardPage(
        standard=standard,
        components=components,
        sections=_sections(),
        procedure=procedure,
        complaint_flows=complaint_flows,
        time_limits=time_limits,
        decree_date=decree_date_words(standard),
        written_limits=[limit.text for limit in components.time_limits if limit.text],
    )


# --- directory and maklumat -----------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyEntry:
    agency: Agency
    services: list[Service]


def agency_directory(
    agencies: Iterable[Agency], services: Iterable[Service], *, only_matching: bool
) -> list[AgencyEntry]:
    """Agencies with their services, in the agencies' order; with a search, only agencies that match."""
    by_agency: dict[int, list[Service]] = {}
    for service in services:
        by_agency.setdefault(service.agency_id, []).append(service)
    return [
        AgencyEntry(agency, by_agency.get(agency.pk, []))
        for agency in agencies
        if not only_matching or agency.pk in by_agency
    ]


@dataclass(frozen=True)
class MaklumatRow:
    service: Service
    time_limit: str
    fee: str


def maklumat_rows(services: Iterable[Service]) -> list[MaklumatRow]:
    """Services with the time limit and fee of their published standard (prefetched as `published`)."""
    rows = []
    for service in services:
        published = getattr(service, "published", None) or []
        if not published:
            continue
        components = published[0].parsed_components()
        rows.append(
            MaklumatRow(service, time_limits_summary(components.time_limits), fee_words(components.fee))
        )
    return rows


def pledge_text(agency: Agency) -> str:
    return agency.pledge.strip() or str(DEFAULT_PLEDGE)


def link_or_text(link: ChannelLink) -> SafeString:
    text = link.text or link.kind_label
    if link.href:
        return format_html('<a href="{}">{}</a>', link.href, text)
    return format_html("{}", text)


# --- the first screen: what a visitor on a phone needs before the full table --------------------

SUMMARY_REQUIREMENTS = 5  # more are counted, and listed in full in the table
SUMMARY_CHANNELS = 4
WEEKDAY_WORDS: tuple[Promise, ...] = (
    gettext_lazy("Senin"),
    gettext_lazy("Selasa"),
    gettext_lazy("Rabu"),
    gettext_lazy("Kamis"),
    gettext_lazy("Jumat"),
    gettext_lazy("Sabtu"),
    gettext_lazy("Minggu"),
)


@dataclass(frozen=True)
class ServiceSummary:
    fee: str
    time_limits: list[str]  # "paling lama 15 menit", or one per limit: "Administrasi: paling lama 15 menit"
    requirements: list[str]  # short labels; the table lists each in full
    more_requirements: int
    channels: list[str]  # how an application is made: "Datang langsung", "Surat"
    place: str
    hours: list[str]  # "Senin–Kamis 07.30–12.00, 13.00–16.00"
    complaint: list[ChannelLink]


def office_hours_words(weekly: WeeklyHours) -> list[str]:
    """Days with the same hours grouped: ["Senin–Kamis 07.30–12.00, 13.00–16.00", "Jumat 07.30–11.30"]."""
    described = list(weekly.describe().values())
    groups: list[tuple[int, int, list[str]]] = []
    for day, frames in enumerate(described):
        if groups and groups[-1][2] == frames and groups[-1][1] == day - 1:
            groups[-1] = (groups[-1][0], day, frames)
        else:
            groups.append((day, day, frames))
    lines = []
    for first, last, frames in groups:
        if not frames:
            continue
        days = str(WEEKDAY_WORDS[first])
        if last > first:
            days = f"{days}\u2013{WEEKDAY_WORDS[last]}"
        hours = ", ".join(frame.replace(":", ".").replace("-", "\u2013") for frame in frames)
        lines.append(f"{days} {hours}")
    return lines


def _brief(text: str) -> str:
    """A summary line: whole when short, else its first words (the table below has the rest)."""
    return short_label(text)


SUMMARY_LIMITS = 3
SUMMARY_LIMIT_LABEL = 28


def summary_time_limits(limits: Iterable[TimeLimit]) -> list[str]:
    """Each limit in a few words, labelled when there are several; the decree's wording, how the
    clock runs and the steps it covers are in the table."""
    limits = list(limits)
    lines = []
    for limit in limits[:SUMMARY_LIMITS]:
        words = "" if limit.open_ended else range_words(limit.min, limit.max, note=False)
        words = words or _brief(_without_label(limit.text, limit.label))
        if limit.label and len(limits) > 1:
            words = f"{short_label(limit.label, SUMMARY_LIMIT_LABEL)}: {words}"
        lines.append(words)
    return lines


def service_summary(page: StandardPage, *, agency: Agency, weekly: WeeklyHours | None) -> ServiceSummary:
    components = page.components
    requirements = [_brief(item.text) for item in components.requirements]
    channels: list[str] = []
    for track in page.procedure.tracks:
        for channel in track.channels:
            if channel not in channels:
                channels.append(channel)
    return ServiceSummary(
        fee=_brief(fee_words(components.fee)),
        time_limits=summary_time_limits(components.time_limits),
        requirements=requirements[:SUMMARY_REQUIREMENTS],
        more_requirements=max(len(requirements) - SUMMARY_REQUIREMENTS, 0),
        channels=channels,
        place=" ".join(agency.address.split()),  # whole: the page says it nowhere else
        hours=office_hours_words(weekly) if weekly is not None else [],
        complaint=[
            replace(link, text=_brief(link.text))
            for link in map(channel_link, components.complaint_handling.channels[:SUMMARY_CHANNELS])
        ],
    )


@dataclass(frozen=True)
class PageLinks:
    """Where a paginated public list stands: page N of M, with the neighbours to link to."""

    number: int
    pages: int
    total: int

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.pages else None


def page_links(number: int, total: int, per_page: int, *, max_pages: int | None = None) -> PageLinks:
    pages = max(1, -(-total // per_page))
    if max_pages is not None:
        pages = min(pages, max_pages)
    return PageLinks(number=min(max(1, number), pages), pages=pages, total=total)
