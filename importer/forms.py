from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pelayan.lib.importer.limits import MAX_INPUT_BYTES, megabytes
from standards.models import Agency

MAX_UPLOAD_BYTES = MAX_INPUT_BYTES


class UploadForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Instansi"))
    service_name = forms.CharField(
        label=_("Nama layanan"),
        required=False,
        max_length=250,
        help_text=_(
            "Kosongkan untuk memakai judul dari dokumen (wajib kosong untuk dokumen berisi banyak layanan)."
        ),
    )
    document = forms.FileField(
        label=_("Dokumen"),
        required=False,
        help_text=_("Teks, HTML, Markdown, Word (.docx) atau PDF berlapis teks."),
    )
    text = forms.CharField(
        label=_("Atau tempel teks"), required=False, widget=forms.Textarea(attrs={"rows": 6, "cols": 80})
    )

    def __init__(self, *args, agencies=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if agencies is not None:
            self.fields["agency"].queryset = agencies

    def clean(self):
        data = super().clean()
        document = data.get("document")
        if document is None and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Unggah dokumen atau tempel teksnya."))
        if document is not None and document.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Dokumen lebih dari %(limit)s (batas ukuran berkas).")
                % {"limit": megabytes(MAX_UPLOAD_BYTES)}
            )
        if len((data.get("text") or "").encode("utf-8")) > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Teks tempel lebih dari %(limit)s (batas ukuran berkas).")
                % {"limit": megabytes(MAX_UPLOAD_BYTES)}
            )
        return data
