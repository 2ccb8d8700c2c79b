"""An import names the agency's own role codes on the steps whose officers it recognises, and
proposes — without creating — the roles the agency lacks."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from accounts.models import StaffRole
from standards.models import Standard
from tests.lib.importer.support import seed_bytes


@pytest.mark.django_db
def test_the_kedopok_officers_get_the_agency_role_codes(agency, tmp_path):
    # The agency has an Operator Kelurahan and a Camat, but no Operator Kecamatan.
    StaffRole.objects.filter(agency=agency, code="operator-kecamatan").delete()
    assert StaffRole.objects.filter(agency=agency, code__in=["operator-kelurahan", "camat"]).count() == 2
    data, name = seed_bytes("003_")
    path = tmp_path / name
    path.write_bytes(data)
    call_command("import_standard", str(path), "--agency", agency.slug, "--new-service", stdout=io.StringIO())
    draft = Standard.objects.get()
    roles = {s["actor"]: s["role"] for s in draft.components["procedure"]["steps"] if s.get("actor")}
    assert roles["Operator Kelurahan"] == "operator-kelurahan"
    assert roles["Camat"] == "camat"
    # The agency has no Operator Kecamatan: proposed for review, not created.
    proposal = next(p for p in draft.role_proposals if p["name"] == "Operator Kecamatan")
    assert proposal["code"] == "operator-kecamatan" and proposal["steps"]
    assert roles["Operator Kecamatan"] is None
    assert not StaffRole.objects.filter(agency=agency, code="operator-kecamatan").exists()
    assert any(m["code"] == "step_role_not_in_agency" for m in draft.review_marks)
