"""The officer's consultation lists cost a fixed number of queries, however many requests wait."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.consultations.conftest import disposed_request, letter_request, login


@pytest.mark.django_db
def test_more_requests_do_not_cost_more_queries(client, banten_service, django_assert_max_num_queries):
    for _n in range(2):
        disposed_request(banten_service)
        letter_request(banten_service)
    client.force_login(login("perkim-banten.petugas-konsultasi"))
    url = reverse("consultations:home")
    client.get(url)  # warm the session
    with django_assert_max_num_queries(14) as first:
        body = client.get(url).content.decode()
    assert body.count("ws-number") == 2
    for _n in range(3):
        disposed_request(banten_service)
    with django_assert_max_num_queries(len(first.captured_queries)):
        body = client.get(url).content.decode()
    assert body.count("ws-number") == 5
