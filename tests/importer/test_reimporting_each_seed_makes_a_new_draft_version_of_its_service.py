"""Re-importing each seed decree for its demo agency, with the service name left blank, gives a new
draft version of the service the demo already has — never a second service — and the draft differs
from the version in force."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from pelayan.lib.standard_diff import diff_components
from standards.demo import load_demo
from standards.models import Service, Standard, StandardOrigin, StandardStatus
from tests.lib.importer.support import seed_bytes

SEEDS = [
    ("000_", "perkim-banten", "konsultasi"),
    ("001_", "kesra-kalbar", "pelayanan-konsultasi"),
    ("002_", "dpmptsp-bangli", "pengaduan-masyarakat"),
    ("003_", "kec-kedopok", "surat-pengantar-izin-keramaian"),
]


@pytest.fixture
def demo(db):
    return load_demo(with_users=False)


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "agency_slug", "service_slug"), SEEDS)
def test_the_seed_becomes_the_next_draft_of_its_demo_service(
    demo, tmp_path, prefix, agency_slug, service_slug
):
    data, name = seed_bytes(prefix)
    path = tmp_path / name
    path.write_bytes(data)
    services_before = Service.objects.filter(agency__slug=agency_slug).count()
    service = Service.objects.get(agency__slug=agency_slug, slug=service_slug)
    published = service.standards.get(status=StandardStatus.PUBLISHED)
    out = io.StringIO()

    call_command("import_standard", str(path), "--agency", agency_slug, "--json", stdout=out)

    payload = json.loads(out.getvalue())
    assert payload["matched_existing_service"] is True
    assert Service.objects.filter(agency__slug=agency_slug).count() == services_before
    draft = Standard.objects.get(pk=payload["standard_id"])
    assert draft.service == service
    assert draft.status == StandardStatus.DRAFT
    assert draft.version == published.version + 1
    assert draft.origin == StandardOrigin.IMPORT
    assert any(d.changed for d in diff_components(published.components, draft.components))


@pytest.mark.django_db
def test_a_second_import_of_the_same_seed_is_one_more_version_not_a_service(demo, tmp_path):
    data, name = seed_bytes("003_")
    path = tmp_path / name
    path.write_bytes(data)
    for _ in range(2):
        call_command("import_standard", str(path), "--agency", "kec-kedopok", stdout=io.StringIO())
    service = Service.objects.get(agency__slug="kec-kedopok", slug="surat-pengantar-izin-keramaian")
    assert sorted(service.standards.values_list("version", "status")) == [
        (1, "published"),
        (2, "draft"),
        (3, "draft"),
    ]
    assert Service.objects.filter(agency__slug="kec-kedopok").count() == 1
