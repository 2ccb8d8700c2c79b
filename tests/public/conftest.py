"""Published standards for the public pages, built through the registry's services."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from standards.demo import load_demo
from standards.models import Service, ServiceKind, Standard
from standards.services import service_create, standard_draft_create, standard_publish
from tests.factories import complete_components


def publish(service: Service, **components) -> Standard:
    draft = standard_draft_create(
        service=service,
        actor=None,
        components=complete_components(**components),
        decree_number="800/123/KEP/2024",
        decree_date_text="Februari 2024",
        decree_title="Standar Pelayanan Kecamatan Contoh",
        signed_by_name="Budi Santoso",
        signed_by_title="Camat Contoh",
    )
    return standard_publish(standard=draft, actor=None)


@pytest.fixture
def published(service) -> Standard:
    return publish(service)


@pytest.fixture
def second_service(agency) -> Service:
    service = service_create(
        agency=agency, name="Legalisasi Surat Keterangan Ahli Waris", kind=ServiceKind.APPLICATION
    )
    publish(service, fee={"amount": 50000, "text": "Rp. 50.000,-", "legal_basis": "Perda Nomor 1 Tahun 2020"})
    return service


# -- the citizen's pages -------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
BANGLI = "/dpmptsp-bangli/pengaduan-masyarakat/"
BANGLI_APPLICANT = {
    "pemohon_nama": "Ni Luh Putu Sari",
    "pemohon_telepon": "0812 3456 7890",
    "pemohon_email": "sari@example.com",
    "pemohon_alamat": "Jl. Merdeka 7, Bangli",
}


def pdf(name: str = "berkas.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files go to a folder of the test, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo(db):
    load_demo(with_users=False)


def form_key(client, url: str) -> str:
    """The one-time key a freshly shown apply form carries."""
    body = client.get(url).content.decode()
    return re.search(r'name="kunci" value="([^"]+)"', body).group(1)


def apply_to_bangli(client, **changes) -> Any:
    """Fill and send Bangli's online complaint form as a citizen would; returns the response."""
    url = BANGLI + "ajukan/"
    data = {
        **BANGLI_APPLICANT,
        "kunci": form_key(client, url),
        "identitas": pdf("ktp.pdf"),
        "alamat": pdf("alamat.pdf"),
        "bukti": pdf("bukti.pdf"),
    }
    data.update(changes)
    return client.post(url, {k: v for k, v in data.items() if v is not None})


def receipt(client) -> tuple[str, str]:
    """The number and PIN as the result page shows them."""
    body = client.get(BANGLI + "ajukan/terkirim/").content.decode()
    number = re.search(r'id="receipt-number">([^<]+)<', body).group(1)
    pin = re.search(r'id="receipt-pin">([^<]+)<', body).group(1)
    return number, pin
