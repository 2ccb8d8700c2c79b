"""Forms of the structured standard editor: one form per component of a Standar Pelayanan.

Each component is edited as Django forms and formsets (a formset per list: items are added,
removed with "Hapus" and reordered with "Urutan"). A bound editor builds the component's JSON
from the cleaned data; keys a form does not edit (what the importer read, e.g. a step's
``branches``) travel with each item in a hidden field, so saving a form never drops them. The
built value is validated by the pydantic schema (through the service); each schema error is
put back on the form field it concerns (``located``: the schema location of every item → its form).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.forms.formsets import BaseFormSet, formset_factory
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pelayan.lib.standard_schema import (
    ChannelKind,
    DurationUnit,
    EndState,
    FrequencyPer,
    Performer,
    RequirementKind,
    StepAction,
    TransitionKind,
    product_key,
)
from public.presenters import CHANNEL_KIND_LABELS, PERFORMER_LABELS

# Bounds on every input: a standard has tens of items, never thousands.
MAX_ITEMS = 60
MAX_TRANSITIONS = 200
MAX_TEXT = 2000
MAX_SHORT = 200
MAX_EXTRA = 20_000
MAX_QUANTITY = 100_000

REQUIREMENT_KIND_CHOICES: list[tuple[str, Promise]] = [
    (RequirementKind.DOCUMENT, _("Dokumen")),
    (RequirementKind.FORM, _("Formulir")),
    (RequirementKind.IDENTITY, _("Identitas")),
    (RequirementKind.OTHER, _("Lainnya")),
]
ORIGINAL_CHOICES: list[tuple[str, Promise]] = [
    ("", _("Tidak disebut")),
    ("yes", _("Asli")),
    ("no", _("Fotokopi")),
]
STEP_ACTION_LABELS: dict[str, Promise] = {
    StepAction.SUBMIT: _("Mengajukan"),
    StepAction.RECEIVE: _("Menerima"),
    StepAction.VERIFY: _("Memeriksa"),
    StepAction.RETURN: _("Mengembalikan"),
    StepAction.DISPOSE: _("Mendisposisikan"),
    StepAction.DECIDE: _("Memutuskan"),
    StepAction.FORWARD: _("Meneruskan"),
    StepAction.PROCESS: _("Memproses"),
    StepAction.SIGN: _("Menandatangani"),
    StepAction.REPLY: _("Menjawab"),
    StepAction.SERVE: _("Melayani"),
    StepAction.DELIVER: _("Menyerahkan"),
    StepAction.ARCHIVE: _("Mengarsipkan"),
    StepAction.OTHER: _("Lainnya"),
}
TRANSITION_KIND_LABELS: dict[str, Promise] = {
    TransitionKind.SUBMIT: _("Ajukan"),
    TransitionKind.COMPLETE: _("Selesaikan langkah"),
    TransitionKind.APPROVE: _("Setujui"),
    TransitionKind.RETURN: _("Kembalikan untuk dilengkapi"),
    TransitionKind.REJECT: _("Tolak"),
    TransitionKind.SIGN: _("Tandatangani"),
    TransitionKind.FORWARD: _("Teruskan"),
    TransitionKind.DISPOSE: _("Disposisikan"),
    TransitionKind.WITHDRAW: _("Tarik permohonan"),
}
END_LABELS: dict[str, Promise] = {
    EndState.COMPLETED: _("Akhir: selesai"),
    EndState.REJECTED: _("Akhir: ditolak"),
    EndState.WITHDRAWN: _("Akhir: ditarik"),
}
UNIT_CHOICES: list[tuple[str, Promise]] = [
    (DurationUnit.MINUTE, _("menit")),
    (DurationUnit.HOUR, _("jam")),
    (DurationUnit.DAY, _("hari")),
    (DurationUnit.WORKING_DAY, _("hari kerja")),
    (DurationUnit.CALENDAR_DAY, _("hari kalender")),
]
FREQUENCY_CHOICES: list[tuple[str, Promise]] = [
    ("", _("Tidak disebut")),
    (FrequencyPer.DAY, _("per hari")),
    (FrequencyPer.WEEK, _("per minggu")),
    (FrequencyPer.MONTH, _("per bulan")),
    (FrequencyPer.SEMESTER, _("per semester")),
    (FrequencyPer.YEAR, _("per tahun")),
    (FrequencyPer.CASE, _("setiap permohonan selesai")),
]
EDGE_CHOICES: list[tuple[str, Promise]] = [("enter", _("saat masuk")), ("leave", _("saat keluar"))]
END_PREFIX = "end:"


def _channel_choices() -> list[tuple[str, Promise]]:
    return [(kind.value, CHANNEL_KIND_LABELS[kind]) for kind in ChannelKind]


def _blank(label: Promise | str = "—") -> list[tuple[str, Any]]:
    return [("", label)]


@dataclass
class EditorContext:
    """What the choices of the forms come from: the agency's roles and units, and the draft's own
    step ids, requirement keys and product keys (read from the posted form when it is bound)."""

    roles: list[tuple[str, str]] = field(default_factory=list)
    units: list[tuple[str, str]] = field(default_factory=list)
    steps: list[tuple[str, str]] = field(default_factory=list)
    tracks: list[tuple[str, str]] = field(default_factory=list)
    requirements: list[tuple[str, str]] = field(default_factory=list)
    products: list[tuple[str, str]] = field(default_factory=list)


def _keep(choices: list[tuple[str, Any]], values: Iterable[Any]) -> list[tuple[str, Any]]:
    """Add stored values missing from the choices, so a form never silently drops them; the
    compliance check names them instead."""
    known = {value for value, _label in choices}
    extra = [(v, gettext("%(value)s (tidak dikenal)") % {"value": v}) for v in values if v and v not in known]
    return choices + extra


def _text(
    label: Promise, *, required: bool = True, max_length: int = MAX_TEXT, rows: int = 0
) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(label=label, required=required, max_length=max_length, widget=widget, strip=True)


def _int(label: Promise, *, required: bool = False, min_value: int = 0) -> forms.IntegerField:
    return forms.IntegerField(label=label, required=required, min_value=min_value, max_value=MAX_QUANTITY)


def _none_if_blank(value: Any) -> Any:
    return None if value in ("", None) else value


# -- item forms ----------------------------------------------------------------------------------


class ItemForm(forms.Form):
    """One item of a list. ``EDITED``: the schema keys this form writes; every other key of the
    stored item is carried in ``extra``. ``FIELD_OF``: the form field of a schema key when the
    names differ (quantities are two inputs)."""

    EDITED: tuple[str, ...] = ()
    FIELD_OF: Mapping[str, str] = {}

    extra = forms.CharField(widget=forms.HiddenInput, required=False, max_length=MAX_EXTRA)

    def __init__(self, *args: Any, ctx: EditorContext | None = None, **kwargs: Any) -> None:
        self.ctx = ctx or EditorContext()
        super().__init__(*args, **kwargs)
        self.setup()

    def setup(self) -> None:
        """Set choices from ``self.ctx``."""

    def has_changed(self) -> bool:
        # A new row counts as filled in once something is typed or deliberately chosen: a select
        # showing its first option or an unticked box is what every blank row posts.
        return any(self._counts(name) for name in self.changed_data)

    def _counts(self, name: str) -> bool:
        if name in ("ORDER", "DELETE", "extra"):
            return False
        field = self.fields[name]
        if isinstance(field, forms.BooleanField):
            return False
        if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField):
            choices = list(field.choices)
            return bool(choices) and choices[0][0] == "" and bool(self[name].data)
        return True

    @classmethod
    def initial_from(cls, item: Any) -> dict[str, Any]:
        item = dict(item)
        rest = {k: v for k, v in item.items() if k not in cls.EDITED}
        return {**cls.to_initial(item), "extra": json.dumps(rest, ensure_ascii=False) if rest else ""}

    @classmethod
    def to_initial(cls, item: dict[str, Any]) -> dict[str, Any]:
        return {key: item.get(key) for key in cls.EDITED}

    def clean_extra(self) -> dict[str, Any]:
        raw = self.cleaned_data.get("extra") or ""
        if not raw:
            return {}
        try:
            value = json.loads(raw)
        except ValueError:
            value = None
        if not isinstance(value, dict):
            raise forms.ValidationError(gettext("Data tersembunyi butir ini rusak; muat ulang halaman."))
        return value

    def value(self) -> Any:
        data = self.cleaned_data
        return {**data["extra"], **self.to_value(data)}

    def to_value(self, data: dict[str, Any]) -> dict[str, Any]:
        return {key: _none_if_blank(data.get(key)) for key in self.EDITED}

    def field_for(self, loc: tuple[Any, ...]) -> str | None:
        """The form field a schema error location (relative to this item) points at."""
        if not loc:
            return None
        key = str(loc[0])
        name = self.FIELD_OF.get(f"{key}.{loc[1]}" if len(loc) > 1 else key) or self.FIELD_OF.get(key, key)
        return name if name in self.fields else None


class TextItemForm(ItemForm):
    """An item that is one sentence (products, facilities, guarantees, supervision)."""

    text = _text(_("Isi"), rows=2)

    @classmethod
    def initial_from(cls, item: Any) -> dict[str, Any]:
        return {"text": item}

    def value(self) -> Any:
        return self.cleaned_data["text"]

    def field_for(self, loc: tuple[Any, ...]) -> str | None:
        return "text"


def _quantity_initial(item: dict[str, Any], key: str) -> dict[str, Any]:
    q = item.get(key) or {}
    # An empty bound offers the unit of the other bound ("15 menit" → minutes), else working days.
    other = item.get("max" if key == "min" else "min") or {}
    unit = q.get("unit") or other.get("unit") or DurationUnit.WORKING_DAY
    return {f"{key}_value": q.get("value"), f"{key}_unit": unit}


def _quantity_value(data: dict[str, Any], key: str) -> dict[str, Any] | None:
    value = data.get(f"{key}_value")
    return None if value is None else {"value": value, "unit": data.get(f"{key}_unit")}


class RequirementForm(ItemForm):
    EDITED = ("key", "text", "kind", "copies", "original", "channel")
    text = _text(_("Persyaratan"), rows=2)
    key = _text(_("Kode"), required=False, max_length=64)
    kind = forms.ChoiceField(
        label=_("Jenis"), choices=REQUIREMENT_KIND_CHOICES, initial=RequirementKind.OTHER
    )
    copies = _int(_("Jumlah lembar"))
    original = forms.ChoiceField(label=_("Asli atau fotokopi"), choices=ORIGINAL_CHOICES, required=False)
    channel = _text(_("Hanya untuk kanal"), required=False, max_length=MAX_SHORT)

    @classmethod
    def to_initial(cls, item: dict[str, Any]) -> dict[str, Any]:
        original = item.get("original")
        return {
            **super().to_initial(item),
            "original": "" if original is None else ("yes" if original else "no"),
        }

    def to_value(self, data: dict[str, Any]) -> dict[str, Any]:
        value = super().to_value(data)
        value["original"] = {"yes": True, "no": False}.get(data.get("original") or "")
        value["kind"] = data.get("kind") or RequirementKind.OTHER
        return value


class TrackForm(ItemForm):
    EDITED = ("key", "title", "channels", "entry")
    key = _text(_("Kode alur"), max_length=64)
    title = _text(_("Judul alur"), max_length=MAX_SHORT)
    channels = forms.MultipleChoiceField(
        label=_("Kanal masuk"), required=False, widget=forms.CheckboxSelectMultiple
    )
    entry = forms.ChoiceField(label=_("Langkah pertama"), required=False)

    def setup(self) -> None:
        self.fields["channels"].choices = _channel_choices()
        entry = self.initial.get("entry") if not self.is_bound else self.data.get(self.add_prefix("entry"))
        self.fields["entry"].choices = _keep(_blank(_("Langkah pertama alur ini")) + self.ctx.steps, [entry])

    @classmethod
    def to_initial(cls, item: dict[str, Any]) -> dict[str, Any]:
        return {**super().to_initial(item), "channels": [c.get("kind") for c in item.get("channels") or []]}

    @classmethod
    def initial_from(cls, item: Any) -> dict[str, Any]:
        # A channel's wording stays with the track: kept by kind in ``extra``.
        initial = super().initial_from(item)
        written = {c.get("kind"): c for c in item.get("channels") or []}
        rest = json.loads(initial["extra"]) if initial["extra"] else {}
        if written:
            rest["_channels"] = written
        initial["extra"] = json.dumps(rest, ensure_ascii=False) if rest else ""
        return initial

    def value(self) -> Any:
        data = self.cleaned_data
        extra = dict(data["extra"])
        written = extra.pop("_channels", {}) or {}
        value = {**extra, **super().to_value(data)}
        value["channels"] = [written.get(kind) or {"kind": kind} for kind in data.get("channels") or []]
        return value


class StepForm(ItemForm):
    EDITED = (
        "id",
        "text",
        "actor",
        "action",
        "performer",
        "role",
        "unit",
        "track",
        "requires",
        "produces",
        "pauses_clock",
    )
    id = _text(_("Kode langkah"), max_length=64)
    text = _text(_("Uraian langkah"), rows=2)
    actor = _text(_("Pelaksana (sesuai keputusan)"), required=False, max_length=MAX_SHORT)
    performer = forms.ChoiceField(label=_("Dikerjakan oleh"), required=False)
    role = forms.ChoiceField(label=_("Peran petugas"), required=False)
    unit = forms.ChoiceField(label=_("Unit"), required=False)
    action = forms.ChoiceField(label=_("Tindakan"), required=False)
    track = forms.ChoiceField(label=_("Alur"), required=False)
    requires = forms.MultipleChoiceField(
        label=_("Persyaratan yang diperiksa"), required=False, widget=forms.CheckboxSelectMultiple
    )
    produces = forms.MultipleChoiceField(
        label=_("Produk yang dihasilkan"), required=False, widget=forms.CheckboxSelectMultiple
    )
    pauses_clock = forms.BooleanField(label=_("Waktu berhenti selama di langkah ini"), required=False)

    def setup(self) -> None:
        def current(name: str) -> list[Any]:
            if self.is_bound:
                return self.data.getlist(self.add_prefix(name)) if hasattr(self.data, "getlist") else []
            value = self.initial.get(name)
            return value if isinstance(value, list) else [value]

        self.fields["performer"].choices = _blank() + [(p.value, PERFORMER_LABELS[p]) for p in Performer]
        self.fields["action"].choices = _blank() + [(a.value, STEP_ACTION_LABELS[a]) for a in StepAction]
        self.fields["role"].choices = _keep(_blank() + self.ctx.roles, current("role"))
        self.fields["unit"].choices = _keep(_blank() + self.ctx.units, current("unit"))
        self.fields["track"].choices = _keep(_blank(_("Semua alur")) + self.ctx.tracks, current("track"))
        self.fields["requires"].choices = _keep(list(self.ctx.requirements), current("requires"))
        self.fields["produces"].choices = _keep(list(self.ctx.products), current("produces"))

    def to_value(self, data: dict[str, Any]) -> dict[str, Any]:
        value = super().to_value(data)
        value["requires"] = list(data.get("requires") or [])
        value["produces"] = list(data.get("produces") or [])
        value["pauses_clock"] = bool(data.get("pauses_clock"))
        return value


class TransitionForm(ItemForm):
    """One way out of a step. Transitions are one flat list with their step named, so adding one
    is one more row rather than a form inside a form."""

    EDITED = ("key", "kind", "label", "to", "end", "condition", "outcome")
    FIELD_OF = {"to": "target", "end": "target"}
    step = forms.ChoiceField(label=_("Dari langkah"))
    key = _text(_("Kode kelanjutan"), max_length=64)
    kind = forms.ChoiceField(label=_("Jenis"), initial=TransitionKind.COMPLETE)
    target = forms.ChoiceField(label=_("Menuju"))
    condition = _text(_("Syarat (sesuai keputusan)"), required=False, max_length=MAX_SHORT)
    label = _text(_("Tulisan tombol"), required=False, max_length=MAX_SHORT)
    outcome = _text(_("Akibat"), required=False, max_length=MAX_SHORT)

    def setup(self) -> None:
        current = {
            name: (self.data.get(self.add_prefix(name)) if self.is_bound else self.initial.get(name))
            for name in ("step", "target")
        }
        self.fields["step"].choices = _keep(_blank() + self.ctx.steps, [current["step"]])
        ends = [(f"{END_PREFIX}{e.value}", END_LABELS[e]) for e in EndState]
        self.fields["target"].choices = _keep(_blank() + self.ctx.steps + ends, [current["target"]])
        self.fields["kind"].choices = [(k.value, TRANSITION_KIND_LABELS[k]) for k in TransitionKind]

    @classmethod
    def to_initial(cls, item: dict[str, Any]) -> dict[str, Any]:
        initial = super().to_initial(item)
        initial["target"] = item.get("to") or (f"{END_PREFIX}{item['end']}" if item.get("end") else "")
        initial["step"] = item.get("_step", "")
        return initial

    @classmethod
    def initial_from(cls, item: Any) -> dict[str, Any]:
        initial = super().initial_from({k: v for k, v in item.items() if k != "_step"})
        initial["step"] = item.get("_step", "")
        return initial

    def to_value(self, data: dict[str, Any]) -> dict[str, Any]:
        value = super().to_value(data)
        target = data.get("target") or ""
        value["to"], value["end"] = (
            (None, target.removeprefix(END_PREFIX))
            if target.startswith(END_PREFIX)
            else (target or None, None)
        )
        value["kind"] = data.get("kind") or TransitionKind.COMPLETE
        return value


class TimeLimitForm(ItemForm):
    EDITED = ("key", "label", "text", "min", "max", "open_ended", "step_ids", "track", "start", "stop")
    FIELD_OF = {
        "min": "min_value", "min.unit": "min_unit", "max": "max_value", "max.unit": "max_unit",
        "start": "start_step", "stop": "stop_step",
    }  # fmt: skip
    text = _text(_("Jangka waktu (sesuai keputusan)"), max_length=MAX_SHORT)
    key = _text(_("Kode"), required=False, max_length=64)
    label = _text(_("Nama"), required=False, max_length=MAX_SHORT)
    min_value = _int(_("Paling cepat"))
    min_unit = forms.ChoiceField(label=_("Satuan"), choices=UNIT_CHOICES, required=False)
    max_value = _int(_("Paling lama"))
    max_unit = forms.ChoiceField(label=_("Satuan"), choices=UNIT_CHOICES, required=False)
    open_ended = forms.BooleanField(label=_("Tanpa batas waktu tetap"), required=False)
    step_ids = forms.MultipleChoiceField(
        label=_("Langkah yang dicakup"), required=False, widget=forms.CheckboxSelectMultiple
    )
    track = forms.ChoiceField(label=_("Alur"), required=False)
    start_step = forms.ChoiceField(label=_("Mulai dihitung di langkah"), required=False)
    start_on = forms.ChoiceField(label=_("Mulai"), choices=EDGE_CHOICES, required=False)
    stop_step = forms.ChoiceField(label=_("Berhenti di langkah"), required=False)
    stop_on = forms.ChoiceField(label=_("Berhenti"), choices=EDGE_CHOICES, required=False, initial="leave")

    def setup(self) -> None:
        def current(name: str) -> list[Any]:
            if self.is_bound:
                return self.data.getlist(self.add_prefix(name)) if hasattr(self.data, "getlist") else []
            value = self.initial.get(name)
            return value if isinstance(value, list) else [value]

        self.fields["step_ids"].choices = _keep(list(self.ctx.steps), current("step_ids"))
        self.fields["track"].choices = _keep(_blank(_("Semua alur")) + self.ctx.tracks, current("track"))
        for name, label in (("start_step", _("Sejak permohonan diajukan")), ("stop_step", _("Saat selesai"))):
            self.fields[name].choices = _keep(_blank(label) + self.ctx.steps, current(name))

    @classmethod
    def to_initial(cls, item: dict[str, Any]) -> dict[str, Any]:
        initial = {key: item.get(key) for key in ("key", "label", "text", "open_ended", "track")}
        initial["step_ids"] = item.get("step_ids") or []
        for key in ("min", "max"):
            initial.update(_quantity_initial(item, key))
        for key in ("start", "stop"):
            point = item.get(key) or {}
            initial[f"{key}_step"] = point.get("step") or ""
            initial[f"{key}_on"] = point.get("on") or ("enter" if key == "start" else "leave")
        return initial

    def to_value(self, data: dict[str, Any]) -> dict[str, Any]:
        value = {key: _none_if_blank(data.get(key)) for key in ("key", "label", "text", "track")}
        value["open_ended"] = bool(data.get("open_ended"))
        value["step_ids"] = list(data.get("step_ids") or [])
        for key in ("min", "max"):
            value[key] = _quantity_value(data, key)
        for key in ("start", "stop"):
            step = data.get(f"{key}_step")
            value[key] = {"step": step, "on": data.get(f"{key}_on") or "enter"} if step else None
        return value


class ChannelForm(ItemForm):
    EDITED = ("kind", "value", "label")
    kind = forms.ChoiceField(label=_("Kanal"))
    value = _text(_("Alamat atau nomor"), required=False, max_length=MAX_SHORT)
    label = _text(_("Keterangan"), required=False, max_length=MAX_SHORT)

    def setup(self) -> None:
        self.fields["kind"].choices = _blank() + _channel_choices()


class TierForm(ItemForm):
    EDITED = ("key", "label", "text", "min", "max")
    FIELD_OF = {"min": "min_value", "min.unit": "min_unit", "max": "max_value", "max.unit": "max_unit"}
    label = _text(_("Tingkat"), max_length=MAX_SHORT)
    key = _text(_("Kode"), required=False, max_length=64)
    text = _text(_("Keterangan"), required=False, rows=2)
    min_value = _int(_("Paling cepat"))
    min_unit = forms.ChoiceField(label=_("Satuan"), choices=UNIT_CHOICES, required=False)
    max_value = _int(_("Paling lama"))
    max_unit = forms.ChoiceField(label=_("Satuan"), choices=UNIT_CHOICES, required=False)

    @classmethod
    def to_initial(cls, item: dict[str, Any]) -> dict[str, Any]:
        initial = {key: item.get(key) for key in ("key", "label", "text")}
        for key in ("min", "max"):
            initial.update(_quantity_initial(item, key))
        return initial

    def to_value(self, data: dict[str, Any]) -> dict[str, Any]:
        value = {key: _none_if_blank(data.get(key)) for key in ("key", "label", "text")}
        for key in ("min", "max"):
            value[key] = _quantity_value(data, key)
        return value


class RegulationForm(ItemForm):
    EDITED = ("text", "type", "number", "year", "title")
    text = _text(_("Peraturan (sesuai keputusan)"), rows=2)
    type = _text(_("Jenis"), required=False, max_length=MAX_SHORT)
    number = _text(_("Nomor"), required=False, max_length=MAX_SHORT)
    year = forms.IntegerField(label=_("Tahun"), required=False, min_value=1900, max_value=2100)
    title = _text(_("Tentang"), required=False, max_length=MAX_TEXT)


ROLE_LIST_ID = "agency-role-names"


class CompetenceForm(ItemForm):
    EDITED = ("role", "text", "education", "training", "skills", "experience")
    # Free text as in the decree; the agency's role names are offered (a datalist, no script).
    role = forms.CharField(
        label=_("Peran pelaksana"),
        required=False,
        max_length=MAX_SHORT,
        widget=forms.TextInput(attrs={"list": ROLE_LIST_ID}),
    )
    text = _text(_("Kompetensi"), rows=2)
    education = _text(_("Pendidikan"), required=False, max_length=MAX_SHORT)
    training = _text(_("Pelatihan"), required=False, max_length=MAX_SHORT)
    skills = _text(_("Keahlian"), required=False, max_length=MAX_SHORT)
    experience = _text(_("Pengalaman"), required=False, max_length=MAX_SHORT)


class RoleCountForm(ItemForm):
    EDITED = ("role", "count")
    role = forms.CharField(
        label=_("Peran"), max_length=MAX_SHORT, widget=forms.TextInput(attrs={"list": ROLE_LIST_ID})
    )
    count = _int(_("Jumlah orang"), required=True)


class EvaluationForm(ItemForm):
    EDITED = ("text", "kind", "frequency")
    FIELD_OF = {"frequency": "frequency_per", "frequency.times": "frequency_times"}
    text = _text(_("Evaluasi"), rows=2)
    kind = _text(_("Bentuk (mis. survei, rapat)"), required=False, max_length=MAX_SHORT)
    frequency_times = forms.IntegerField(label=_("Berapa kali"), required=False, min_value=1, max_value=1000)
    frequency_per = forms.ChoiceField(label=_("Frekuensi"), choices=FREQUENCY_CHOICES, required=False)
    frequency_minimum = forms.BooleanField(label=_("Paling sedikit"), required=False)

    @classmethod
    def to_initial(cls, item: dict[str, Any]) -> dict[str, Any]:
        frequency = item.get("frequency") or {}
        return {
            "text": item.get("text"),
            "kind": item.get("kind"),
            "frequency_times": frequency.get("times"),
            "frequency_per": frequency.get("per") or "",
            "frequency_minimum": bool(frequency.get("minimum")),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("frequency_per") and not data.get("frequency_times"):
            data["frequency_times"] = 1
        if data.get("frequency_times") and not data.get("frequency_per"):
            self.add_error("frequency_per", gettext("Pilih frekuensinya."))
        return data

    def to_value(self, data: dict[str, Any]) -> dict[str, Any]:
        per = data.get("frequency_per")
        frequency = (
            {
                "times": data.get("frequency_times") or 1,
                "per": per,
                "minimum": bool(data.get("frequency_minimum")),
            }
            if per
            else None
        )
        return {"text": data.get("text"), "kind": _none_if_blank(data.get("kind")), "frequency": frequency}


# -- forms of the non-list parts -------------------------------------------------------------------


class FeeForm(ItemForm):
    EDITED = ("amount", "text", "legal_basis")
    amount = forms.IntegerField(
        label=_("Besar biaya (rupiah, 0 bila gratis)"), required=False, min_value=0, max_value=10**12
    )
    text = _text(_("Biaya (sesuai keputusan)"), required=False, max_length=MAX_TEXT, rows=2)
    legal_basis = _text(_("Dasar hukum tarif"), required=False, max_length=MAX_TEXT)

    def to_value(self, data: dict[str, Any]) -> dict[str, Any]:
        return {
            "amount": data.get("amount"),
            "text": data.get("text") or "",
            "legal_basis": _none_if_blank(data.get("legal_basis")),
        }


class StaffTotalForm(ItemForm):
    EDITED = ("total", "text")
    total = _int(_("Jumlah seluruh pelaksana"))
    text = _text(_("Jumlah pelaksana (sesuai keputusan)"), required=False, max_length=MAX_TEXT)

    def to_value(self, data: dict[str, Any]) -> dict[str, Any]:
        return {"total": data.get("total"), "text": data.get("text") or ""}


class ComplaintMainForm(ItemForm):
    EDITED = ("logbook", "handlers")
    logbook = _text(_("Buku pencatatan pengaduan"), required=False, max_length=MAX_SHORT)
    handlers = _text(_("Pengelola pengaduan (satu per baris)"), required=False, max_length=MAX_TEXT, rows=3)

    @classmethod
    def to_initial(cls, item: dict[str, Any]) -> dict[str, Any]:
        return {"logbook": item.get("logbook"), "handlers": "\n".join(item.get("handlers") or [])}

    def to_value(self, data: dict[str, Any]) -> dict[str, Any]:
        lines = [line.strip() for line in (data.get("handlers") or "").splitlines() if line.strip()]
        return {"logbook": _none_if_blank(data.get("logbook")), "handlers": lines}


# -- formsets ------------------------------------------------------------------------------------


class ItemFormSet(BaseFormSet):
    def __init__(self, *args: Any, ctx: EditorContext | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("form_kwargs", {})["ctx"] = ctx
        super().__init__(*args, **kwargs)

    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        if "ORDER" in form.fields:
            form.fields["ORDER"].label = gettext("Urutan")
            form.fields["ORDER"].widget.attrs["min"] = 1
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = gettext("Hapus")

    def kept_forms(self) -> list[forms.Form]:
        """Valid, not deleted, not blank new forms, in the order the officer gave them."""
        ordered = self.ordered_forms if self.can_order else self.forms
        return [
            f
            for f in ordered
            if not (self.can_delete and self._should_delete_form(f))
            and (f.has_changed() or self.forms.index(f) < self.initial_form_count())
        ]


def _formset(form: type[ItemForm], max_num: int = MAX_ITEMS) -> type[BaseFormSet]:
    return formset_factory(
        form,
        formset=ItemFormSet,
        extra=0,
        can_delete=True,
        can_order=True,
        max_num=max_num,
        absolute_max=max_num,
        validate_max=True,
    )


_ADD = _("Tambah")


@dataclass(frozen=True)
class Part:
    """One form or formset of a component: its prefix, where its items sit in the component's
    JSON (``path`` from the component; empty for a list component itself) and its heading."""

    prefix: str
    form: type[ItemForm]
    path: tuple[str, ...]
    title: Promise
    many: bool = True
    max_num: int = MAX_ITEMS
    add_label: Promise = _ADD

    def formset_class(self) -> type[BaseFormSet]:
        return _formset(self.form, self.max_num)


# The located map: schema location (relative to the component) of an item → the form that built it.
Located = dict[tuple[Any, ...], forms.Form]


@dataclass
class Editor:
    key: str
    parts: tuple[Part, ...]
    hint: Promise | str = ""
    # Builds the component from its bound forms when the parts do not map one to one (the procedure).
    builder: Callable[[Editor, dict[str, Any], Any], tuple[Any, Located]] | None = None

    def forms_for(self, stored: Any, ctx: EditorContext, data: Any = None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for part in self.parts:
            items = _items_at(stored, part, self.key)
            if part.many:
                initial = [part.form.initial_from(item) for item in items]
                cls = part.formset_class()
                out[part.prefix] = (
                    cls(data, prefix=part.prefix, ctx=ctx)
                    if data is not None
                    else cls(initial=initial, prefix=part.prefix, ctx=ctx)
                )
            else:
                initial = part.form.initial_from(items or {})
                out[part.prefix] = (
                    part.form(data, prefix=part.prefix, ctx=ctx)
                    if data is not None
                    else part.form(initial=initial, prefix=part.prefix, ctx=ctx)
                )
        return out

    def build(self, bound: dict[str, Any], stored: Any) -> tuple[Any, Located]:
        """The component's JSON from valid bound forms, and where each item came from."""
        if self.builder is not None:
            return self.builder(self, bound, stored)
        if len(self.parts) == 1 and self.parts[0].path == () and self.parts[0].many:
            part = self.parts[0]
            kept = bound[part.prefix].kept_forms()
            return [f.value() for f in kept], {(i,): f for i, f in enumerate(kept)}
        value: dict[str, Any] = dict(stored) if isinstance(stored, dict) else {}
        located: Located = {}
        for part in self.parts:
            if part.many:
                kept = bound[part.prefix].kept_forms()
                value[part.path[0]] = [f.value() for f in kept]
                located.update({(part.path[0], i): f for i, f in enumerate(kept)})
            else:
                value.update(bound[part.prefix].value())
                located[()] = bound[part.prefix]
        return value, located


