import pytest

from tests.api.helpers import assert_error


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/agencies/tidak-ada",
        "/api/v1/agencies/tidak-ada/services/apa-saja",
        "/api/v1/agencies/tidak-ada/services/apa-saja/standard",
        "/api/v1/standards/987654",
        "/api/v1/standards/987654/compliance",
        "/api/v1/tidak-ada",
        "/api/v1/agencies/",
    ],
)
def test_a_missing_resource_answers_with_the_error_body(client, db, url):
    response = client.get(url)

    error = assert_error(response, 404, "not_found")
    assert error["fields"] == []
    assert response["Cache-Control"] == "no-store"


def test_the_message_is_in_indonesian(client, db):
    error = client.get("/api/v1/agencies/tidak-ada").json()["error"]

    assert error["message"] == "Instansi 'tidak-ada' tidak ditemukan."


def test_the_api_root_answers_with_the_error_body(client, db):
    assert_error(client.get("/api/v1/"), 404, "not_found")
