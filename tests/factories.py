"""Builders for test data. Values follow the seed standards' shapes, written out here."""

from __future__ import annotations

import copy
from typing import Any

_COMPLETE: dict[str, Any] = {
    "requirements": [
        {
            "key": "formulir",
            "text": "Formulir permohonan yang ditandatangani Lurah",
            "kind": "form",
            "copies": 1,
            "original": True,
        },
        {"key": "ktp", "text": "Fotokopi KTP-el", "kind": "identity", "copies": 1, "original": False},
    ],
    "procedure": {
        "tracks": [
            {
                "key": "online",
                "title": "Pengajuan daring oleh Operator Kelurahan",
                "channels": [{"kind": "website", "label": "Pelayan"}],
            }
        ],
        "steps": [
            {
                "id": "submit",
                "text": "Operator Kelurahan mengajukan berkas",
                "actor": "Operator Kelurahan",
                "action": "submit",
                "performer": "staff",
                "role": "operator-kelurahan",
                "requires": ["formulir", "ktp"],
                "pauses_clock": True,
                "transitions": [{"key": "ajukan", "kind": "submit", "to": "verify"}],
            },
            {
                "id": "verify",
                "text": "Operator Kecamatan meneliti kelengkapan berkas",
                "actor": "Operator Kecamatan",
                "action": "verify",
                "performer": "staff",
                "role": "operator-kecamatan",
                "transitions": [
                    {"key": "lengkap", "kind": "approve", "to": "sign", "condition": "jika lengkap"},
                    {
                        "key": "kembalikan",
                        "kind": "return",
                        "to": "submit",
                        "condition": "jika tidak lengkap",
                        "outcome": "dikembalikan",
                    },
                ],
            },
            {
                "id": "sign",
                "text": "Camat menandatangani secara digital",
                "actor": "Camat",
                "action": "sign",
                "performer": "staff",
                "role": "camat",
                "produces": ["surat-pengantar-izin-keramaian"],
                "transitions": [{"key": "tandatangani", "kind": "sign", "end": "completed"}],
            },
        ],
        "flows": [
            {
                "nodes": [{"id": "A", "label": "Kelurahan"}, {"id": "B", "label": "Kecamatan"}],
                "edges": [{"from": "A", "to": "B"}],
            }
        ],
    },
    "time_limits": [
        {"key": "penyelesaian", "label": None, "text": "15 menit", "max": {"value": 15, "unit": "minute"}}
    ],
    "fee": {"amount": 0, "text": "Gratis"},
    "products": ["Surat pengantar izin keramaian"],
    "complaint_handling": {
        "channels": [
            {"kind": "in_person", "label": "Petugas Penerima Pengaduan"},
            {"kind": "email", "value": "kec@example.go.id", "normalized": "kec@example.go.id"},
        ],
        "tiers": [{"label": "Pengaduan ringan", "max": {"value": 3, "unit": "hour"}}],
        "logbook": "Buku Pengaduan",
    },
    "legal_basis": [
        {
            "text": "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
            "type": "Undang-Undang",
            "number": "25",
            "year": 2009,
            "title": "Pelayanan Publik",
        }
    ],
    "facilities": ["Meja pelayanan", "Komputer"],
    "competence": [{"text": "Mampu mengoperasikan komputer", "role": "Pelaksana Administrasi"}],
    "internal_supervision": ["Pengawasan melekat oleh atasan langsung"],
    "staff_count": {"total": 2, "roles": [{"role": "Operator", "count": 2}], "text": "2 orang"},
    "service_guarantee": ["Pelayanan sesuai standar"],
    "security_guarantee": ["CCTV di ruang pelayanan"],
    "performance_evaluation": [
        {"text": "Monitoring setiap bulan", "frequency": {"times": 1, "per": "month"}},
    ],
}


def complete_components(**overrides: Any) -> dict[str, Any]:
    """A fully compliant set of the fourteen components; keyword arguments replace whole components."""
    data = copy.deepcopy(_COMPLETE)
    data.update(overrides)
    return data


# The roles the complete procedure above names; an agency must hold them before it can publish.
FACTORY_ROLES: dict[str, str] = {
    "operator-kelurahan": "Operator Kelurahan",
    "operator-kecamatan": "Operator Kecamatan",
    "camat": "Camat",
}


def factory_roles_ensure(agency: Any) -> None:
    from accounts.services import staff_role_ensure

    for code, name in FACTORY_ROLES.items():
        staff_role_ensure(agency=agency, code=code, name=name)
