"""The public service list is rendered straight from its presenters, without ninja validating each
row: its body must still be exactly what the response schema documents, field for field."""

from api.pagination import PagePagination
from api.schemas import ServiceSummaryOut
from standards.services import service_update, unit_create


def test_every_row_is_a_valid_service_summary_with_nothing_more(client, agency, published):
    unit = unit_create(actor=None, agency=agency, name="Seksi Pelayanan", kind="seksi")
    service_update(actor=None, service=published.service, unit=unit, summary="Untuk acara warga.")

    body = client.get("/api/v1/services").json()

    assert PagePagination.Output.model_validate(body).model_dump(mode="json") == body
    [row] = body["results"]
    assert ServiceSummaryOut.model_validate(row).model_dump(mode="json") == row
    assert row["standard"]["published_at"] == "2025-03-03T09:30:00+07:00"
    assert row["unit"] == {"slug": "seksi-pelayanan", "name": "Seksi Pelayanan"}
    assert row["agency"]["timezone_abbr"] == "WIB"


def test_an_admins_list_goes_through_the_schema_as_before(client, draft, agency_admin):
    client.force_login(agency_admin)

    [row] = client.get("/api/v1/services").json()["results"]

    assert ServiceSummaryOut.model_validate(row).model_dump(mode="json") == row
    assert row["standard"] is None
