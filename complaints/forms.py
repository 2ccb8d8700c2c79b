"""Forms of complaint intake and handling. They read and bound the input; the services decide."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.models import Channel
from cases.services import InvalidInput
from complaints.models import ComplaintKind, RecapPeriod
from complaints.services import CONTENT_MAX, Upload
from public.forms import ACCEPT

_TEXT_FIELDS = ("name", "occupation", "address", "email", "phone")


class _File(forms.FileField):
    def clean(self, data: object, initial: object = None) -> object:
        upload = super().clean(data, initial)
        limit = settings.PELAYAN_CASE_FILE_MAX_BYTES
        if isinstance(upload, UploadedFile) and upload.size and upload.size > limit:
            raise forms.ValidationError(_("Berkas lebih dari %(mb)s MB.") % {"mb": limit // (1024 * 1024)})
        return upload


def _file(label: str, required: bool = False) -> _File:
    return _File(
        label=label,
        required=required,
        help_text=_("PDF, JPEG, atau PNG, paling besar %(mb)s MB.")
        % {"mb": settings.PELAYAN_CASE_FILE_MAX_BYTES // (1024 * 1024)},
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )


class _ComplaintFields(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Jenis"),
        choices=ComplaintKind.choices,
        initial=ComplaintKind.COMPLAINT,
        widget=forms.RadioSelect,
    )
    content = forms.CharField(
        label=gettext_lazy("Isi pengaduan, saran, atau masukan"),
        max_length=CONTENT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    name = forms.CharField(
        label=gettext_lazy("Nama"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    occupation = forms.CharField(label=gettext_lazy("Pekerjaan"), required=False, max_length=120)
    address = forms.CharField(
        label=gettext_lazy("Alamat"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2, "autocomplete": "street-address"}),
    )
    email = forms.CharField(
        label=gettext_lazy("E-mail"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=gettext_lazy("Nomor telepon/WhatsApp"),
        required=False,
        max_length=20,
        help_text=gettext_lazy("Contoh: 0812 3456 7890"),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    anonymous = forms.BooleanField(
        label=gettext_lazy("Kirim tanpa identitas (anonim)"),
        required=False,
        help_text=gettext_lazy(
            "Petugas tidak melihat siapa Anda; balasan tetap dikirim ke alamat yang Anda isi."
        ),
    )
    confidential = forms.BooleanField(
        label=gettext_lazy("Rahasia"),
        required=False,
        help_text=gettext_lazy(
            "Hanya tim pengaduan yang dapat membacanya; tidak pernah ditampilkan untuk umum."
        ),
    )

    # The form's own key: a second press of the button, or the same form sent again after going
    # back, is the same complaint (``source_ref``), never a second one in the register.
    kunci = forms.CharField(widget=forms.HiddenInput(attrs={"autocomplete": "off"}), max_length=64)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"kunci": secrets.token_urlsafe(24), "kind": ComplaintKind.COMPLAINT})
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "kunci" in self._errors:
            # Only a page kept open for long or a changed request lacks it: say what to do.
            del self._errors["kunci"]
            self.add_error(None, _("Formulir ini tidak lengkap; muat ulang halaman lalu kirim lagi."))
        return cleaned

    def add_service_error(self, error: InvalidInput) -> None:
        if error.fields.get("source_ref") == "reused":
            # A new key for what is on the page, so the next press records it as a new complaint.
            self.data = self.data.copy()
            self.data["kunci"] = secrets.token_urlsafe(24)
        placed = False
        for field, said in error.field_messages().items():
            name = {"reply_address": "email", "files": "file_1"}.get(field, field)
            if name in self.fields:
                self.add_error(name, said)
                placed = True
        if not placed:
            self.add_error(None, error.message)

    def uploads(self) -> list[Upload]:
        uploads = []
        for name, field in self.fields.items():
            if isinstance(field, _File) and self.cleaned_data.get(name):
                upload: UploadedFile = self.cleaned_data[name]
                uploads.append(Upload(name=upload.name or name, content=upload.read()))
        return uploads

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "content": data["content"],
            **{f: data.get(f, "") for f in _TEXT_FIELDS},
            "anonymous": data.get("anonymous", False),
            "confidential": data.get("confidential", False),
        }


class PublicComplaintForm(_ComplaintFields):
    """The website form. The fields the standard asks are required (unless sent anonymously);
    evidence and the identity document are attachments when it asks for them."""

    public = forms.BooleanField(
        label=gettext_lazy("Boleh ditampilkan di daftar pengaduan publik (tanpa nama dan data pribadi)"),
        required=False,
    )

    def __init__(self, *args: Any, asks: Iterable[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.asks = set(asks)
        self.fields["email"].help_text = _("Jawaban dikirim ke e-mail ini bila diisi.")
        if "occupation" not in self.asks:
            del self.fields["occupation"]
        if "identity" in self.asks:
            self.fields["identity"] = _file(_("KTP/tanda pengenal lainnya"))
        if "evidence" in self.asks:
            self.fields["file_1"] = _file(_("Bukti dukung aduan"))
        else:
            self.fields["file_1"] = _file(_("Lampiran (foto atau dokumen)"))
        self.fields["file_2"] = _file(_("Lampiran lain"))
        for name in ("name", "address", "email", "occupation"):
            if name in self.asks and name in self.fields:
                # Required unless the complaint is sent anonymously (checked in clean()).
                self.fields[name].label = f"{self.fields[name].label} *"
                self.fields[name].asked = True  # type: ignore[attr-defined]

    def identity_fields(self) -> list[forms.BoundField]:
        return [self[n] for n in ("name", "occupation", "address", "email", "phone") if n in self.fields]

    def file_fields(self) -> list[forms.BoundField]:
        return [self[n] for n in ("identity", "file_1", "file_2") if n in self.fields]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("anonymous"):
            if data.get("public") is None:
                data["public"] = False
            if not (data.get("email") or data.get("phone")):
                self.add_error("email", _("Isi e-mail atau nomor telepon agar jawaban dapat dikirim."))
            return data
        for name in ("name", "occupation", "address", "email"):
            if name in self.asks and name in self.fields and not data.get(name):
                self.add_error(name, _("Standar pelayanan meminta isian ini."))
        if "identity" in self.asks and not data.get("identity"):
            self.add_error("identity", _("Standar pelayanan meminta tanda pengenal."))
        if "evidence" in self.asks and not data.get("file_1"):
            self.add_error("file_1", _("Standar pelayanan meminta bukti dukung aduan."))
        return data


class StaffComplaintForm(_ComplaintFields):
    """An officer records a complaint made in person, by phone, letter, fax or a box slip."""

    channel = forms.ChoiceField(label=gettext_lazy("Sarana"))
    received_at = forms.DateTimeField(
        label=gettext_lazy("Waktu diterima"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=gettext_lazy("Waktu setempat instansi; kosongkan bila diterima sekarang."),
    )
    lapor_id = forms.CharField(
        label=gettext_lazy("Nomor tracking SP4N-LAPOR!"), required=False, max_length=64
    )
    scan = _file(gettext_lazy("Pindaian surat/faks/lembar kotak"))
    file_1 = _file(gettext_lazy("Lampiran"))

    def __init__(self, *args: Any, channels: Iterable[str], zone: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(Channel.choices)
        self.fields["channel"].choices = [(c, labels.get(c, c)) for c in channels]
        self.zone = ZoneInfo(zone)

    def received(self) -> datetime | None:
        value = self.cleaned_data.get("received_at")
        if value is None:
            return None
        # The officer types the agency's local time.
        return value.replace(tzinfo=None).replace(tzinfo=self.zone)


class BoxOpeningForm(forms.Form):
    opened_at = forms.DateTimeField(
        label=gettext_lazy("Waktu kotak dibuka"),
        input_formats=["%Y-%m-%dT%H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    slips = forms.IntegerField(label=gettext_lazy("Jumlah lembar di dalam kotak"), min_value=0, max_value=500)
    location = forms.CharField(label=gettext_lazy("Letak kotak"), required=False, max_length=200)
    note = forms.CharField(label=gettext_lazy("Catatan"), required=False, max_length=1000)


class TierForm(forms.Form):
    tier = forms.ChoiceField(label=gettext_lazy("Tingkat pengaduan"))
    target = forms.IntegerField(
        label=gettext_lazy("Target penyelesaian"), required=False, min_value=1, max_value=1000
    )

    def __init__(self, *args: Any, tiers: Iterable[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tier"].choices = list(tiers)


class ActForm(forms.Form):
    action = forms.CharField(max_length=64)
    version = forms.IntegerField(min_value=1)
    note = forms.CharField(required=False, max_length=4000)
    unit = forms.CharField(required=False, max_length=64)
    answer = forms.CharField(required=False, max_length=CONTENT_MAX)


class NoteForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Catatan internal"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=gettext_lazy("Jawaban untuk pengadu"),
        max_length=CONTENT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class EvaluationForm(forms.Form):
    evaluation = forms.CharField(
        label=gettext_lazy("Evaluasi penanganan pengaduan"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=gettext_lazy("Nilai jawaban"),
        coerce=int,
        choices=[(n, str(n)) for n in range(1, 6)],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=gettext_lazy("Komentar"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RecapForm(forms.Form):
    period = forms.ChoiceField(label=gettext_lazy("Periode"), choices=RecapPeriod.choices)
    day = forms.DateField(
        label=gettext_lazy("Tanggal dalam periode"), widget=forms.DateInput(attrs={"type": "date"})
    )
