"""The fact comparison behind the importer's done-when test: it must notice a changed role, a lost
transition, a limit bound elsewhere, and set aside what the draft marked for review."""

from __future__ import annotations

import copy
import json

from pelayan.lib.procedure_facts import compare_facts, procedure_facts, step_refs
from tests.lib.importer.support import REPO_ROOT


def _kedopok():
    demo = json.loads((REPO_ROOT / "standards" / "demo" / "kec-kedopok.json").read_text())
    return demo["services"][0]["standard"]["components"]


def test_a_standard_agrees_with_itself_in_every_fact():
    components = _kedopok()
    report = compare_facts(components, components)
    assert report.agree == report.total == len(procedure_facts(components))
    assert report.agreement == 1.0 and not report.differences and not report.extra


def test_steps_are_named_by_their_place_not_their_id():
    components = _kedopok()
    renamed = copy.deepcopy(components)
    ids = {s["id"]: f"x{n}" for n, s in enumerate(renamed["procedure"]["steps"])}
    for step in renamed["procedure"]["steps"]:
        step["id"] = ids[step["id"]]
        for t in step["transitions"]:
            if t.get("to"):
                t["to"] = ids[t["to"]]
    assert compare_facts(components, renamed).differences == []
    assert list(step_refs(renamed["procedure"]).values())[:2] == ["*.1", "*.2"]


def test_it_lists_a_changed_role_and_a_lost_transition():
    components = _kedopok()
    draft = copy.deepcopy(components)
    draft["procedure"]["steps"][3]["role"] = "lurah"
    draft["procedure"]["steps"][1]["transitions"].pop()  # the return to the kelurahan
    report = compare_facts(components, draft)
    assert [str(d) for d in report.differences] == [
        "step.*.2.exits: expected 2, got 1",
        "step.*.2.exit.return: expected '*.1', got None",
        "step.*.4.role: expected 'camat', got 'lurah'",
    ]
    assert report.agree == report.total - 3


def test_a_fact_marked_for_review_is_neither_right_nor_wrong():
    components = _kedopok()
    draft = copy.deepcopy(components)
    step = draft["procedure"]["steps"][3]
    step["role"] = None
    report = compare_facts(components, draft, [f"procedure.steps.{step['id']}.role"])
    assert report.review == ["step.*.4.role"]
    assert report.differences == []
    assert report.agree == report.total - 1
