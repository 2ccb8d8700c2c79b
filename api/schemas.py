"""Response bodies of the read API. The fourteen components reuse the registry's own schema."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Schema
from pydantic import Field

from pelayan.lib.standard_schema import Channel, Components

TimeZoneName = Literal["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
StandardStatusCode = Literal["draft", "published", "superseded"]


class AgencyRefOut(Schema):
    slug: str
    name: str
    timezone: TimeZoneName = Field(
        description="Zona waktu instansi (IANA); waktu dalam jawaban memakai zona ini."
    )
    timezone_abbr: Literal["WIB", "WITA", "WIT"]


class AgencySummaryOut(AgencyRefOut):
    short_name: str | None
    kind: str = Field(
        description="Jenis instansi: dinas, badan, biro, dpmptsp, kecamatan, kelurahan, desa, other."
    )
    province: str
    regency: str | None
    published_services: int = Field(description="Jumlah layanan aktif yang memiliki standar berlaku.")


class UnitOut(Schema):
    slug: str
    name: str
    kind: str = Field(description="bidang, bagian, seksi, subbagian, sekretariat, tim, other.")
    parent: str | None = Field(description="Slug unit induk, bila ada.")


class AgencyDetailOut(AgencySummaryOut):
    parent: AgencyRefOut | None
    address: str | None
    website: str | None
    head_title: str | None
    head_name: str | None
    pledge: str | None = Field(description="Maklumat pelayanan; null berarti memakai teks maklumat baku.")
    contact_channels: list[Channel]
    units: list[UnitOut]


class NamedRefOut(Schema):
    """A unit or service named by its slug and name."""

    slug: str
    name: str


class StandardRefOut(Schema):
    id: int
    version: int
    status: StandardStatusCode
    effective_date: dt.date | None
    published_at: dt.datetime | None
    superseded_at: dt.datetime | None


class ServiceSummaryOut(Schema):
    slug: str
    name: str
    kind: str = Field(description="application, consultation, complaint, information, other.")
    summary: str | None
    agency: AgencyRefOut
    unit: NamedRefOut | None
    standard: StandardRefOut | None = Field(description="Versi standar yang berlaku, bila ada.")


class ServiceDetailOut(ServiceSummaryOut):
    is_active: bool
    versions: list[StandardRefOut] = Field(
        description=(
            "Versi standar, terbaru lebih dulu: yang berlaku dan yang sudah diganti; "
            "draf hanya untuk admin instansi."
        )
    )


class SignedByOut(Schema):
    name: str | None
    title: str | None


class DecreeOut(Schema):
    number: str | None
    date: dt.date | None
    date_text: str | None = Field(description="Tanggal sebagaimana tertulis, mis. 'Februari 2021'.")
    title: str | None
    signed_by: SignedByOut


class StandardOut(StandardRefOut):
    service: NamedRefOut
    agency: AgencyRefOut
    timezone: TimeZoneName = Field(description="Zona waktu instansi; published_at dinyatakan dalam zona ini.")
    decree: DecreeOut
    components: Components = Field(description="Keempat belas komponen standar pelayanan.")


class ComplianceItemOut(Schema):
    severity: Literal["error", "warning"]
    code: str
    component: str
    component_label: str
    path: str
    message: str


class ComplianceOut(Schema):
    standard_id: int
    version: int
    status: StandardStatusCode
    publishable: bool = Field(description="Benar bila tidak ada temuan bertingkat `error`.")
    errors: int
    warnings: int
    items: list[ComplianceItemOut]
