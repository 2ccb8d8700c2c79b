"""Helpers shared by the API tests."""

from __future__ import annotations

from standards.models import Agency, Service
from standards.services import service_create, standard_draft_create, standard_publish
from tests.factories import complete_components


def make_published_services(agency: Agency, count: int) -> list[Service]:
    services = []
    for n in range(count):
        service = service_create(agency=agency, name=f"Layanan Contoh {n:02d}")
        draft = standard_draft_create(service=service, actor=None, components=complete_components())
        standard_publish(standard=draft, actor=None)
        services.append(service)
    return services


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "fields"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]
