"""A database that stays locked past the busy timeout is answered with 503 and Retry-After, in
Indonesian, on pages and in the API's error body, never with a 500."""

from django.db import OperationalError


def _locked(*args, **kwargs):
    raise OperationalError("database is locked")


def test_a_page_answers_503_with_retry_after(client, db, monkeypatch):
    monkeypatch.setattr("public.views.selectors.agency_directory_page", _locked)
    client.raise_request_exception = False

    response = client.get("/")

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Sistem sedang sibuk" in response.content.decode()


def test_the_api_answers_503_in_its_error_body(client, db, monkeypatch):
    monkeypatch.setattr("api.routers.agencies.agency_list", _locked)

    response = client.get("/api/v1/agencies")

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json() == {
        "error": {
            "code": "service_unavailable",
            "message": "Sistem sedang sibuk melayani permintaan lain. Silakan coba lagi dalam beberapa detik.",
            "fields": [],
        }
    }


def test_another_database_error_is_still_a_500(client, db, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("no such table: standards_agency")

    monkeypatch.setattr("public.views.selectors.agency_directory_page", broken)
    client.raise_request_exception = False

    response = client.get("/")

    assert response.status_code == 500
    assert "Terjadi gangguan" in response.content.decode()
