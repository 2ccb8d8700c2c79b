"""The importer's review marks (pelayan.lib.importer findings, kept on a draft) as sentences."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from standards.components import COMPONENT_LABELS

_MESSAGES: dict[str, Promise] = {
    "agency_not_stated": _("Dokumen tidak menyebut instansinya; periksa instansi draf ini."),
    "decree_number_not_stated": _("Dokumen tidak memuat nomor keputusan; isi nomornya saat menerbitkan."),
    "decree_number_blank": _(
        "Nomor keputusan '%(number)s' masih berisi bagian kosong; isi nomor lengkapnya."
    ),
    "decree_date_not_stated": _("Dokumen tidak memuat tanggal keputusan; isi tanggal mulai berlaku."),
    "decree_date_incomplete": _("Tanggal keputusan '%(date)s' tidak lengkap; isi tanggal mulai berlaku."),
    "decree_title_not_stated": _("Dokumen tidak menyebut judul keputusan (tentang …)."),
    "signatory_not_stated": _("Dokumen tidak menyebut pejabat yang menetapkan."),
    "step_officer_not_named": _(
        "Langkah %(step)s dikerjakan petugas, tetapi dokumen tidak menyebut petugasnya."
    ),
    "step_officer_vague": _("Langkah %(step)s menyebut '%(actor)s', terlalu umum untuk menjadi peran."),
    "step_performer_undecided": _(
        "Belum jelas siapa pelaku salah satu langkah (pemohon, petugas, atau sistem)."
    ),
    "step_role_for_units": _("Langkah %(step)s dikerjakan '%(actor)s': pilih peran petugas di unit itu."),
    "step_role_not_in_agency": _(
        "Langkah %(step)s dikerjakan '%(actor)s', peran yang belum ada di instansi ini; diusulkan peran "
        "baru '%(code)s'."
    ),
    "step_role_proposed": _("Langkah %(step)s dikerjakan '%(actor)s'; diusulkan peran '%(code)s'."),
    "condition_not_structured": _(
        "Langkah %(step)s memuat syarat '%(condition)s' yang belum menjadi kelanjutan; tentukan arahnya."
    ),
    "time_limit_start_undecided": _("Belum jelas sejak kapan salah satu jangka waktu dihitung."),
    "time_limit_track_undecided": _("Belum jelas alur mana yang diatur salah satu jangka waktu."),
    "track_channels_not_stated": _("Dokumen tidak menyebut kanal masuk salah satu alur."),
    "track_title_not_stated": _(
        "Dokumen tidak memberi judul alur pelayanan; judulnya dibuat 'Alur pelayanan'."
    ),
}

_OTHER_PARTS: dict[str, Promise] = {"decree": _("Keputusan"), "agency": _("Instansi")}


def review_mark_rows(marks: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Each stored mark with its part of the standard and its sentence."""
    rows = []
    for mark in marks:
        component = str(mark.get("component") or "")
        template = _MESSAGES.get(str(mark.get("code")))
        params = mark.get("params") or {}
        try:
            message = str(template) % params if template is not None and params else str(template or "")
        except (KeyError, TypeError, ValueError):
            message = str(template)
        rows.append(
            {
                "component": str(COMPONENT_LABELS.get(component) or _OTHER_PARTS.get(component) or component),
                "path": str(mark.get("path") or ""),
                "message": message or str(mark.get("code") or ""),
            }
        )
    return rows
