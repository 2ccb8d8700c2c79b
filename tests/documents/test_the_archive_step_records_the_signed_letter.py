"""Kedopok's last step archives the case: the signed letter is recorded as archived, with the
retention date of its kind."""

from __future__ import annotations

import datetime as dt

import pytest

from cases.models import CaseStatus
from documents.services import case_act_with_documents
from tests.documents.conftest import T0
from tests.documents.helpers import signed_letter


@pytest.mark.django_db
def test_the_case_ends_in_the_archive_with_its_signed_letter(
    case_at_signing, camat, kecamatan_operator, demo_ca
):
    signed = signed_letter(case_at_signing, camat)
    case = case_act_with_documents(case=signed.case, actor=camat, action="kembalikan-kecamatan",
                                   version=signed.case.version, now=T0 + dt.timedelta(minutes=7))  # fmt: skip
    case = case_act_with_documents(case=case, actor=kecamatan_operator, action="kirim-kelurahan",
                                   version=case.version, now=T0 + dt.timedelta(minutes=8))  # fmt: skip

    assert case.status == CaseStatus.COMPLETED
    letter = case.documents.get()
    assert letter.archived_at == T0 + dt.timedelta(minutes=8)
    assert letter.retain_until == dt.date(2031, 11, 4)
