"""Data for the API tests, built through the registry's services like real data."""

from __future__ import annotations

import datetime as dt

import pytest

from standards.models import Agency, Service, Standard
from standards.services import (
    agency_create,
    service_create,
    standard_draft_create,
    standard_publish,
    unit_create,
)

# The case endpoints' fixtures: the demo agencies and their logins, a token per login, a clock.
from tests.api.case_fixtures import (  # noqa: F401
    camat,
    clock,
    demo,
    kecamatan_operator,
    kedopok_service,
    kelurahan_operator,
    media,
    other_kelurahan_operator,
    tokens,
)
from tests.factories import complete_components, factory_roles_ensure

PUBLISHED_AT = dt.datetime(2025, 3, 3, 2, 30, tzinfo=dt.UTC)  # 09:30 WIB


@pytest.fixture
def published(service) -> Standard:
    draft = standard_draft_create(
        service=service,
        actor=None,
        components=complete_components(),
        decree_number="800/12/35.78.01/2025",
        decree_date=dt.date(2025, 2, 20),
        decree_date_text="20 Februari 2025",
        decree_title="Standar Pelayanan Kecamatan Contoh",
        signed_by_name="Budi Santoso",
        signed_by_title="Camat Contoh",
    )
    return standard_publish(standard=draft, actor=None, effective_date=dt.date(2025, 3, 1), now=PUBLISHED_AT)


@pytest.fixture
def draft_only_service(agency) -> Service:
    service = service_create(agency=agency, name="Rekomendasi Izin Usaha Mikro")
    standard_draft_create(service=service, actor=None, components=complete_components())
    return service


@pytest.fixture
def agency_with_units(agency) -> Agency:
    secretariat = unit_create(actor=None, agency=agency, name="Sekretariat Kecamatan", kind="sekretariat")
    unit_create(actor=None, agency=agency, name="Subbagian Umum", kind="subbagian", parent=secretariat)
    return agency


@pytest.fixture
def agency_with_channels(db) -> Agency:
    agency = agency_create(
        actor=None,
        slug="dinas-bali",
        name="Dinas Kependudukan Contoh Bali",
        kind="dinas",
        province="Bali",
        timezone_name="Asia/Makassar",
        contact_channels=[
            {"kind": "phone", "value": "(0361) 123456", "normalized": "+62361123456"},
            {"kind": "email", "value": "dukcapil@example.go.id"},
        ],
    )
    factory_roles_ensure(agency)
    return agency
