from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from standards.models import Service, Standard
from tests.lib.importer.support import seed_bytes


@pytest.mark.django_db
def test_a_decree_matching_no_service_is_refused_with_the_way_out(agency, service, tmp_path):
    data, name = seed_bytes("000_")  # Konsultasi; the agency only has Izin Keramaian
    path = tmp_path / name
    path.write_bytes(data)
    stderr = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_standard", str(path), "--agency", agency.slug, stdout=io.StringIO(), stderr=stderr
        )
    assert "Pelayanan Konsultasi" in stderr.getvalue()
    assert "--new-service" in stderr.getvalue()
    assert list(Service.objects.filter(agency=agency)) == [service]
    assert not Standard.objects.exists()


@pytest.mark.django_db
def test_new_service_refuses_a_name_the_agency_already_has(agency, service, tmp_path):
    data, name = seed_bytes("003_")
    path = tmp_path / name
    path.write_bytes(data)
    stderr = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_standard",
            str(path),
            "--agency",
            agency.slug,
            "--service",
            service.name,
            "--new-service",
            stdout=io.StringIO(),
            stderr=stderr,
        )
    assert "sudah ada" in stderr.getvalue()
    assert Service.objects.filter(agency=agency).count() == 1


@pytest.mark.django_db
def test_a_dry_run_names_the_service_the_draft_would_update(agency, service, tmp_path):
    import json

    data, name = seed_bytes("003_")
    path = tmp_path / name
    path.write_bytes(data)
    out = io.StringIO()
    call_command("import_standard", str(path), "--agency", agency.slug, "--dry-run", "--json", stdout=out)
    assert json.loads(out.getvalue())["matched_service"] == service.name
    assert not Standard.objects.exists()
