"""An officer who can see the case but does not hold its step is refused with 403."""

from __future__ import annotations

import pytest

from tests.api.case_fixtures import act, kedopok_case
from tests.api.helpers import assert_error


@pytest.mark.django_db
def test_the_camat_may_not_check_the_file_for_the_kecamatan_operator(client, tokens):
    created = kedopok_case(client, tokens["kelurahan"])

    response = act(client, tokens["camat"], created["number"], "lengkap", created["version"])

    assert_error(response, 403, "permission_denied")
