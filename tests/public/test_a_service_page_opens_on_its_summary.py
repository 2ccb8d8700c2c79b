"""A service page opens on a short summary of the standard: what it costs, how long it takes, what
to bring, where to apply and where to complain; the full standard table follows, one
collapsible row per component, in the two groups of PermenPAN-RB 15/2014."""

from __future__ import annotations

import re

import pytest

from pelayan.lib.standard_schema import DELIVERY_COMPONENTS, MANAGEMENT_COMPONENTS
from tests.public.conftest import publish
from tests.public.test_demo_service_pages import DEMO_FACTS

URL = "/kec-contoh/surat-pengantar-izin-keramaian/"

# Each demo service's summary: its fee, and its time limits in a few words.
DEMO_SUMMARY = {
    ("kec-kedopok", "surat-pengantar-izin-keramaian"): ("Gratis", ["paling lama 15 menit"]),
    ("kesra-kalbar", "pelayanan-konsultasi"): (
        "Gratis",
        ["Administrasi: paling lama 15 menit", "Konsultasi: Sesuai materi konsultasi"],
    ),
    ("dpmptsp-bangli", "pengaduan-masyarakat"): ("Gratis", ["1 sampai 60 hari kerja"]),
    ("perkim-banten", "konsultasi"): (
        "Gratis",
        [
            "Informasi/surat jawaban: paling lama 1 hari",
            "Pelaksanaan konsultasi: paling lama 3 hari",
            "Hadir langsung: paling lama 1 jam",
        ],
    ),
}


def summary_of(body: str) -> str:
    match = re.search(r'<section class="summary print-hide".*?</section>', body, re.S)
    assert match, "no summary"
    return match.group(0)


def fact(summary: str, fact_id: str) -> str:
    match = re.search(rf'<div class="summary__fact[^"]*" id="{fact_id}">(.*?)</div>', summary, re.S)
    assert match, fact_id
    return match.group(1)


def test_every_demo_service_has_its_summary_here():
    assert set(DEMO_SUMMARY) == set(DEMO_FACTS)


@pytest.mark.parametrize(("agency_slug", "service_slug"), sorted(DEMO_SUMMARY))
def test_the_summary_comes_first_with_the_fee_and_the_time_limit(client, demo, agency_slug, service_slug):
    body = client.get(f"/{agency_slug}/{service_slug}/").content.decode()
    fee, limits = DEMO_SUMMARY[(agency_slug, service_slug)]

    summary = summary_of(body)
    # before the decree, the table and even the apply button
    start = body.index(summary)
    assert start < body.index('class="decree"') < body.index('id="section-A"') < body.index('id="section-B"')
    if 'class="apply' in body:
        assert start < body.index('class="apply')
    assert f'<dd class="summary__value">{fee}</dd>' in fact(summary, "ringkasan-biaya")
    time = fact(summary, "ringkasan-waktu")
    assert re.findall(r'<span class="summary__line">([^<]*)</span>', time) == limits


@pytest.mark.parametrize(("agency_slug", "service_slug"), sorted(DEMO_SUMMARY))
def test_the_summary_says_what_to_bring_where_to_apply_and_where_to_complain(
    client, demo, agency_slug, service_slug
):
    body = client.get(f"/{agency_slug}/{service_slug}/").content.decode()
    summary = summary_of(body)

    bring = fact(summary, "ringkasan-persyaratan")
    assert 1 <= bring.count("<li>") <= 5
    assert all(len(item) <= 40 for item in re.findall(r"<li>([^<]*)</li>", bring))
    assert 'href="#requirements"' in bring
    where = fact(summary, "ringkasan-tempat")
    assert "Jam layanan: Senin–Kamis 07.30–12.00, 13.00–16.00; Jumat 07.30–11.30, 13.00–16.30" in where
    assert 'href="#procedure"' in where
    complain = fact(summary, "ringkasan-pengaduan")
    assert complain.count('class="summary__line"') >= 1
    assert 'href="#complaint_handling"' in complain


def test_the_kedopok_summary_links_its_complaint_channels(client, demo):
    summary = summary_of(client.get("/kec-kedopok/surat-pengantar-izin-keramaian/").content.decode())

    assert 'href="mailto:kec.kedopok@gmail.com"' in fact(summary, "ringkasan-pengaduan")
    assert "Situs web" in fact(summary, "ringkasan-tempat")  # the track's channel


@pytest.mark.parametrize(("agency_slug", "service_slug"), sorted(DEMO_SUMMARY))
def test_the_full_table_follows_in_two_groups_of_collapsible_rows(client, demo, agency_slug, service_slug):
    body = client.get(f"/{agency_slug}/{service_slug}/").content.decode()

    a, b = body.index('id="section-A"'), body.index('id="section-B"')
    rows = re.findall(r'<details class="component component--(\w+)">', body)
    assert rows == [*DELIVERY_COMPONENTS, *MANAGEMENT_COMPONENTS]
    for key in DELIVERY_COMPONENTS:
        assert a < body.index(f"component--{key}") < b
    for key in MANAGEMENT_COMPONENTS:
        assert b < body.index(f"component--{key}")
    # closed until opened (the stylesheet opens them on a wide screen and on paper), with the
    # anchor inside, so a link to a component opens it
    assert "<details open" not in body
    for key in rows:
        assert f'<div class="col-detail" id="{key}">' in body


def test_a_long_requirement_is_cut_at_a_word_in_the_summary_and_whole_in_the_table(client, service):
    long = "Surat pernyataan bermaterai dari penanggung jawab kegiatan tentang ketertiban umum"
    requirements = [
        {"key": "formulir", "text": long, "kind": "form"},
        {"key": "ktp", "text": "Fotokopi KTP-el", "kind": "identity"},
    ]
    publish(service, requirements=requirements)
    body = client.get(URL).content.decode()

    bring = fact(summary_of(body), "ringkasan-persyaratan")
    assert "<li>Surat pernyataan bermaterai dari…</li>" in bring
    assert body.count(long) == 1
