"""The PyPI client ``georeport`` against the running server: it lists services, reads a definition,
reads requests and one request; a POST with an API key creates a complaint. Every answer is
checked against the shared GeoReport v2 schemas."""

from __future__ import annotations

import pytest
import requests
from georeport import GeoReport

from complaints.models import Complaint
from open311.services import open311_client_create
from standards.demo import load_demo
from tests.open311.conftest import validate

SERVICE = "surat-pengantar-izin-keramaian"


@pytest.mark.django_db(transaction=True)
def test_the_client_reads_what_a_keyed_post_made(live_server):
    load_demo(with_users=True)
    key = open311_client_create(name="peta-warga")[1]
    root = f"{live_server.url}/open311/v2"
    client = GeoReport(root, jurisdiction="kec-kedopok", api_key=key)

    services = client.get_service_list()
    validate(services, "services.json")
    assert [s["service_code"] for s in services] == [SERVICE]
    definition = client.get_service_definition(SERVICE)
    validate(definition, "service-definition.json")

    posted = requests.post(
        f"{root}/requests.json",
        data={
            "jurisdiction_id": "kec-kedopok",
            "api_key": key,
            "service_code": SERVICE,
            "description": "Lampu penerangan di depan kantor kelurahan mati.",
            "email": "warga@example.org",
        },
        timeout=10,
    )
    assert posted.status_code == 200, posted.text
    number = posted.json()[0]["service_request_id"]
    assert Complaint.objects.get().reference == number

    listed = client.get_service_requests(service_code=SERVICE, status="open")
    validate(listed, "requests.json")
    assert [r["service_request_id"] for r in listed] == [number]
    one = client.get_service_request(number)
    validate([one], "requests.json")
    assert one["description"].startswith("Lampu penerangan")

    xml_client = GeoReport(root, jurisdiction="kec-kedopok", output_format="xml")
    assert xml_client.get_service_list()["service_code"] == SERVICE
