"""The page of every demo service shows its whole standard, with the facts people look for."""

import pytest
from django.core.management import call_command

from pelayan.lib.standard_schema import COMPONENT_KEYS
from standards.components import COMPONENT_LABELS
from standards.models import Service

DEMO_FACTS = {
    ("kec-kedopok", "surat-pengantar-izin-keramaian"): ["15 menit", 'href="mailto:kec.kedopok@gmail.com"'],
    ("kesra-kalbar", "pelayanan-konsultasi"): [
        "Pengaduan ringan",
        "Pengaduan bersifat normatif",
        "Pengaduan tidak berkadar pengawasan",
        "Pengaduan berkadar pengawasan dan memerlukan pemeriksaan",
        "paling lama 60 hari kerja",
        'href="https://wa.me/6285828735503"',
    ],
    ("dpmptsp-bangli", "pengaduan-masyarakat"): ["60 hari kerja", "HASIL", 'class="fc-edge fc-back"'],
    ("perkim-banten", "konsultasi"): [
        "1 jam",
        "langkah 2, 3, 4 (alur Konsultasi dengan usulan melalui surat)",
        # as numbered under "Alur: Konsultasi dengan hadir langsung …", the decree's title of the track
        "langkah 1, 2, 3, 4 (alur Konsultasi dengan hadir langsung Dinas Perumahan Rakyat",
        "<dt>Mulai dihitung</dt>",
    ],
}


@pytest.fixture
def demo(db):
    call_command("seed_demo", "--no-users", verbosity=0)


def test_every_demo_service_is_covered_here(demo):
    assert {(s.agency.slug, s.slug) for s in Service.objects.select_related("agency")} == set(DEMO_FACTS)


@pytest.mark.parametrize(("agency_slug", "service_slug"), sorted(DEMO_FACTS))
def test_the_demo_service_page_shows_all_fourteen_components_and_its_key_facts(
    client, demo, agency_slug, service_slug
):
    response = client.get(f"/{agency_slug}/{service_slug}/")

    assert response.status_code == 200
    body = response.content.decode()
    for key in COMPONENT_KEYS:
        assert f"<h3>{COMPONENT_LABELS[key]}</h3>" in body
    for fact in DEMO_FACTS[(agency_slug, service_slug)]:
        assert fact in body, fact


def test_the_kalbar_complaint_tiers_come_in_the_decree_order(client, demo):
    body = client.get("/kesra-kalbar/pelayanan-konsultasi/").content.decode()

    positions = [
        body.index(f"<strong>{label}</strong>")
        for label in DEMO_FACTS[("kesra-kalbar", "pelayanan-konsultasi")][:4]
    ]
    assert positions == sorted(positions)


def test_the_demo_home_page_lists_the_four_agencies(client, demo):
    body = client.get("/").content.decode()

    for slug in ("kec-kedopok", "kesra-kalbar", "dpmptsp-bangli", "perkim-banten"):
        assert f'href="/{slug}/"' in body


@pytest.mark.parametrize("agency_slug", ["kec-kedopok", "kesra-kalbar", "dpmptsp-bangli", "perkim-banten"])
def test_each_demo_maklumat_prints(client, demo, agency_slug):
    response = client.get(f"/{agency_slug}/maklumat/")

    assert response.status_code == 200
    assert "MAKLUMAT PELAYANAN" in response.content.decode()


@pytest.mark.parametrize(("agency_slug", "service_slug"), sorted(DEMO_FACTS))
def test_the_demo_pages_label_extra_details_in_indonesian(client, demo, agency_slug, service_slug):
    body = client.get(f"/{agency_slug}/{service_slug}/").content.decode()

    for key in ("Track", "Starts", "Team", "Gazette", "Group", "Part of", "Modes"):
        assert f"<dt>{key}</dt>" not in body
        assert f'<span class="meta">{key}:' not in body
