"""Documents unlike the seeds (Word, PDF, HTML tables, plain text, Markdown headings, several services,
missing components), each imported with the fields a reader of the document would expect."""

from __future__ import annotations

import pytest

from pelayan.lib.importer import parse_services
from pelayan.lib.standard_schema import COMPONENT_KEYS, Components, components_to_json
from tests.lib.importer import corpus


def _one(builder):
    data, name = builder()
    results = parse_services(data, name)
    assert len(results) == 1
    return results[0]


def _q(quantity):
    return None if quantity is None else (quantity.value, quantity.unit.value)


def test_it_reads_a_word_table():
    r = _one(corpus.docx_ktp)
    c = r.components
    assert r.found == list(COMPONENT_KEYS)
    assert r.service == "Pelayanan Penerbitan KTP-el"
    assert r.agency == "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Contoh"
    assert r.signed_by == "Budi Santoso"
    assert [(q.copies, q.original) for q in c.requirements] == [(None, True), (1, False), (2, None)]
    assert [s.actor for s in c.procedure.steps] == [
        "Pemohon",
        "Petugas Loket",
        "Kepala Seksi",
        "Petugas Loket",
    ]
    assert c.procedure.steps[1].branches[0].goto == "s1"
    assert [s.action for s in c.procedure.steps] == ["submit", "verify", "sign", "deliver"]
    assert _q(c.time_limits[0].max) == (14, "working_day")
    assert c.fee.amount == 0
    assert [(ch.kind, ch.normalized) for ch in c.complaint_handling.channels] == [
        ("sms", "+6281234567890"),
        ("phone", "+62341551234"),
        ("complaint_box", None),
    ]
    assert c.facilities == ["Ruang tunggu", "kursi antrian", "mesin antrian", "toilet"]
    assert (c.staff_count.total, len(c.staff_count.roles)) == (5, 2)
    assert (c.performance_evaluation[0].frequency.times, c.performance_evaluation[0].frequency.per) == (
        4,
        "year",
    )
    assert r.warnings == []


def test_it_reads_a_text_pdf_over_two_pages():
    r = _one(corpus.pdf_puskesmas)
    c = r.components
    assert r.source_format == "pdf"
    assert r.found == list(COMPONENT_KEYS)
    assert [q.text for q in c.requirements] == ["KTP asli", "Formulir permohonan"]
    # the first step was broken over two lines and is joined back
    assert c.procedure.steps[0].text == "Pasien mendaftar di Loket Pendaftaran dan menunggu panggilan"
    assert [s.actor for s in c.procedure.steps] == ["Pasien", "Dokter", "Petugas Administrasi"]
    assert _q(c.time_limits[0].max) == (60, "minute")
    assert c.fee.amount == 50_000
    assert c.fee.legal_basis == "Peraturan Daerah Nomor 5 Tahun 2020"
    assert [ch.normalized for ch in c.complaint_handling.channels] == [
        "pengaduan@puskesmas-contoh.go.id",
        "+6281122223333",
    ]
    assert c.staff_count.total == 4
    assert c.performance_evaluation[0].frequency.per == "month"


def test_it_reads_an_html_table_with_lists():
    r = _one(corpus.html_rsud)
    c = r.components
    assert r.found == list(COMPONENT_KEYS)
    assert r.agency == "RSUD Kabupaten Contoh"
    assert [q.text for q in c.requirements] == ["Kartu BPJS atau KTP", "Surat rujukan asli"]
    assert len(c.procedure.steps) == 3
    assert [(t.label, _q(t.max)) for t in c.time_limits] == [
        ("Pendaftaran", (15, "minute")),
        ("Pemeriksaan", (1, "hour")),
    ]
    assert c.fee.amount == 150_000
    assert [ch.kind for ch in c.complaint_handling.channels] == ["whatsapp", "website", "lapor"]
    assert (c.legal_basis[0].type, c.legal_basis[0].number, c.legal_basis[0].year) == ("UU", "44", 2009)
    assert [(x.role, x.count) for x in c.staff_count.roles] == [("Dokter", 3), ("Perawat", 6)]


def test_it_reads_plain_text_with_label_variants_and_slips():
    r = _one(corpus.text_typos)
    c = r.components
    assert r.found == list(COMPONENT_KEYS)
    assert r.service == "Pelayanan Perizinan Reklame"
    assert [q.text for q in c.requirements] == ["Surat permohonan", "Fotokopi KTP pemohon", "Desain reklame"]
    assert [s.actor for s in c.procedure.steps] == ["Pemohon", "Verifikator"]
    assert _q(c.time_limits[0].max) == (3, "working_day")
    assert c.fee.amount == 0
    assert [ch.normalized for ch in c.complaint_handling.channels] == ["dpmptsp@contoh.go.id", "+62215551234"]
    assert c.staff_count.total == 6


