"""With PELAYAN_SIGNING_REQUIRED, the case engine refuses Kedopok's sign transition unless it
comes through case_sign, so no case passes the camat's step unsigned."""

from __future__ import annotations

import pytest

from cases.services import Actor, InvalidInput, case_act


@pytest.mark.django_db
def test_the_sign_transition_is_refused_outside_case_sign(case_at_signing, camat, settings):
    settings.PELAYAN_SIGNING_REQUIRED = True

    with pytest.raises(InvalidInput) as refused:
        case_act(
            case=case_at_signing, actor=Actor(camat), action="tandatangani", version=case_at_signing.version
        )

    assert refused.value.fields == {"passphrase": "required"}
    case_at_signing.refresh_from_db()
    assert case_at_signing.step == "tandatangan"