def _items_at(stored: Any, part: Part, component: str) -> Any:
    if part.path == ():
        if part.many:
            return stored if isinstance(stored, list) else []
        return stored if isinstance(stored, dict) else {}
    return (stored or {}).get(part.path[0]) or []


def _build_procedure(editor: Editor, bound: dict[str, Any], stored: Any) -> tuple[Any, Located]:
    value: dict[str, Any] = dict(stored) if isinstance(stored, dict) else {}
    located: Located = {}
    tracks = bound["tracks"].kept_forms()
    steps = bound["steps"].kept_forms()
    transitions = bound["transitions"].kept_forms()
    value["tracks"] = [f.value() for f in tracks]
    located.update({("tracks", i): f for i, f in enumerate(tracks)})
    built_steps = []
    index_of: dict[str, int] = {}
    for i, form in enumerate(steps):
        step = form.value()
        step["transitions"] = []
        index_of.setdefault(step["id"], i)
        built_steps.append(step)
        located[("steps", i)] = form
    for form in transitions:
        i = index_of.get(form.cleaned_data["step"])
        if i is None:
            # The step was removed or renamed in this same save: say so on the row.
            form.add_error("step", gettext("Langkah ini tidak ada lagi; pilih langkah asalnya."))
            continue
        located[("steps", i, "transitions", len(built_steps[i]["transitions"]))] = form
        built_steps[i]["transitions"].append(form.value())
    value["steps"] = built_steps
    return value, located


