import pytest

from tests.api.helpers import assert_error


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"page": 0}, "page", "Nilai paling kecil 1."),
        ({"page": "abc"}, "page", "Harus berupa bilangan bulat."),
        ({"page_size": 1000}, "page_size", "Nilai paling besar 100."),
        ({"page_size": 0}, "page_size", "Nilai paling kecil 1."),
    ],
)
@pytest.mark.parametrize("url", ["/api/v1/agencies", "/api/v1/services"])
def test_a_bad_page_parameter_is_refused_naming_the_field(client, db, url, params, field, message):
    response = client.get(url, params)

    error = assert_error(response, 400, "invalid_request")
    assert error["fields"] == [{"field": field, "message": message}]


def test_every_bad_parameter_is_named(client, db):
    response = client.get("/api/v1/services", {"page": "x", "page_size": 500, "q": "a" * 201})

    error = assert_error(response, 400, "invalid_request")
    assert {f["field"] for f in error["fields"]} == {"page", "page_size", "q"}


def test_a_standard_id_that_is_not_a_number_is_refused(client, db):
    response = client.get("/api/v1/standards/abc")

    error = assert_error(response, 400, "invalid_request")
    assert error["fields"][0]["field"] == "id"
