from __future__ import annotations

import pytest
from django.urls import reverse

from standards.services import service_create, standard_draft_create
from tests.factories import complete_components
from tests.workspace.conftest import signed_in


def _drafts(agency, n):
    for i in range(n):
        service = service_create(agency=agency, name=f"Layanan {i}")
        standard_draft_create(service=service, actor=None, components=complete_components())


@pytest.mark.django_db
def test_the_draft_list_costs_the_same_for_two_drafts_or_twelve(
    agency, agency_admin, django_assert_max_num_queries
):
    client = signed_in(agency_admin)
    _drafts(agency, 2)
    client.get(reverse("workspace:standard_list"))  # session and caches warm
    with django_assert_max_num_queries(8):
        assert client.get(reverse("workspace:standard_list")).content.decode().count("/tinjau/") == 2
    _drafts(agency, 10)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("workspace:standard_list")).content.decode().count("/tinjau/") == 12
