"""A case runs on the process its standard version was compiled into, whatever happens later."""

from __future__ import annotations

import pytest

from accounts.models import StaffRole
from cases.services import Actor, Applicant, case_act, case_create
from standards.models import ProcessDefinition, ProcessPurpose, StandardStatus
from standards.services import standard_draft_from, standard_publish


@pytest.fixture
def case(kedopok_service, kelurahan_operator):
    return case_create(
        service=kedopok_service,
        actor=kelurahan_operator,
        applicant=Applicant(name="Panitia"),
        channel="website",
    ).case


@pytest.mark.django_db
def test_publishing_compiles_the_procedure_with_its_role_bindings(kedopok_service):
    standard = kedopok_service.standards.get(status=StandardStatus.PUBLISHED)
    definition = ProcessDefinition.objects.get(standard=standard, purpose=ProcessPurpose.SERVICE)
    assert len(definition.digest) == 64 and definition.compiler_version == 1
    camat = StaffRole.objects.get(agency=kedopok_service.agency, code="camat")
    assert definition.role_bindings["camat"] == camat.pk


@pytest.mark.django_db
def test_a_running_case_survives_a_renamed_role_code(case, kecamatan_operator):
    StaffRole.objects.filter(agency=case.agency, code="operator-kecamatan").update(
        code="op-kec", name="Op. Kec."
    )

    moved = case_act(case=case, actor=Actor(kecamatan_operator), action="lengkap", version=case.version)

    assert moved.step == "ajukan-camat"


@pytest.mark.django_db
def test_a_running_case_keeps_its_version_when_a_new_one_is_published(case, kecamatan_operator):
    old = case.standard
    standard_publish(standard=standard_draft_from(standard=old, actor=None), actor=None)
    old.refresh_from_db()
    assert old.status == StandardStatus.SUPERSEDED

    moved = case_act(case=case, actor=Actor(kecamatan_operator), action="lengkap", version=case.version)

    assert (moved.standard_id, moved.process.standard_id) == (old.pk, old.pk)
