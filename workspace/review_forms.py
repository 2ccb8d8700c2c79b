"""The publish form of the review screen: the decree's number and effective date, and the roles."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from standards.services import DECREE_NUMBER_MAX


class PublishForm(forms.Form):
    decree_number = forms.CharField(
        label=_("Nomor keputusan"),
        max_length=DECREE_NUMBER_MAX,
        error_messages={
            "required": _("Nomor keputusan wajib diisi: tulis nomor keputusan yang menetapkan standar ini."),
            "max_length": _("Nomor keputusan paling panjang %(limit_value)d karakter."),
        },
    )
    effective_date = forms.DateField(
        label=_("Mulai berlaku"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        error_messages={
            "required": _("Tanggal mulai berlaku wajib diisi: tulis tanggal berlakunya dari keputusan."),
            "invalid": _("Tanggal mulai berlaku tidak dikenali; tulis seperti 2026-03-01."),
        },
    )
    create_roles = forms.MultipleChoiceField(
        label=_("Buat peran yang diusulkan"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, proposals: list[dict[str, Any]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["create_roles"].choices = [
            (p["code"], f"{p['name']} ({p['code']})") for p in proposals if p.get("code")
        ]
