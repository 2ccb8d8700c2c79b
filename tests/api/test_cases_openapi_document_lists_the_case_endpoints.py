"""The OpenAPI document describes the case endpoints, their authentication and their errors."""

from __future__ import annotations

from openapi_spec_validator import validate


def test_the_document_with_the_case_endpoints_is_still_valid(client):
    validate(client.get("/api/v1/openapi.json").json())


def test_the_document_lists_the_case_endpoints_with_their_methods(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert "post" in paths["/api/v1/cases"]
    assert "get" in paths["/api/v1/cases/{number}"]
    assert "post" in paths["/api/v1/cases/{number}/files"]
    assert "post" in paths["/api/v1/cases/{number}/actions"]
    assert "get" in paths["/api/v1/inbox"]
    assert "get" in paths["/api/v1/track/{number}"]


def test_staff_endpoints_name_the_bearer_token_and_the_session(client):
    document = client.get("/api/v1/openapi.json").json()
    schemes = document["components"]["securitySchemes"]

    assert schemes["BearerToken"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "Token staf dari `pelayan token create USERNAME`.",
    }
    assert document["paths"]["/api/v1/inbox"]["get"]["security"] == [{"BearerToken": []}, {"Session": []}]
    # Opening a case is also open to the public (an online application).
    assert {} in document["paths"]["/api/v1/cases"]["post"]["security"]
    assert "security" not in document["paths"]["/api/v1/track/{number}"]["get"]


def test_a_case_may_be_sent_as_json_or_with_its_files_as_multipart(client):
    body = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/cases"]["post"]["requestBody"]

    assert set(body["content"]) == {"application/json", "multipart/form-data"}


def test_the_action_endpoint_documents_the_conflict(client):
    responses = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/cases/{number}/actions"]["post"][
        "responses"
    ]

    assert {"400", "401", "403", "404", "409"} <= set(responses)
    assert (
        responses["409"]["content"]["application/json"]["schema"]["$ref"] == "#/components/schemas/ErrorOut"
    )
