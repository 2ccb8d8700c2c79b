"""A case of another kelurahan is answered like a case that does not exist."""

from __future__ import annotations

import pytest

from tests.api.case_fixtures import act, bearer, get_case, kedopok_case, pdf
from tests.api.helpers import assert_error


@pytest.mark.django_db
def test_the_other_kelurahans_operator_gets_404_for_the_case(client, tokens):
    number = kedopok_case(client, tokens["kelurahan"])["number"]

    error = assert_error(get_case(client, tokens["other_kelurahan"], number), 404, "not_found")

    assert error["message"] == assert_error(get_case(client, tokens["other_kelurahan"], "0000000000"), 404,
                                            "not_found")["message"]  # fmt: skip
    assert_error(act(client, tokens["other_kelurahan"], number, "lengkap", 1), 404, "not_found")
    upload = client.post(
        f"/api/v1/cases/{number}/files",
        data={"requirement": "kk", "file": pdf("kk.pdf")},
        headers=bearer(tokens["other_kelurahan"]),
    )
    assert_error(upload, 404, "not_found")


@pytest.mark.django_db
def test_the_own_kelurahans_operator_sees_the_case_but_has_no_action_while_the_kecamatan_holds_it(
    client, tokens
):
    number = kedopok_case(client, tokens["kelurahan"])["number"]

    response = get_case(client, tokens["kelurahan"], number)

    assert response.status_code == 200
    assert response.json()["actions"] == []
    assert response.json()["applicant"]["name"] == "Karang Taruna RW 03"
