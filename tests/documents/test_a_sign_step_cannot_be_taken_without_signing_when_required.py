"""With PELAYAN_SIGNING_REQUIRED, the case engine refuses Kedopok's sign transition unless it
comes through case_sign, so no case passes the camat's step unsigned."""

from __future__ import annotations

import pytest

from cases.services import Actor, InvalidInput, case_act
from documents.models import DocumentStatus
from documents.services import case_act_with_documents


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


@pytest.mark.django_db
def test_an_official_without_identity_is_refused_when_required_and_issues_it_unsigned_otherwise(
    case_at_signing, camat, settings
):
    settings.PELAYAN_SIGNING_REQUIRED = True
    with pytest.raises(InvalidInput) as refused:
        case_act_with_documents(case=case_at_signing, actor=camat, action="tandatangani",
                                version=case_at_signing.version)  # fmt: skip
    assert refused.value.fields == {"passphrase": "no_identity"}

    settings.PELAYAN_SIGNING_REQUIRED = False
    moved = case_act_with_documents(case=case_at_signing, actor=camat, action="tandatangani",
                                    version=case_at_signing.version)  # fmt: skip
    assert moved.step == "kembali-kecamatan"
    assert moved.documents.get().status == DocumentStatus.RENDERED  # the letter, made but not signed
