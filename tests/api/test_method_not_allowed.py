from tests.api.helpers import assert_error


def test_writing_to_a_read_endpoint_is_refused_with_the_error_body(client, db):
    response = client.post("/api/v1/agencies")

    assert_error(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET"
