from openapi_spec_validator import validate

from pelayan.lib.standard_schema import COMPONENT_KEYS

READ_PATHS = {
    "/api/v1/agencies",
    "/api/v1/agencies/{slug}",
    "/api/v1/services",
    "/api/v1/agencies/{slug}/services/{service_slug}",
    "/api/v1/agencies/{slug}/services/{service_slug}/standard",
    "/api/v1/standards/{id}",
    "/api/v1/standards/{id}/compliance",
}
# The case endpoints (tests/api/test_cases_openapi_document_lists_the_case_endpoints.py).
CASE_PATHS = {
    "/api/v1/cases": {"post"},
    "/api/v1/cases/{number}": {"get"},
    "/api/v1/cases/{number}/files": {"post"},
    "/api/v1/cases/{number}/actions": {"post"},
    "/api/v1/inbox": {"get"},
    "/api/v1/track/{number}": {"get"},
    # A case's documents (documents/api.py).
    "/api/v1/cases/{number}/documents": {"get"},
    "/api/v1/cases/{number}/documents/{code}/pdf": {"get"},
}
EXPECTED_PATHS = READ_PATHS | set(CASE_PATHS)


def test_the_openapi_document_is_a_valid_openapi_document(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    validate(response.json())


def test_the_openapi_document_lists_every_endpoint(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert set(paths) == EXPECTED_PATHS
    assert all(set(paths[path]) == {"get"} for path in READ_PATHS)
    assert all(set(paths[path]) == methods for path, methods in CASE_PATHS.items())


def test_the_openapi_document_describes_all_fourteen_components(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]

    # The fourteen components, and the version of the schema they are written in.
    assert set(schemas["Components"]["properties"]) == {*COMPONENT_KEYS, "schema_version"}
    assert len(COMPONENT_KEYS) == 14
    assert schemas["StandardOut"]["properties"]["components"]["$ref"] == "#/components/schemas/Components"


def test_the_openapi_document_describes_the_error_body_on_every_operation(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    for path, operations in paths.items():
        for operation in operations.values():
            responses = operation["responses"]
            assert responses["400"]["content"]["application/json"]["schema"]["$ref"] == (
                "#/components/schemas/ErrorOut"
            ), path
            assert "500" in responses, path
