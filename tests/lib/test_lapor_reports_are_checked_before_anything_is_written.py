from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelayan.lib.lapor import REPORTS_MAX, LaporFileError, reports_parse


def _report(**changes):
    report = {
        "tracking_id": "LPR-2611-0042",
        "title": "Lampu jalan padam",
        "content": "Lampu jalan di Jl. Mastrip padam sejak seminggu.",
        "created_at": "2026-11-30T09:15:00+07:00",
        "reporter": {"name": "Siti", "email": "siti@example.org", "phone": "0812 1111 2222"},
    }
    report.update(changes)
    return report


def test_a_clean_report_keeps_its_tracking_id_and_reporter():
    reports, errors = reports_parse(json.dumps([_report()]).encode())
    assert errors == []
    (report,) = reports
    assert report.tracking_id == "LPR-2611-0042"
    assert report.name == "Siti" and report.email == "siti@example.org"
    assert report.text.startswith("Lampu jalan padam\n\n")


def test_an_anonymous_report_keeps_no_identity():
    (report,), _ = reports_parse(json.dumps({"reports": [_report(is_anonymous=True)]}).encode())
    assert report.anonymous and (report.name, report.email, report.phone) == ("", "", "")


def test_each_error_names_the_report_and_the_field():
    bad = [
        _report(),
        _report(tracking_id="LPR-2", created_at="30/11/2026"),
        _report(tracking_id="", content=""),
    ]
    reports, errors = reports_parse(json.dumps(bad).encode())
    assert [r.tracking_id for r in reports] == ["LPR-2611-0042"]
    assert {(e.position, e.field) for e in errors} == {(2, "created_at"), (3, "tracking_id"), (3, "content")}
    assert next(e for e in errors if e.position == 2).tracking_id == "LPR-2"


def test_the_same_tracking_id_twice_in_one_file_is_refused_the_second_time():
    reports, errors = reports_parse(json.dumps([_report(), _report()]).encode())
    assert len(reports) == 1 and [(e.position, e.field) for e in errors] == [(2, "tracking_id")]


def test_a_file_that_is_not_json_or_too_long_is_refused_whole():
    with pytest.raises(LaporFileError, match="JSON"):
        reports_parse(b"\xff{not json")
    with pytest.raises(LaporFileError, match="at most"):
        reports_parse(json.dumps([_report(tracking_id=str(n)) for n in range(REPORTS_MAX + 1)]).encode())


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
                    max_leaves=20))  # fmt: skip
def test_any_json_yields_reports_or_errors_never_an_exception(value):
    try:
        reports, _errors = reports_parse(json.dumps(value).encode())
    except LaporFileError:
        return
    assert all(r.tracking_id and r.content and r.created_at.tzinfo for r in reports)
