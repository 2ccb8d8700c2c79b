from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.open311.conftest import validate

pytestmark = pytest.mark.django_db


def test_services_lists_each_service_that_takes_complaints(client, demo):
    response = client.get("/open311/v2/services.json", {"jurisdiction_id": "kec-kedopok"})
    assert response.status_code == 200
    body = response.json()
    validate(body, "services.json")
    assert [s["service_code"] for s in body] == ["surat-pengantar-izin-keramaian"]
    assert body[0]["metadata"] is True and body[0]["type"] == "realtime"


def test_a_definition_offers_kind_anonymous_and_confidential(client, demo):
    response = client.get(
        "/open311/v2/services/surat-pengantar-izin-keramaian.json", {"jurisdiction_id": "kec-kedopok"}
    )
    assert response.status_code == 200
    validate(response.json(), "service-definition.json")
    codes = [a["code"] for a in response.json()["attributes"]]
    assert codes == ["kind", "anonymous", "confidential"]


def test_services_are_also_served_as_the_specifications_xml(client, demo):
    response = client.get("/open311/v2/services.xml", {"jurisdiction_id": "kec-kedopok"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/xml")
    root = ET.fromstring(response.content)  # noqa: S314
    assert root.tag == "services"
    assert [s.findtext("service_code") for s in root.findall("service")] == ["surat-pengantar-izin-keramaian"]
    assert root.find("service/metadata").text == "true"


def test_without_jurisdiction_the_error_says_which_parameter(client, demo):
    response = client.get("/open311/v2/services.json")
    assert response.status_code == 400
    assert response.json() == [{"code": 400, "description": response.json()[0]["description"]}]
    assert response.json()[0]["description"].startswith("jurisdiction_id:")


def test_an_unknown_agency_service_or_format_is_a_404(client, demo):
    assert client.get("/open311/v2/services.json", {"jurisdiction_id": "tidak-ada"}).status_code == 404
    missing = client.get("/open311/v2/services/tidak-ada.xml", {"jurisdiction_id": "kec-kedopok"})
    assert missing.status_code == 404 and ET.fromstring(missing.content).tag == "errors"  # noqa: S314
    assert client.get("/open311/v2/services.csv", {"jurisdiction_id": "kec-kedopok"}).status_code == 404
