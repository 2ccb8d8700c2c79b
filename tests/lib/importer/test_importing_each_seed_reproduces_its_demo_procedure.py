"""Done when: importing each seed reproduces its demo standard's executable procedure (tracks,
performers, roles, transitions, bound time limits) except where the importer marks a field for
review. The comparison is fact by fact (pelayan.lib.procedure_facts); a failure lists every
difference."""

from __future__ import annotations

import json

import pytest

from pelayan.lib.importer import parse_document
from pelayan.lib.importer.roles import RoleRef, UnitRef
from pelayan.lib.procedure_facts import compare_facts
from pelayan.lib.standard_schema import components_to_json
from tests.lib.importer.support import REPO_ROOT, seed_bytes

DEMOS = {"000_": "perkim-banten", "001_": "kesra-kalbar", "002_": "dpmptsp-bangli", "003_": "kec-kedopok"}
# Review is for what the decree leaves open, not a way out of deciding: at most this share of facts.
MAX_REVIEW_SHARE = 0.05


def _report(prefix: str):
    demo = json.loads((REPO_ROOT / "standards" / "demo" / f"{DEMOS[prefix]}.json").read_text())
    data, name = seed_bytes(prefix)
    result = parse_document(data, name)
    result.bind_roles(
        roles=[RoleRef(r["code"], r["name"], tuple(r.get("aliases", []))) for r in demo["roles"]],
        units=[UnitRef(u["slug"], u["name"]) for u in demo["units"]],
    )
    expected = demo["services"][0]["standard"]["components"]
    return compare_facts(expected, components_to_json(result.components), result.review_paths)


@pytest.mark.parametrize("prefix", sorted(DEMOS))
def test_it_reproduces_every_fact_it_does_not_mark_for_review(prefix):
    report = _report(prefix)
    differences = "\n".join(report.lines())
    assert not report.differences and not report.extra, (
        f"{DEMOS[prefix]}: {report.agree}/{report.total} facts agree, {len(report.review)} for review, "
        f"differences:\n{differences}"
    )


@pytest.mark.parametrize("prefix", sorted(DEMOS))
def test_it_marks_only_a_few_facts_for_review(prefix):
    report = _report(prefix)
    assert len(report.review) <= MAX_REVIEW_SHARE * report.total, report.review
