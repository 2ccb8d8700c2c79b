"""The diff of a procedure names the steps, tracks and transitions that were added, removed or changed."""

from __future__ import annotations

from pelayan.lib.standard_diff import ChangeKind, Part, diff_components
from pelayan.lib.standard_schema import Components, Procedure, ProcedureStep, Track, Transition


def _procedure(*steps: ProcedureStep, tracks=()) -> Components:
    return Components(procedure=Procedure(tracks=list(tracks), steps=list(steps)))


def _step(sid: str, text: str, *transitions: Transition) -> ProcedureStep:
    return ProcedureStep(id=sid, text=text, transitions=list(transitions))


def _changes(old: Components, new: Components):
    procedure = next(d for d in diff_components(old, new) if d.key == "procedure")
    return {(c.kind, c.part, c.path) for c in procedure.changes}


def test_an_added_step_and_its_new_transition_are_listed():
    old = _procedure(_step("s1", "Terima berkas", Transition(key="selesai", end="completed")))
    new = _procedure(
        _step("s1", "Terima berkas", Transition(key="lanjut", to="s2")),
        _step("s2", "Tanda tangan Camat", Transition(key="selesai", end="completed")),
    )
    assert _changes(old, new) == {
        (ChangeKind.ADDED, Part.STEP, "procedure.steps.s2"),
        (ChangeKind.ADDED, Part.TRANSITION, "procedure.steps.s1.transitions.lanjut"),
        (ChangeKind.REMOVED, Part.TRANSITION, "procedure.steps.s1.transitions.selesai"),
    }


def test_a_reworded_step_is_changed_with_both_wordings():
    old = _procedure(_step("s1", "Petugas menerima berkas", Transition(key="selesai", end="completed")))
    new = _procedure(
        _step("s1", "Petugas menerima berkas online", Transition(key="selesai", end="completed"))
    )
    procedure = next(d for d in diff_components(old, new) if d.key == "procedure")
    (change,) = procedure.changes
    assert change.kind == ChangeKind.CHANGED and change.part == Part.STEP
    assert change.before.startswith("Petugas menerima berkas") and "online" in change.after


def test_a_removed_track_is_listed_with_its_title():
    walk_in = Track(key="langsung", title="Datang langsung")
    online = Track(key="online", title="Daring")
    step = _step("s1", "Terima", Transition(key="selesai", end="completed"))
    procedure = next(
        d
        for d in diff_components(
            _procedure(step, tracks=[walk_in, online]), _procedure(step, tracks=[walk_in])
        )
        if d.key == "procedure"
    )
    assert [(c.kind, c.part, c.label) for c in procedure.changes] == [
        (ChangeKind.REMOVED, Part.TRACK, "Daring")
    ]


def test_a_reworded_facility_is_one_change_not_a_removal_and_an_addition():
    old = Components(facilities=["Ruang tunggu ber-AC", "Toilet"])
    new = Components(facilities=["Ruang tunggu ber-AC dan TV", "Toilet", "Parkir"])
    facilities = next(d for d in diff_components(old, new) if d.key == "facilities")
    assert sorted((c.kind, c.label) for c in facilities.changes) == [
        (ChangeKind.ADDED, "Parkir"),
        (ChangeKind.CHANGED, "Ruang tunggu ber-AC dan TV"),
    ]


def test_a_changed_fee_names_the_field():
    old = Components.model_validate({"fee": {"amount": 0, "text": "Gratis"}})
    new = Components.model_validate({"fee": {"amount": 10000, "text": "Rp10.000"}})
    fee = next(d for d in diff_components(old, new) if d.key == "fee")
    assert {(c.label, c.before, c.after) for c in fee.changes} == {
        ("amount", "0", "10000"),
        ("text", "Gratis", "Rp10.000"),
    }
