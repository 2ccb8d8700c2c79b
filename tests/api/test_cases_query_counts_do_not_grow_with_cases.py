"""The inbox and a case's detail cost the same number of queries however many cases there are."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.case_fixtures import bearer, kedopok_case

# token, memberships, count, page, process definitions of the page
INBOX_QUERIES = 5
# token, scope memberships, case, role memberships, clocks, intervals, calendar (one statement: the
# weekly schedule that applies and the days-off fingerprint), timeline, files
CASE_QUERIES = 9


def queries(client, url: str, token: str) -> tuple[int, dict]:
    client.get(url, headers=bearer(token))  # the token's use is recorded once a minute, not here
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=bearer(token))
    assert response.status_code == 200, response.content
    return len(captured), response.json()


@pytest.mark.django_db
def test_the_inbox_costs_the_same_queries_for_one_case_and_for_six(client, tokens):
    kedopok_case(client, tokens["kelurahan"])
    one, body = queries(client, "/api/v1/inbox", tokens["kecamatan"])
    assert body["count"] == 1
    for _n in range(5):
        kedopok_case(client, tokens["kelurahan"])

    six, body = queries(client, "/api/v1/inbox", tokens["kecamatan"])

    assert body["count"] == 6
    assert one == six == INBOX_QUERIES


@pytest.mark.django_db
def test_a_cases_detail_costs_the_same_queries_when_there_are_more_cases(client, tokens):
    number = kedopok_case(client, tokens["kelurahan"])["number"]
    alone, _body = queries(client, f"/api/v1/cases/{number}", tokens["kecamatan"])
    for _n in range(5):
        kedopok_case(client, tokens["kelurahan"])

    among_six, body = queries(client, f"/api/v1/cases/{number}", tokens["kecamatan"])

    assert body["number"] == number
    assert alone == among_six == CASE_QUERIES
