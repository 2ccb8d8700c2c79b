"""Two officers acting on the same version: exactly one succeeds, the other gets 409."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client

from tests.api.case_fixtures import act, get_case, kedopok_case
from tests.api.helpers import assert_error


@pytest.mark.django_db
def test_a_second_action_on_the_same_version_gets_409(client, tokens):
    created = kedopok_case(client, tokens["kelurahan"])
    number, version = created["number"], created["version"]

    first = act(client, tokens["kecamatan"], number, "lengkap", version)
    second = act(client, tokens["kecamatan"], number, "kembalikan", version, missing=["kk"])

    assert first.status_code == 200
    error = assert_error(second, 409, "conflict")
    assert [f["field"] for f in error["fields"]] == ["version"]
    assert get_case(client, tokens["kecamatan"], number).json()["tasks"][0]["step"] == "ajukan-camat"


@pytest.mark.django_db
def test_an_action_the_step_does_not_offer_gets_409(client, tokens):
    created = kedopok_case(client, tokens["kelurahan"])

    response = act(client, tokens["kecamatan"], created["number"], "tandatangani", created["version"])

    error = assert_error(response, 409, "conflict")
    assert [f["field"] for f in error["fields"]] == ["action"]


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_actions_on_the_same_version_give_one_200_and_one_409(tokens):
    created = kedopok_case(Client(), tokens["kelurahan"])
    number, version = created["number"], created["version"]
    start = threading.Barrier(2)
    statuses: list[int] = []

    def press(action: str, extra: dict) -> None:
        try:
            start.wait()
            statuses.append(act(Client(), tokens["kecamatan"], number, action, version, **extra).status_code)
        finally:
            connection.close()  # each thread has its own connection

    threads = [
        threading.Thread(target=press, args=("lengkap", {})),
        threading.Thread(target=press, args=("kembalikan", {"missing": ["kk"]})),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [200, 409]
    detail = get_case(Client(), tokens["kecamatan"], number).json()
    assert detail["version"] == version + 1
