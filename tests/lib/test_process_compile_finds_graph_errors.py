"""The compiler refuses a procedure that cannot run, and says where."""

from __future__ import annotations

import copy

import pytest
from pydantic import ValidationError

from pelayan.lib.process import ProcessError, compile_process, move
from pelayan.lib.standard_schema import Components
from tests.factories import FACTORY_ROLES, complete_components

ROLES = set(FACTORY_ROLES)


def components(edit=None) -> Components:
    data = complete_components()
    if edit:
        edit(data["procedure"])
    return Components.model_validate(data)


def codes(edit, roles=ROLES) -> list[str]:
    with pytest.raises(ProcessError) as error:
        compile_process(components(edit), roles=roles, units=set())
    return sorted(f.code for f in error.value.findings)


def test_the_complete_factory_procedure_compiles_with_a_stable_digest():
    first = compile_process(components(), roles=ROLES, units=set())
    again = compile_process(components(), roles=ROLES, units=set())
    assert first.digest == again.digest and len(first.digest) == 64
    assert [s.number for s in first.steps.values()] == [1, 2, 3]


def test_a_misspelt_key_is_refused_by_the_schema():
    data = complete_components()
    data["procedure"]["steps"][1]["brances"] = []
    with pytest.raises(ValidationError) as error:
        Components.model_validate(data)
    assert "brances" in str(error.value)


def test_a_transition_needs_exactly_one_target():
    data = complete_components()
    data["procedure"]["steps"][2]["transitions"][0]["to"] = "submit"
    with pytest.raises(ValidationError):
        Components.model_validate(data)


def test_a_jump_to_a_step_that_does_not_exist_is_an_error():
    def edit(p):
        p["steps"][1]["transitions"][0]["to"] = "tidak-ada"

    assert "transition_unknown_target" in codes(edit)


def test_a_staff_step_without_a_role_is_an_error():
    def edit(p):
        p["steps"][1]["role"] = None

    assert codes(edit) == ["staff_step_without_role"]


def test_a_role_the_agency_does_not_have_is_an_error():
    assert codes(None, roles={"operator-kelurahan", "camat"}) == ["step_unknown_role"]


def test_a_step_nobody_can_reach_is_an_error():
    def edit(p):
        p["steps"][0]["transitions"][0]["to"] = "sign"

    assert codes(edit) == ["step_unreachable"]


def test_a_track_that_can_never_end_is_an_error():
    def edit(p):
        p["steps"][2]["transitions"] = [{"key": "ulang", "to": "verify"}]

    assert codes(edit) == ["track_without_end"]


def test_a_step_requiring_an_unknown_requirement_is_an_error():
    def edit(p):
        p["steps"][0]["requires"] = ["kk"]

    assert codes(edit) == ["step_unknown_requirement"]


def test_returning_a_file_pauses_the_clock_and_resubmitting_resumes_it():
    process = compile_process(components(), roles=ROLES, units=set())
    submitted = move(process, track="online", step="submit", transition="ajukan", submitted=True)
    assert [c for _key, c in submitted.clocks] == ["start"]
    returned = move(process, track="online", step="verify", transition="kembalikan", running=["penyelesaian"])
    assert [c for _key, c in returned.clocks] == ["pause"]
    again = move(process, track="online", step="submit", transition="ajukan", paused=["penyelesaian"])
    assert [c for _key, c in again.clocks] == ["resume"]
    done = move(process, track="online", step="sign", transition="tandatangani", running=["penyelesaian"])
    assert (done.end, [c for _key, c in done.clocks]) == ("completed", ["stop"])


def test_the_compiled_process_reads_back_from_its_json():
    from pelayan.lib.process import Process

    process = compile_process(components(), roles=ROLES, units=set())
    assert Process.from_json(copy.deepcopy(process.to_json()), digest=process.digest) == process