def procedure_initial_transitions(stored: Any) -> list[dict[str, Any]]:
    """The flat transition rows of a stored procedure, each with the step it leaves."""
    rows = []
    for step in (stored or {}).get("steps") or []:
        for transition in step.get("transitions") or []:
            rows.append({**transition, "_step": step.get("id")})
    return rows


EDITORS: dict[str, Editor] = {
    "requirements": Editor(
        "requirements",
        (Part("requirements", RequirementForm, (), _("Persyaratan"), add_label=_("Tambah persyaratan")),),
        _(
            "Kode dipakai langkah prosedur dan unggahan berkas: huruf kecil dan tanda hubung, mis. fotokopi-ktp."
        ),
    ),
    "procedure": Editor(
        "procedure",
        (
            Part("tracks", TrackForm, ("tracks",), _("Alur"), add_label=_("Tambah alur")),
            Part("steps", StepForm, ("steps",), _("Langkah"), add_label=_("Tambah langkah")),
            Part(
                "transitions",
                TransitionForm,
                ("transitions",),
                _("Kelanjutan"),
                max_num=MAX_TRANSITIONS,
                add_label=_("Tambah kelanjutan"),
            ),
        ),
        _("Setiap langkah perlu kelanjutan: ke langkah lain, atau akhir permohonan."),
        builder=_build_procedure,
    ),
    "time_limits": Editor(
        "time_limits",
        (Part("time_limits", TimeLimitForm, (), _("Jangka waktu"), add_label=_("Tambah jangka waktu")),),
        _("Isi angka dan satuan; pilih langkah yang dicakup agar waktu dihitung pada permohonan."),
    ),
    "fee": Editor("fee", (Part("fee", FeeForm, (), _("Biaya"), many=False),)),
    "products": Editor(
        "products", (Part("products", TextItemForm, (), _("Produk"), add_label=_("Tambah produk")),)
    ),
    "complaint_handling": Editor(
        "complaint_handling",
        (
            Part("complaint", ComplaintMainForm, (), _("Pencatatan"), many=False),
            Part("channels", ChannelForm, ("channels",), _("Kanal pengaduan"), add_label=_("Tambah kanal")),
            Part("tiers", TierForm, ("tiers",), _("Tingkat pengaduan"), add_label=_("Tambah tingkat")),
        ),
    ),
    "legal_basis": Editor(
        "legal_basis",
        (Part("legal_basis", RegulationForm, (), _("Peraturan"), add_label=_("Tambah peraturan")),),
    ),
    "facilities": Editor(
        "facilities", (Part("facilities", TextItemForm, (), _("Sarana"), add_label=_("Tambah sarana")),)
    ),
    "competence": Editor(
        "competence",
        (Part("competence", CompetenceForm, (), _("Kompetensi"), add_label=_("Tambah kompetensi")),),
    ),
    "internal_supervision": Editor(
        "internal_supervision",
        (Part("internal_supervision", TextItemForm, (), _("Pengawasan"), add_label=_("Tambah pengawasan")),),
    ),
    "staff_count": Editor(
        "staff_count",
        (
            Part("staff", StaffTotalForm, (), _("Jumlah"), many=False),
            Part("roles", RoleCountForm, ("roles",), _("Per peran"), add_label=_("Tambah peran")),
        ),
    ),
    "service_guarantee": Editor(
        "service_guarantee",
        (Part("service_guarantee", TextItemForm, (), _("Jaminan"), add_label=_("Tambah jaminan")),),
    ),
    "security_guarantee": Editor(
        "security_guarantee",
        (Part("security_guarantee", TextItemForm, (), _("Jaminan"), add_label=_("Tambah jaminan")),),
    ),
    "performance_evaluation": Editor(
        "performance_evaluation",
        (Part("performance_evaluation", EvaluationForm, (), _("Evaluasi"), add_label=_("Tambah evaluasi")),),
    ),
}


