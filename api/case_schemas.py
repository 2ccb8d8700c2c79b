"""Request and response bodies of the case endpoints (permohonan)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from api.schemas import AgencyRefOut, NamedRefOut

CaseStatusCode = Literal["open", "completed", "rejected", "withdrawn"]


class ApplicantIn(Schema):
    name: str = Field(max_length=200, description="Nama pemohon (orang atau lembaga).")
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=30, description="Mis. `0812 3456 7890`; disimpan sebagai +62….")
    address: str = Field("", max_length=500)
    institution: str = Field("", max_length=200)


class CaseIn(Schema):
    service: str = Field(
        max_length=101,
        pattern=r"^[a-z0-9-]+/[a-z0-9-]+$",
        description="`slug-instansi/slug-layanan`, mis. `kec-kedopok/surat-pengantar-izin-keramaian`.",
        examples=["kec-kedopok/surat-pengantar-izin-keramaian"],
    )
    track: str | None = Field(
        None, max_length=64, description="Kunci alur; bila kosong, alur pertama kanal ini."
    )
    applicant: ApplicantIn
    channel: str = Field(
        "website", max_length=20, description="Kanal masuk: website, in_person, letter, email, phone, …"
    )
    received_at: dt.datetime | None = Field(
        None,
        description=(
            "Hanya petugas: saat berkas diterima (surat yang datang kemarin), dengan zona waktu, "
            "tidak di masa depan. Bawaan: sekarang."
        ),
    )
    details: dict[str, Any] = Field(default_factory=dict, description="Keterangan tambahan permohonan.")
    unit: str | None = Field(
        None,
        max_length=64,
        pattern=r"^[a-z0-9-]+$",
        description="Hanya petugas: slug unit/bagian yang dituju (mis. `pelayanan-dasar` di Biro Kesra Kalbar).",
    )


class ActionIn(Schema):
    action: str = Field(max_length=64, description="`key` salah satu `actions` pada rincian permohonan.")
    version: int = Field(ge=1, description="`version` permohonan yang dilihat; versi lama dijawab 409.")
    note: str = Field("", max_length=4000)
    missing: list[str] = Field(
        default_factory=list,
        max_length=100,
        description="Kunci persyaratan yang kurang, hanya untuk tindakan `return`.",
    )
    unit: str | None = Field(
        None, max_length=50, description="Slug unit untuk langkah berikut, bila dipilih."
    )
    assignee: str | None = Field(None, max_length=150, description="Nama pengguna petugas yang ditunjuk.")


class RoleOut(Schema):
    code: str
    name: str


class TaskOut(Schema):
    step: str = Field(description="Id langkah prosedur.")
    number: int = Field(description="Nomor langkah pada alurnya, seperti di halaman publik.")
    text: str
    performer: Literal["staff", "applicant", "system"]
    role: RoleOut | None
    unit: NamedRefOut | None
    assignee: str | None = Field(description="Nama pengguna petugas yang ditunjuk, bila ada.")
    since: dt.datetime


class ActionOut(Schema):
    key: str
    step: str
    kind: str = Field(
        description="submit, complete, approve, return, reject, sign, forward, dispose, withdraw."
    )
    label: str
    condition: str | None
    is_return: bool
    chooses_unit: list[str] = Field(description="Unit yang boleh dipilih (`unit`) untuk langkah berikut.")
    assigns_officer: bool


class ClockOut(Schema):
    key: str
    label: str
    allowance: str = Field(description="Waktu penyelesaian sebagaimana tertulis di standar, mis. '15 menit'.")
    state: str = Field(description="on_track, at_risk, breached, met, missed.")
    phase: str = Field(description="running, paused, stopped.")
    due_at: dt.datetime | None = Field(description="Null selama jam berhenti (bergantung kapan dilanjutkan).")
    elapsed_seconds: int = Field(description="Detik jam kerja yang sudah terpakai (tanpa masa berhenti).")
    remaining_seconds: int = Field(description="Detik jam kerja yang tersisa; negatif bila terlambat.")


class EventOut(Schema):
    seq: int
    at: dt.datetime
    kind: str
    actor: str
    transition: str | None
    from_step: str | None
    to_step: str | None
    note: str | None
    missing: list[str]
    files: list[int]


class FileOut(Schema):
    id: int
    requirement: str
    name: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: dt.datetime


class ChecklistItemOut(Schema):
    key: str
    text: str
    missing: bool = Field(description="Diminta dilengkapi saat berkas terakhir dikembalikan.")
    required_now: bool = Field(description="Diperiksa pada langkah sekarang.")
    file: FileOut | None = Field(description="Berkas terbaru untuk persyaratan ini.")


class ApplicantOut(Schema):
    name: str
    email: str | None
    phone: str | None
    address: str | None
    institution: str | None


class CaseOut(Schema):
    number: str = Field(description="Nomor registrasi tanpa tanda hubung.")
    display_number: str = Field(description="Nomor registrasi seperti dicetak, mis. `7H3K9-QX4MC`.")
    agency: AgencyRefOut
    service: NamedRefOut
    standard_version: int
    track: str
    channel: str
    status: CaseStatusCode
    version: int = Field(description="Naik pada setiap perubahan; kirim kembali pada tindakan.")
    unit: NamedRefOut | None
    received_at: dt.datetime
    due_at: dt.datetime | None
    ended_at: dt.datetime | None
    urgency: Literal["on_track", "at_risk", "breached", "paused"]
    applicant: ApplicantOut
    details: dict[str, Any]
    missing: list[str]
    tasks: list[TaskOut] = Field(description="Tugas terbuka: langkah tempat permohonan berada.")
    actions: list[ActionOut] = Field(description="Tindakan yang boleh Anda ambil sekarang.")
    clocks: list[ClockOut]
    timeline: list[EventOut]
    checklist: list[ChecklistItemOut]


class CaseCreatedOut(Schema):
    number: str
    display_number: str
    created: bool = Field(description="Salah bila `Idempotency-Key` sudah dipakai: ini permohonan pertama.")
    pin: str | None = Field(description="PIN pelacakan, ditampilkan sekali ini saja; null pada pengulangan.")
    status: CaseStatusCode
    version: int
    received_at: dt.datetime
    due_at: dt.datetime | None
    clocks: list[ClockOut]


class FileAddedOut(Schema):
    file: FileOut
    version: int = Field(description="Versi permohonan setelah berkas ditambahkan.")


class InboxItemOut(Schema):
    number: str
    display_number: str
    agency: AgencyRefOut
    service: NamedRefOut
    status: CaseStatusCode
    version: int
    task: TaskOut
    applicant_name: str
    received_at: dt.datetime
    due_at: dt.datetime | None
    urgency: Literal["on_track", "at_risk", "breached", "paused"]
    missing: list[str]


class PublicStepOut(Schema):
    number: int
    text: str
    role: str | None = Field(description="Nama peran yang mengerjakan langkah ini.")


class RequirementOut(Schema):
    key: str
    text: str


class TrackingOut(Schema):
    number: str
    display_number: str
    service: str
    agency: str
    status: CaseStatusCode
    status_label: str
    step: PublicStepOut | None
    received_at: dt.datetime
    due_at: dt.datetime | None
    ended_at: dt.datetime | None
    missing: list[RequirementOut] = Field(description="Persyaratan yang diminta untuk dilengkapi.")
