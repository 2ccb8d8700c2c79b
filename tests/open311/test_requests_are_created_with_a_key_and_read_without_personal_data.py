from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from cases.models import Channel
from complaints.models import Complaint
from complaints.services import complaint_create
from tests.open311.conftest import validate

pytestmark = pytest.mark.django_db

KEDOPOK = {"jurisdiction_id": "kec-kedopok"}
SERVICE = "surat-pengantar-izin-keramaian"


def _post(client, api_key, **extra):
    data = {
        **KEDOPOK,
        "api_key": api_key,
        "service_code": SERVICE,
        "description": "Surat pengantar belum selesai setelah dua hari.",
        "first_name": "Budi",
        "last_name": "Santoso",
        "email": "budi@example.org",
        "phone": "081234567890",
        "lat": "-7.7601",
        "long": "113.2158",
        "address_string": "Kelurahan Jrebeng Lor",
        **extra,
    }
    return client.post("/open311/v2/requests.json", data)


def test_a_post_with_a_key_makes_a_complaint_that_runs(client, demo, api_key):
    response = _post(client, api_key)
    assert response.status_code == 200, response.content
    (made,) = response.json()
    complaint = Complaint.objects.select_related("case").get()
    assert made["service_request_id"] == complaint.reference
    assert complaint.channel == Channel.WEBSITE and complaint.reply_address == "budi@example.org"
    assert complaint.case.is_open() and complaint.case.step
    assert complaint.case.details["via"] == "open311:peta-warga"


def test_without_a_valid_key_nothing_is_made(client, demo, api_key):
    response = _post(client, api_key + "x")
    assert response.status_code == 403 and response.json()[0]["description"].startswith("api_key:")
    assert not Complaint.objects.exists()


def test_a_refused_post_names_the_field(client, demo, api_key):
    response = _post(client, api_key, description="", lat="200")
    assert response.status_code == 400
    assert response.json()[0]["description"].startswith("description:")
    response = _post(client, api_key, lat="200")
    assert response.json()[0]["description"].startswith("lat:")
    response = _post(client, api_key, **{"attribute[kind]": "keluhan"})
    assert response.json()[0]["description"].startswith("attribute[kind]:")
    assert not Complaint.objects.exists()


def test_the_request_reads_back_in_both_paths_without_personal_data(client, demo, api_key):
    number = _post(client, api_key).json()[0]["service_request_id"]
    for path in (f"/open311/v2/requests/{number}.json", f"/open311/v2/request/{number}.json"):
        response = client.get(path, KEDOPOK)
        assert response.status_code == 200
        validate(response.json(), "requests.json")
        (request,) = response.json()
        assert request["status"] == "open"
        assert request["expected_datetime"] == (complaint_due(number))
        assert request["address"] == "Kelurahan Jrebeng Lor" and request["lat"] == -7.7601
        text = response.content.decode()
        for personal in ("Budi", "Santoso", "budi@example.org", "081234567890", "+6281234567890"):
            assert personal not in text
    token = client.get(f"/open311/v2/tokens/{number}.json", KEDOPOK).json()
    assert token == [{"service_request_id": number, "token": number}]


def test_confidential_complaints_never_appear_and_anonymous_ones_carry_no_identity(client, demo, api_key):
    secret = _post(client, api_key, **{"attribute[confidential]": "ya"}).json()[0]["service_request_id"]
    anonymous = _post(client, api_key, **{"attribute[anonymous]": "ya"}).json()[0]["service_request_id"]
    listed = client.get("/open311/v2/requests.json", KEDOPOK)
    validate(listed.json(), "requests.json")
    assert [r["service_request_id"] for r in listed.json()] == [anonymous]
    assert client.get(f"/open311/v2/requests/{secret}.json", KEDOPOK).status_code == 404
    stored = Complaint.objects.get(case__number=anonymous.replace("-", ""))
    assert (stored.name, stored.email, stored.phone) == ("", "", "")
    assert stored.reply_address == "budi@example.org"  # kept for the answer, shown to nobody


def test_a_complaint_not_made_public_is_not_served(client, demo):
    complaint_create(
        agency=demo_agency(), kind="pengaduan", channel=Channel.WEBSITE, content="Antrean lama.", name="Ani"
    )
    assert client.get("/open311/v2/requests.json", KEDOPOK).json() == []


def demo_agency():
    from standards.models import Agency

    return Agency.objects.get(slug="kec-kedopok")


def test_filters_by_status_and_refuses_a_range_over_90_days(client, demo, api_key):
    _post(client, api_key)
    assert len(client.get("/open311/v2/requests.json", {**KEDOPOK, "status": "open"}).json()) == 1
    assert client.get("/open311/v2/requests.json", {**KEDOPOK, "status": "closed"}).json() == []
    wide = client.get(
        "/open311/v2/requests.json",
        {**KEDOPOK, "start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"},
    )
    assert wide.status_code == 400 and "90 days" in wide.json()[0]["description"]
    bad = client.get("/open311/v2/requests.json", {**KEDOPOK, "status": "fixed"})
    assert bad.status_code == 400 and bad.json()[0]["description"].startswith("status:")


def test_requests_are_served_as_xml_too(client, demo, api_key):
    _post(client, api_key)
    root = ET.fromstring(client.get("/open311/v2/requests.xml", KEDOPOK).content)  # noqa: S314
    assert root.tag == "service_requests"
    assert root.find("request/status").text == "open"


def test_the_list_costs_the_same_queries_for_one_request_or_ten(
    client, demo, api_key, django_assert_num_queries
):
    _post(client, api_key)
    with django_assert_num_queries(2):
        assert len(client.get("/open311/v2/requests.json", KEDOPOK).json()) == 1
    for _ in range(9):
        _post(client, api_key)
    with django_assert_num_queries(2):
        assert len(client.get("/open311/v2/requests.json", KEDOPOK).json()) == 10


def complaint_due(number: str) -> str | None:
    """The due moment the request must carry: the case's, in the agency's zone."""
    from zoneinfo import ZoneInfo

    case = Complaint.objects.select_related("case").get(case__number=number.replace("-", "")).case
    return (
        case.due_at.astimezone(ZoneInfo("Asia/Jakarta")).isoformat(timespec="seconds")
        if case.due_at
        else None
    )