def editor_forms(editor: Editor, stored: Any, ctx: EditorContext, data: Any = None) -> dict[str, Any]:
    """The component's forms, unbound from the stored value or bound to posted data."""
    if editor.key != "procedure" or data is not None:
        return editor.forms_for(stored, ctx, data)
    out = editor.forms_for(stored, ctx)
    cls = editor.parts[2].formset_class()
    initial = [TransitionForm.initial_from(row) for row in procedure_initial_transitions(stored)]
    out["transitions"] = cls(initial=initial, prefix="transitions", ctx=ctx)
    return out


def with_added_row(data: Any, prefix: str, max_num: int) -> Any:
    """The posted data with one more (blank) row in the formset ``prefix``."""
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        total = int(data.get(key, "0"))
    except ValueError:
        total = 0
    data[key] = str(min(total + 1, max_num))
    return data


def posted_steps(data: Any) -> list[str]:
    """Step ids as typed in the posted form (choices of the transition rows)."""
    return posted_values(data, "steps", "id")


def posted_values(data: Any, prefix: str, name: str) -> list[str]:
    """One field of every row of a posted formset, in row order (blank and deleted rows left out)."""
    pattern = re.compile(rf"^{re.escape(prefix)}-(\d+)-{re.escape(name)}$")
    found = []
    for key in data:
        match = pattern.match(key)
        if match and data.get(key) and not data.get(f"{prefix}-{match.group(1)}-DELETE"):
            found.append((int(match.group(1)), data.get(key)[:64]))
    return [value for _index, value in sorted(found)]


