import logging

from tests.api.helpers import assert_error


def test_an_unexpected_failure_is_logged_and_answered_without_details(client, db, monkeypatch, caplog):
    def broken():
        raise RuntimeError("kata sandi basis data bocor")

    monkeypatch.setattr("api.routers.agencies.agency_list", broken)

    with caplog.at_level(logging.ERROR, logger="pelayan.api"):
        response = client.get("/api/v1/agencies")

    error = assert_error(response, 500, "server_error")
    assert "bocor" not in response.content.decode()
    assert error["fields"] == []
    assert any("kata sandi basis data bocor" in (r.exc_text or "") for r in caplog.records)
