"""The agency and the decree as the seeds give them: letterhead, contact lines, decree heading and
signature; what a seed leaves unsaid is a review finding, not a guess."""

from __future__ import annotations

from pelayan.lib.importer import parse_document
from tests.lib.importer.support import seed_bytes


def _codes(result) -> set[str]:
    return {f.code for f in result.findings}


def test_it_reads_banten_letterhead_with_phone_fax_and_address():
    result = parse_document(*seed_bytes("000_"))
    assert result.agency_details == {
        "name": "Dinas Perumahan Rakyat dan Kawasan Permukiman Provinsi Banten",
        "address": "Kawasan Pusat Pemerintahan Provinsi Banten (KP3B), Jalan Syech Nawawi Al-Bantani, Palima Serang Banten",
        "phone": "(0254) 267005",
        "fax": "267006",
        "email": "perkimbantenprovinsi@gmail.com",
        "website": "https://perkim.bantenprov.go.id/",
    }
    # "TANGGAL : Februari 2021" has no day and "600/SK. /Perkim.1/2021" a blank in the number.
    assert {"decree_date_incomplete", "decree_number_blank"} <= _codes(result)
    assert "signatory_not_stated" not in _codes(result)


def test_it_takes_the_signatory_title_from_kalbar_decree_heading_and_asks_for_the_name():
    result = parse_document(*seed_bytes("001_"))
    assert (
        result.signer_title == "Kepala Biro Kesejahteraan Rakyat Sekretariat Daerah Provinsi Kalimantan Barat"
    )
    assert result.signed_by is None
    assert result.lampiran == "Lampiran"
    assert {"signatory_not_stated", "decree_date_not_stated", "decree_number_blank"} <= _codes(result)


def test_a_seed_without_a_header_leaves_agency_and_decree_for_review():
    result = parse_document(*seed_bytes("003_"))
    assert {
        "agency_not_stated",
        "decree_number_not_stated",
        "decree_date_not_stated",
        "decree_title_not_stated",
        "signatory_not_stated",
    } <= _codes(result)
    assert result.agency_details == {
        "phone": "082319235435",
        "email": "kec.kedopok@gmail.com",
        "website": "kec-kedopok.probolinggo.go.id",
    }
