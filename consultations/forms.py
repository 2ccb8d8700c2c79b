"""Forms of the consultation pages. They only shape input; the rules are the services'."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.models import ApplicantType, Mode
from consultations.services import RequestForm

MAX_UPLOAD = 5 * 1024 * 1024


class RequestFields(forms.Form):
    """What Banten's standard asks of a written request, for the website and for staff entry."""

    applicant_type = forms.ChoiceField(label=_("Jenis pemohon"), choices=ApplicantType.choices)
    name = forms.CharField(label=_("Nama pemohon atau lembaga"), max_length=200)
    institution = forms.CharField(label=_("Instansi/lembaga"), max_length=200, required=False)
    phone = forms.CharField(label=_("Kontak yang dapat dihubungi (telepon)"), max_length=30, required=False)
    email = forms.EmailField(label=_("Alamat e-mail"), max_length=254, required=False)
    address = forms.CharField(label=_("Alamat"), max_length=500, required=False)
    topic = forms.CharField(label=_("Materi konsultasi"), max_length=500)
    purpose = forms.CharField(
        label=_("Maksud dan tujuan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    requested_time = forms.CharField(
        label=_("Waktu konsultasi yang diminta"), max_length=200, required=False,
        help_text=_("Misalnya: Selasa 1 Desember, pagi."),
    )  # fmt: skip

    def request_form(self) -> RequestForm:
        data = self.cleaned_data
        return RequestForm(
            name=data["name"], applicant_type=data["applicant_type"], institution=data["institution"],
            email=data["email"], phone=data["phone"], address=data["address"], topic=data["topic"],
            purpose=data["purpose"], requested_time=data["requested_time"],
        )  # fmt: skip

    def add_service_error(self, fields: dict[str, str], message: str) -> None:
        mapped = False
        for key in fields:
            name = key.removeprefix("applicant.")
            name = "id_card" if name.startswith("files") else name
            if name in self.fields:
                self.add_error(name, message)
                mapped = True
        if not mapped:
            self.add_error(None, message)


class PublicRequestForm(RequestFields):
    id_card = forms.FileField(
        label=_("Foto kopi KTP/paspor/kartu identitas lainnya"),
        help_text=_("PDF, JPG atau PNG, paling besar 5 MB."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True

    def clean_id_card(self) -> Any:
        upload = self.cleaned_data["id_card"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Berkas paling besar 5 MB."))
        return upload


class StaffRequestForm(RequestFields):
    channel = forms.ChoiceField(
        label=_("Diterima melalui"),
        choices=[("letter", _("Surat")), ("email", _("E-mail")), ("in_person", _("Datang langsung"))],
    )
    received_at = forms.DateTimeField(
        label=_("Diterima pada"),
        required=False,
        help_text=_("Kosongkan bila diterima sekarang. Format: 2026-11-27 16:40."),
    )


class DispositionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    officer = forms.ChoiceField(label=_("Petugas"), required=False)
    unit = forms.ChoiceField(label=_("Bagian"), required=False)
    instruction = forms.CharField(
        label=_("Instruksi"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, officers: list[Any], units: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].choices = [("", "—")] + [
            (str(o.pk), o.get_full_name() or o.get_username()) for o in officers
        ]
        self.fields["unit"].choices = [("", "—")] + [(u.slug, u.name) for u in units]
        if not units:
            del self.fields["unit"]
        if not officers:
            del self.fields["officer"]


class DecisionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Keputusan"),
        choices=[("accept", _("Setujui")), ("reject", _("Tolak"))],
        widget=forms.RadioSelect,
    )
    mode = forms.ChoiceField(label=_("Cara konsultasi"), choices=[("", "—"), *Mode.choices], required=False)
    room = forms.ChoiceField(label=_("Ruang"), required=False)
    slot = forms.ChoiceField(label=_("Jadwal"), required=False)
    meeting_link = forms.CharField(label=_("Tautan pertemuan daring"), max_length=500, required=False)
    contact_person = forms.CharField(label=_("Narahubung (nama dan telepon)"), max_length=200, required=False)
    reason = forms.CharField(
        label=_("Alasan penolakan"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, rooms: list[Any], slots: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["room"].choices = [("", "—")] + [(str(r.pk), r.name) for r in rooms]
        self.fields["slot"].choices = [("", "—"), *slots]

    def starts_at(self) -> dt.datetime | None:
        value = self.cleaned_data.get("slot")
        return dt.datetime.fromisoformat(value) if value else None


class ProposeForm(forms.Form):
    slot = forms.ChoiceField(label=_("Jadwal baru"))

    def __init__(self, *args: Any, slots: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = slots


class CloseForm(forms.Form):
    notes = forms.CharField(
        label=_("Catatan konsultasi"), max_length=8000, widget=forms.Textarea(attrs={"rows": 5})
    )
    outcome = forms.CharField(
        label=_("Hasil konsultasi"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class RescheduleForm(forms.Form):
    booking = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Waktu yang Anda inginkan"), max_length=500, required=False)


class ConfirmForm(forms.Form):
    booking = forms.IntegerField(widget=forms.HiddenInput)
