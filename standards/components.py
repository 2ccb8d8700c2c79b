"""Names of the fourteen components and the sentences for compliance findings, translated."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from pelayan.lib.compliance import Finding, Severity, check_json

COMPONENT_LABELS: dict[str, Promise] = {
    "requirements": _("Persyaratan"),
    "procedure": _("Sistem, mekanisme, dan prosedur"),
    "time_limits": _("Jangka waktu penyelesaian"),
    "fee": _("Biaya/tarif"),
    "products": _("Produk pelayanan"),
    "complaint_handling": _("Penanganan pengaduan, saran, dan masukan"),
    "legal_basis": _("Dasar hukum"),
    "facilities": _("Sarana, prasarana, dan/atau fasilitas"),
    "competence": _("Kompetensi pelaksana"),
    "internal_supervision": _("Pengawasan internal"),
    "staff_count": _("Jumlah pelaksana"),
    "service_guarantee": _("Jaminan pelayanan"),
    "security_guarantee": _("Jaminan keamanan dan keselamatan pelayanan"),
    "performance_evaluation": _("Evaluasi kinerja pelaksana"),
}

_MESSAGES: dict[str, Promise] = {
    "missing_component": _("Komponen ini belum diisi."),
    "invalid_value": _("Isian tidak sah: %(detail)s"),
    "duplicate_step_id": _("Kode langkah '%(id)s' dipakai lebih dari sekali."),
    "step_without_actor": _("Langkah %(step)s tidak menyebut pelaksananya."),
    "procedure_without_track": _("Prosedur belum menyatakan alurnya (tracks) beserta kanal masuknya."),
    "procedure_without_steps": _("Prosedur belum memuat langkah."),
    "duplicate_track": _("Kode alur '%(track)s' dipakai lebih dari sekali."),
    "track_unknown_entry": _("Alur '%(track)s' dimulai dari langkah '%(step)s' yang bukan bagian alur itu."),
    "track_without_steps": _("Alur '%(track)s' tidak memuat langkah."),
    "track_without_end": _("Alur '%(track)s' tidak punya jalan sampai selesai dari setiap langkahnya."),
    "transition_leaves_track": _(
        "Alur '%(track)s': langkah '%(step)s' menuju '%(target)s' yang berada di alur lain."
    ),
    "step_unknown_track": _("Langkah %(step)s berada di alur '%(track)s' yang tidak dinyatakan."),
    "step_without_performer": _(
        "Langkah %(step)s belum menyebut siapa pelakunya (pemohon, petugas, atau sistem)."
    ),
    "staff_step_without_role": _("Langkah %(step)s dikerjakan petugas tetapi belum menyebut perannya."),
    "step_unknown_role": _("Langkah %(step)s menyebut peran '%(role)s' yang tidak ada di instansi ini."),
    "step_unknown_unit": _("Langkah %(step)s menyebut unit '%(unit)s' yang tidak ada di instansi ini."),
    "step_unknown_requirement": _("Langkah %(step)s memeriksa persyaratan '%(requirement)s' yang tidak ada."),
    "step_unknown_product": _("Langkah %(step)s menghasilkan produk '%(product)s' yang tidak ada."),
    "step_without_transition": _("Langkah %(step)s tidak punya kelanjutan (langkah berikut atau selesai)."),
    "duplicate_transition": _("Langkah %(step)s memakai kode kelanjutan '%(transition)s' lebih dari sekali."),
    "transition_unknown_target": _("Langkah %(step)s menuju langkah '%(target)s' yang tidak ada."),
    "system_step_with_choices": _(
        "Langkah %(step)s dikerjakan sistem tetapi punya lebih dari satu kelanjutan."
    ),
    "step_unreachable": _("Langkah %(step)s tidak dapat dicapai dari awal alur mana pun."),
    "complaint_procedure_without_steps": _("Prosedur penanganan pengaduan belum memuat langkah."),
    "complaint_without_time_limit": _(
        "Penanganan pengaduan belum menyatakan jangka waktu yang dapat dihitung."
    ),
    "complaint_tiers_without_time_limit": _("Tingkat pengaduan memerlukan jangka waktu yang diaturnya."),
    "complaint_triage_unknown_step": _("Langkah penentuan tingkat pengaduan '%(step)s' tidak ada."),
    "complaint_triage_not_staff": _(
        "Tingkat pengaduan ditentukan petugas: langkah '%(step)s' bukan langkah petugas."
    ),
    "complaint_tiers_without_triage": _("Tingkat pengaduan ada, tetapi belum disebut langkah penentuannya."),
    "complaint_tier_limit_unknown": _("Jangka waktu '%(limit)s' yang diatur tingkat pengaduan tidak ada."),
    "complaint_duplicate_tier": _("Kode tingkat pengaduan '%(tier)s' dipakai lebih dari sekali."),
    "complaint_unknown_role": _(
        "Penanganan pengaduan menyebut peran '%(role)s' yang tidak ada di instansi ini."
    ),
    "requirement_without_key": _("Setiap persyaratan perlu kode (key) agar dapat diperiksa dan diunggah."),
    "duplicate_time_limit": _("Kode jangka waktu '%(key)s' dipakai lebih dari sekali."),
    "time_limit_without_key": _("Jangka waktu ini perlu kode (key) agar dapat dihitung pada permohonan."),
    "time_limit_unknown_track": _("Jangka waktu ini berlaku untuk alur '%(track)s' yang tidak ada."),
    "time_limit_unknown_step": _("Jangka waktu ini merujuk langkah '%(step)s' yang tidak ada."),
    "flow_edge_unknown_node": _("Diagram alur merujuk simpul '%(node)s' yang tidak ada."),
    "range_min_above_max": _("Batas bawah lebih besar dari batas atas."),
    "plain_days_are_working_days": _("'Hari' tanpa keterangan dihitung sebagai hari kerja."),
    "time_limit_unparsed": _(
        "Jangka waktu '%(text)s' tidak memuat angka dan satuan. Isi angka dan satuannya, "
        "atau tandai sebagai tanpa batas waktu tetap."
    ),
    "no_measurable_time_limit": _("Tidak ada satu pun jangka waktu yang dapat diukur."),
    "fee_amount_unparsed": _("Besar biaya '%(text)s' belum diisi dalam rupiah (0 bila gratis)."),
    "fee_without_legal_basis": _("Biaya berbayar tanpa dasar hukum tarif."),
    "complaint_without_channel": _("Penanganan pengaduan tidak menyebut satu pun kanal pengaduan."),
    "channel_without_address": _("Kanal %(kind)s tidak mencantumkan alamat atau nomor."),
    "tier_without_limit": _("Tingkat pengaduan '%(label)s' tidak punya batas waktu."),
    "regulation_unstructured": _("Dasar hukum '%(text)s' belum terurai (jenis, nomor, tahun)."),
    "staff_count_unparsed": _("Jumlah pelaksana '%(text)s' tidak memuat angka."),
    "staff_count_mismatch": _("Jumlah per peran (%(sum)s) tidak sama dengan total (%(total)s)."),
    "evaluation_without_frequency": _("Evaluasi '%(text)s' tidak menyebut frekuensi."),
}


@dataclass(frozen=True)
class ComplianceItem:
    severity: Severity
    code: str
    component: str
    component_label: str
    path: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "severity": str(self.severity),
            "code": self.code,
            "component": self.component,
            "component_label": self.component_label,
            "path": self.path,
            "message": self.message,
        }


def describe(finding: Finding) -> ComplianceItem:
    template = _MESSAGES.get(finding.code, finding.code)
    return ComplianceItem(
        severity=finding.severity,
        code=finding.code,
        component=finding.component,
        component_label=str(COMPONENT_LABELS.get(finding.component, finding.component)),
        path=finding.path,
        message=str(template) % finding.params if finding.params else str(template),
    )


def compliance_items(
    components_json: dict[str, Any],
    *,
    roles: Collection[str] | None = None,
    units: Collection[str] | None = None,
) -> list[ComplianceItem]:
    return [describe(f) for f in check_json(components_json, roles=roles, units=units)]