def product_choices(products: Iterable[str]) -> list[tuple[str, str]]:
    return [(product_key(p), p) for p in products if isinstance(p, str)]


# -- schema errors onto form fields ----------------------------------------------------------------


def schema_message(error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in ("missing", "string_too_short"):
        return gettext("Wajib diisi.")
    if kind == "string_pattern_mismatch":
        return gettext("Hanya huruf kecil, angka, dan tanda hubung (mis. fotokopi-ktp).")
    if kind == "string_too_long":
        return gettext("Terlalu panjang (paling banyak %(max)s karakter).") % {"max": ctx.get("max_length")}
    if kind in ("greater_than_equal", "greater_than"):
        return gettext("Terlalu kecil.")
    if kind in ("enum", "literal_error"):
        return gettext("Pilihan tidak dikenal.")
    if kind.startswith("int_"):
        return gettext("Isi dengan bilangan bulat.")
    if kind == "value_error" and "exactly one target" in str(error.get("msg", "")):
        return gettext("Pilih tepat satu tujuan: langkah lain atau akhir permohonan.")
    return gettext("Isian tidak sah: %(detail)s") % {"detail": error.get("msg", "")}


def place_errors(
    errors: Iterable[Mapping[str, Any]], located: Located, fallback: forms.Form | None
) -> list[str]:
    """Put each schema error (loc from the Components root) on the form field it concerns.
    Returns the messages no form could take (shown at the top of the component)."""
    left: list[str] = []
    for error in errors:
        loc = tuple(error.get("loc", ()))[1:]
        message = schema_message(error)
        for cut in range(len(loc), -1, -1):
            form = located.get(loc[:cut])
            if form is not None:
                name = form.field_for(loc[cut:]) if hasattr(form, "field_for") else None
                form.add_error(name, message)
                break
        else:
            if fallback is not None:
                fallback.add_error(None, message)
            else:
                left.append(f"{'.'.join(str(p) for p in loc)}: {message}")
    return left
