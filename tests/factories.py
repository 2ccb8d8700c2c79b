"""Builders for test data. Values follow the seed standards' shapes, written out here."""

from __future__ import annotations

import copy
from typing import Any

_COMPLETE: dict[str, Any] = {
    "requirements": [
        {
            "text": "Formulir permohonan yang ditandatangani Lurah",
            "kind": "form",
            "copies": 1,
            "original": True,
        },
        {"text": "Fotokopi KTP-el", "kind": "identity", "copies": 1, "original": False},
    ],
    "procedure": {
        "steps": [
            {
                "id": "submit",
                "text": "Operator Kelurahan mengajukan berkas",
                "actor": "Operator Kelurahan",
                "action": "submit",
            },
            {
                "id": "verify",
                "text": "Operator Kecamatan meneliti kelengkapan berkas",
                "actor": "Operator Kecamatan",
                "action": "verify",
                "pausable": True,
                "branches": [
                    {"condition": "jika tidak lengkap", "goto": "submit", "outcome": "dikembalikan"}
                ],
            },
            {"id": "sign", "text": "Camat menandatangani secara digital", "actor": "Camat", "action": "sign"},
        ],
        "flows": [
            {
                "nodes": [{"id": "A", "label": "Kelurahan"}, {"id": "B", "label": "Kecamatan"}],
                "edges": [{"from": "A", "to": "B"}],
            }
        ],
    },
    "time_limits": [{"label": None, "text": "15 menit", "max": {"value": 15, "unit": "minute"}}],
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
