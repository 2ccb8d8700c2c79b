from standards.services import standard_draft_create
from tests.factories import complete_components


def test_a_published_standards_report_is_public_and_publishable(client, published):
    response = client.get(f"/api/v1/standards/{published.pk}/compliance")

    assert response.status_code == 200
    assert response.json() == {
        "standard_id": published.pk,
        "version": 1,
        "status": "published",
        "publishable": True,
        "errors": 0,
        "warnings": 0,
        "items": [],
    }


def test_a_drafts_report_lists_errors_and_warnings_for_its_admin(client, service, agency_admin):
    draft = standard_draft_create(
        service=service,
        actor=None,
        components=complete_components(products=[], fee={"amount": 5000, "text": "Rp5.000"}),
    )
    client.force_login(agency_admin)

    body = client.get(f"/api/v1/standards/{draft.pk}/compliance").json()

    # No products: the component is missing, and the signing step produces one that does not exist.
    assert (body["status"], body["publishable"], body["errors"], body["warnings"]) == ("draft", False, 2, 1)
    by_code = {item["code"]: item for item in body["items"]}
    assert by_code["missing_component"] == {
        "severity": "error",
        "code": "missing_component",
        "component": "products",
        "component_label": "Produk pelayanan",
        "path": "",  # the whole component is missing, so no field within it is named
        "message": "Komponen ini belum diisi.",
    }
    assert by_code["fee_without_legal_basis"]["severity"] == "warning"
    assert by_code["fee_without_legal_basis"]["component"] == "fee"
