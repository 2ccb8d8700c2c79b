"""Forms of the citizen's pages. They read and bound the input; the case services decide."""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from cases.services import Applicant, InvalidInput
from pelayan.lib.standard_schema import Requirement
from public.presenters import requirement_details

# What the case services accept; the picker offers only these.
ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
# The service names applicant fields "applicant.<name>"; requirement keys never hold "_", so
# these names cannot clash with a requirement (Bangli has one keyed "alamat").
APPLICANT_FIELDS = {
    "applicant.name": "pemohon_nama",
    "applicant.phone": "pemohon_telepon",
    "applicant.email": "pemohon_email",
    "applicant.address": "pemohon_alamat",
}


class RequirementFileField(forms.FileField):
    """One file for one requirement. Oversized files stop here, before anything is written; the
    service checks the size again and what the file really is."""

    def clean(self, data: object, initial: object = None) -> object:
        upload = super().clean(data, initial)
        limit = settings.PELAYAN_CASE_FILE_MAX_BYTES
        if isinstance(upload, UploadedFile) and upload.size and upload.size > limit:
            raise forms.ValidationError(_("Berkas lebih dari %(mb)s MB.") % {"mb": limit // (1024 * 1024)})
        return upload


def _file_field(requirement: Requirement) -> RequirementFileField:
    details = requirement_details(requirement)
    help_text = _("PDF, JPEG, atau PNG, paling besar %(mb)s MB.") % {
        "mb": settings.PELAYAN_CASE_FILE_MAX_BYTES // (1024 * 1024)
    }
    if details:
        help_text = f"{', '.join(details).capitalize()}. {help_text}"
    return RequirementFileField(
        label=requirement.text,
        help_text=help_text,
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )


class _ServiceErrors:
    """Puts each message of a service's ``InvalidInput`` next to the input it names."""

    def add_service_error(self: forms.Form, error: InvalidInput, *, files: Iterable[str] = ()) -> None:  # type: ignore[misc]
        files = list(files)
        placed = False
        for field, value in error.fields.items():
            if field in APPLICANT_FIELDS:
                # The applicant's fields carry their own message each.
                self.add_error(APPLICANT_FIELDS[field], value)
                placed = True
                continue
            name = field.removeprefix("files.")
            if name in self.fields:
                self.add_error(name, error.message)
                placed = True
            elif field in ("file", "files") and len(files) == 1:
                self.add_error(files[0], error.message)
                placed = True
        if not placed:
            self.add_error(None, error.message)


class ApplyForm(_ServiceErrors, forms.Form):
    pemohon_nama = forms.CharField(
        label=gettext_lazy("Nama lengkap"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    pemohon_telepon = forms.CharField(
        label=gettext_lazy("Nomor telepon/WhatsApp"),
        required=False,
        max_length=20,
        help_text=gettext_lazy("Contoh: 0812 3456 7890"),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    # A text field: the service decides what a valid address is, and says so in Indonesian.
    pemohon_email = forms.CharField(
        label=gettext_lazy("E-mail"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    pemohon_alamat = forms.CharField(
        label=gettext_lazy("Alamat"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )
    # Drawn when the form is shown: a second press of "Kirim" returns the first permohonan.
    kunci = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args: object, requirements: list[Requirement], **kwargs: object) -> None:
        kwargs.setdefault("initial", {"kunci": secrets.token_urlsafe(24)})
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.requirement_keys = [r.key for r in requirements if r.key]
        for requirement in requirements:
            if requirement.key:
                self.fields[requirement.key] = _file_field(requirement)

    def applicant_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in APPLICANT_FIELDS.values()]

    def requirement_fields(self) -> list[forms.BoundField]:
        return [self[key] for key in self.requirement_keys]

    def applicant(self) -> Applicant:
        data = self.cleaned_data
        return Applicant(
            name=data["pemohon_nama"],
            phone=data["pemohon_telepon"],
            email=data["pemohon_email"],
            address=data["pemohon_alamat"],
        )

    def files_given(self) -> list[tuple[str, UploadedFile]]:
        return [(key, self.cleaned_data[key]) for key in self.requirement_keys if self.cleaned_data.get(key)]


class TrackForm(forms.Form):
    nomor = forms.CharField(
        label=gettext_lazy("Nomor registrasi"),
        max_length=20,
        help_text=gettext_lazy("Contoh: 7H3K9-QX4MC"),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    pin = forms.CharField(
        label=pgettext_lazy("permohonan", "PIN"),
        max_length=12,
        help_text=gettext_lazy("Enam angka yang diberikan saat permohonan dikirim."),
        widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class ResubmitForm(_ServiceErrors, forms.Form):
    """The files the officer asked for when returning the permohonan, and the version seen."""

    versi = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: object, missing: list[Requirement], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.requirement_keys = [r.key for r in missing if r.key]
        for requirement in missing:
            if requirement.key:
                self.fields[requirement.key] = _file_field(requirement)

    def requirement_fields(self) -> list[forms.BoundField]:
        return [self[key] for key in self.requirement_keys]

    def files_given(self) -> list[tuple[str, UploadedFile]]:
        return [(key, self.cleaned_data[key]) for key in self.requirement_keys if self.cleaned_data.get(key)]
