"""Display helpers for the public pages: words, links and diagrams built from registry data.

No queries and no business rules: everything here turns values already loaded into text fit to
show. Wording is Indonesian at source and translated through the usual catalogues.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import formats
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from pelayan.lib.flowchart import Direction, Edge, FlowStep, Node, render_svg, steps_to_graph
from pelayan.lib.standard_schema import (
    DELIVERY_COMPONENTS,
    MANAGEMENT_COMPONENTS,
    Channel,
    ChannelKind,
    Components,
    DurationUnit,
    Fee,
    Flow,
    Frequency,
    FrequencyPer,
    Procedure,
    ProcedureStep,
    Quantity,
    Requirement,
    RequirementKind,
    TimeLimit,
)
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


def range_words(minimum: Quantity | None, maximum: Quantity | None) -> str:
    """'paling lama 15 menit', '1 sampai 60 hari kerja', with a note when plain days are counted."""
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
    if DurationUnit.DAY in units:
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


def extra_facts(item: Any, exclude: Iterable[str] = ()) -> list[tuple[str, str]]:
    """Wording stored beside the declared fields (the schema keeps unknown keys), as (label, text).

    Reference keys are left out; so are keys the caller already shows.
    """
    extra = getattr(item, "model_extra", None) or {}
    skip = _REFERENCE_KEYS | set(exclude)
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
        if text:
            label = EXTRA_LABELS.get(key)
            facts.append((str(label) if label else key.replace("_", " ").capitalize(), text))
    return facts


def extra_text(item: Any, key: str) -> Any:
    """One extra key's value (e.g. a complaint channel's own wording), or None."""
    return (getattr(item, "model_extra", None) or {}).get(key)


# --- procedure ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BranchView:
    condition: str
    goto_number: int | None
    goto_text: str | None
    outcome: str | None


@dataclass(frozen=True)
class StepView:
    number: int
    text: str
    actor: str | None
    pausable: bool
    branches: list[BranchView]
    extras: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class TrackView:
    name: str | None
    steps: list[StepView]
    diagram: SafeString | None


@dataclass(frozen=True)
class DiagramView:
    title: str | None
    svg: SafeString


@dataclass
class ProcedureView:
    tracks: list[TrackView] = field(default_factory=list)
    flows: list[DiagramView] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    extras: list[tuple[str, str]] = field(default_factory=list)
    # Each step id with its track and the number it is shown under (numbering restarts per track).
    step_numbers: dict[str, tuple[str | None, int]] = field(default_factory=dict)

    def step_refs(self, step_ids: Iterable[str]) -> list[str]:
        """The steps as numbered on the page: ["2, 3, 4"], or with several tracks
        ["2, 3 (alur surat)", "1 (alur hadir langsung)"]. Unknown ids are left out."""
        by_track: dict[str | None, list[int]] = {}
        for step_id in step_ids:
            if step_id in self.step_numbers:
                track, number = self.step_numbers[step_id]
                by_track.setdefault(track, []).append(number)
        refs = []
        for track, numbers in by_track.items():
            text = ", ".join(str(n) for n in numbers)
            if len(self.tracks) > 1:
                name = track or _("umum")
                text = _("%(numbers)s (alur %(track)s)") % {"numbers": text, "track": name}
            refs.append(text)
        return refs


def flow_svg(flow: Flow, *, id_prefix: str, direction: Direction = Direction.TOP_BOTTOM) -> SafeString:
    nodes = [Node(id=n.id, label=n.label or n.id) for n in flow.nodes]
    edges = [Edge(e.source, e.target, e.label) for e in flow.edges]
    # render_svg escapes every piece of text it writes.
    return mark_safe(render_svg(nodes, edges, direction=direction, title=flow.title, id_prefix=id_prefix))  # noqa: S308


def _tracks(steps: Sequence[ProcedureStep]) -> list[tuple[str | None, list[ProcedureStep]]]:
    grouped: dict[str | None, list[ProcedureStep]] = {}
    for step in steps:
        grouped.setdefault(step.track, []).append(step)
    return list(grouped.items())


def procedure_view(procedure: Procedure, *, id_prefix: str = "procedure") -> ProcedureView:
    """Steps as numbered text per track; the decree's own flows as diagrams, or, when it has none,
    a diagram drawn from each track's steps."""
    view = ProcedureView(notes=list(procedure.notes), extras=extra_facts(procedure))
    for index, flow in enumerate(procedure.flows, start=1):
        view.flows.append(DiagramView(flow.title, flow_svg(flow, id_prefix=f"{id_prefix}-flow-{index}")))
    tracks = _tracks(procedure.steps)
    for track, steps in tracks:
        for number, step in enumerate(steps, start=1):
            if step.id:
                view.step_numbers[step.id] = (track, number)
    texts = {s.id: s.text for s in procedure.steps if s.id}

    def goto_number(track: str | None, goto: str | None) -> int | None:
        """A branch names the number of a step on its own track; elsewhere it quotes the step."""
        target = view.step_numbers.get(goto or "")
        return target[1] if target and target[0] == track else None

    for track_no, (track, steps) in enumerate(tracks, start=1):
        views = [
            StepView(
                number=n,
                text=s.text,
                actor=s.actor,
                pausable=s.pausable,
                branches=[
                    BranchView(b.condition, goto_number(track, b.goto), texts.get(b.goto or ""), b.outcome)
                    for b in s.branches
                ],
                extras=extra_facts(s),
            )
            for n, s in enumerate(steps, start=1)
        ]
        diagram = None
        if not procedure.flows:
            flow_steps = [
                FlowStep(
                    text=s.text,
                    id=s.id,
                    actor=s.actor,
                    branches=tuple(
                        (b.condition if not b.outcome else f"{b.condition}: {b.outcome}", b.goto)
                        for b in s.branches
                    ),
                )
                for s in steps
            ]
            nodes, edges = steps_to_graph(flow_steps)
            diagram = mark_safe(  # noqa: S308 - render_svg escapes all text
                render_svg(
                    nodes, edges, title=track or _("Alur prosedur"), id_prefix=f"{id_prefix}-track-{track_no}"
                )
            )
        view.tracks.append(TrackView(track, views, diagram))
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
    time_limits: list[tuple[TimeLimit, str, list[str]]]  # limit, words, steps as numbered on the page
    decree_date: str


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


def standard_page(standard: Standard) -> StandardPage:
    components = standard.parsed_components()
    procedure = procedure_view(components.procedure)
    time_limits = [
        (limit, _without_label(time_limit_words(limit), limit.label), procedure.step_refs(limit.step_ids))
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