def test_it_makes_one_result_per_service_in_a_decree():
    data, name = corpus.text_multi_service()
    results = parse_services(data, name)
    assert [r.service for r in results] == [
        "Pelayanan Izin Usaha Mikro",
        "Pelayanan Izin Praktik Bidan",
        "Pelayanan Izin Apotek",
    ]
    assert {r.decree for r in results} == {"503/12/2024"}
    assert [r.components.fee.amount for r in results] == [0, 0, 100_000]
    assert [_q(r.components.time_limits[0].max) for r in results] == [
        (3, "working_day"),
        (5, "working_day"),
        (7, "working_day"),
    ]
    assert all(r.found == list(COMPONENT_KEYS) for r in results)
    assert results[-1].signed_by == "Siti Aminah"
    assert all("SITI" not in e.text for r in results for e in r.components.performance_evaluation)


def test_it_reports_missing_components_and_keeps_the_rest():
    r = _one(corpus.text_missing)
    c = r.components
    assert r.missing == [
        "complaint_handling",
        "facilities",
        "competence",
        "internal_supervision",
        "service_guarantee",
        "security_guarantee",
    ]
    assert sum("tidak ditemukan" in w for w in r.warnings) == 6
    assert [(q.copies, q.original) for q in c.requirements] == [(3, False), (None, True)]
    assert _q(c.time_limits[0].max) == (24, "hour")
    assert (c.legal_basis[0].type, c.legal_basis[0].year) == ("Permendikbud", 2014)
    freq = c.performance_evaluation[0].frequency
    assert (freq.times, freq.per, freq.minimum) == (1, "semester", True)
    assert components_to_json(c)["complaint_handling"]["channels"] == []


def test_it_reads_markdown_headings_and_a_fenced_chart():
    r = _one(corpus.markdown_headings)
    c = r.components
    assert r.found == list(COMPONENT_KEYS)
    (flow,) = c.procedure.flows
    assert [(e.source, e.target, e.label) for e in flow.edges] == [
        ("P", "L", "berkas"),
        ("L", "K", None),
        ("K", "C", "setuju"),
    ]
    assert [n.label for n in flow.nodes] == ["Pemohon", "Loket", "Kasi Trantib", "Camat"]
    assert [s.actor for s in c.procedure.steps] == ["Pemohon", "Kasi Trantib", "Camat"]
    assert _q(c.time_limits[0].max) == (2, "working_day")
    assert [(ch.kind, ch.normalized) for ch in c.complaint_handling.channels] == [
        ("sms", "+6281311112222"),
        ("fax", "+62217654321"),
        ("in_person", None),
    ]
    assert c.staff_count.total == 3


def test_it_reads_windows_encoded_tab_separated_text():
    r = _one(corpus.text_windows_1252)
    c = r.components
    assert c.requirements[0].text == "Identitas pemohon – KTP"
    assert [s.actor for s in c.procedure.steps] == ["Pemohon", "Pejabat Pengelola Informasi"]
    assert _q(c.time_limits[0].max) == (10, "working_day")
    assert [ch.kind for ch in c.complaint_handling.channels] == ["letter"]
    assert len(r.missing) == 7


def test_it_reads_word_paragraphs_without_a_table():
    r = _one(corpus.docx_paragraphs_no_table)
    c = r.components
    assert r.found == list(COMPONENT_KEYS[:8])
    assert [q.text for q in c.requirements] == ["Surat pengantar RT", "Fotokopi KTP"]
    assert [s.actor for s in c.procedure.steps] == ["Pemohon", "Lurah"]
    assert _q(c.time_limits[0].max) == (30, "minute")
    assert c.complaint_handling.channels[0].normalized == "+62361222333"
    assert c.facilities == ["Meja pelayanan"]


@pytest.mark.parametrize("name", sorted(corpus.ALL))
def test_every_corpus_document_validates_as_components(name):
    data, filename = corpus.ALL[name]()
    for result in parse_services(data, filename):
        assert components_to_json(result.components)["procedure"]["steps"]
        again = Components.model_validate(components_to_json(result.components))
        assert components_to_json(again) == components_to_json(result.components)
        # Extra keys are allowed by the schema; the importer only adds its notes, never a misspelt field.
        assert set(again.model_extra or {}) <= {"notes"}
        assert not again.complaint_handling.model_extra
