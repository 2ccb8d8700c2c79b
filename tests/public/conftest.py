"""Published standards for the public pages, built through the registry's services."""

from __future__ import annotations

import pytest

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
