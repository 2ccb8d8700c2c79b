"""The inbox costs the same number of queries for 2 cases as for 12."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.workspace.conftest import kedopok_case

# Session, user, the header's memberships, the inbox selector's memberships, the cases, and the
# two of the services the officer may open cases for.
INBOX_QUERIES = 7


def _inbox_with(client, django_assert_num_queries, count, service, operator):
    for index in range(count):
        kedopok_case(service, operator, name=f"Pemohon {index}", minutes_ago=10 + index)
    with django_assert_num_queries(INBOX_QUERIES):
        response = client.get(reverse("workspace:inbox"))
    assert response.status_code == 200
    return response


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 12])
def test_inbox_queries_do_not_grow_with_the_cases(
    as_kecamatan, django_assert_num_queries, count, kedopok_service, kelurahan_operator
):
    response = _inbox_with(
        as_kecamatan, django_assert_num_queries, count, kedopok_service, kelurahan_operator
    )
    assert response.content.decode().count('class="ws-number"') == count


@pytest.mark.django_db
def test_inbox_lists_soonest_due_first_with_step_unit_and_urgency_in_words(
    as_kecamatan, kedopok_service, kelurahan_operator
):
    later = kedopok_case(kedopok_service, kelurahan_operator, name="Datang kemudian", minutes_ago=1)
    sooner = kedopok_case(kedopok_service, kelurahan_operator, name="Datang duluan", minutes_ago=5)
    page = as_kecamatan.get(reverse("workspace:inbox")).content.decode()
    assert page.index(sooner.display_number) < page.index(later.display_number)
    assert "2. Operator Kecamatan menerima berkas" in page
    assert "Kelurahan Kedopok" in page
    assert "Surat Pengantar Izin Keramaian" in page
    assert "WIB" in page
    # Urgency is said in words as well as by colour.
    assert any(words in page for words in ("Sesuai jadwal", "Hampir jatuh tempo", "Lewat batas waktu"))
