# ruff: noqa: S608 - SQL text here is data for the replay, never run
"""The database-floor replay (bench/_intake_floor.py) turns a captured intake into one pgbench can
run again and again: ids become their sequences' current values wherever they stand (a number, a
text, an array, a key), unique values are drawn fresh, and nothing inside other strings moves."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from _intake_floor import REGISTER_FIRST, SEQUENCED, script

CASE, CLOCK, COMPLAINT = (
    SEQUENCED["cases_case"],
    SEQUENCED["calendars_slaclock"],
    SEQUENCED["complaints_complaint"],
)
COUNTER = "(SELECT last_number FROM complaints_registercounter WHERE agency_id = 1 AND year = 2026)"


def _one(sql: str) -> str:
    [line] = script([sql], "ABCDE12345", "web:k1", COUNTER)
    return line


def test_an_id_as_a_number_and_as_text_becomes_its_sequence():
    line = _one(
        f'INSERT INTO "calendars_slaclock" ("target_id", "x") VALUES (\'{CASE}\', {CASE}) RETURNING id'
    )
    assert line.count("currval(pg_get_serial_sequence('cases_case', 'id'))") == 2
    assert "::text" in line and str(CASE) not in line


def test_the_register_number_is_the_counters_and_unique_values_are_drawn():
    line = _one(
        f'INSERT INTO "complaints_complaint" ("case_id", "register_number", "source_ref") '
        f"VALUES ({CASE}, {REGISTER_FIRST}, 'web:k1')"
    )
    assert COUNTER in line and "md5(random()::text)" in line and "web:k1" not in line


def test_a_key_of_an_id_and_an_array_of_ids_follow_their_rows():
    line = _one(f"INSERT INTO \"x\" (\"dedupe_key\", \"ids\") VALUES ('complaint-receipt:{COMPLAINT}', "
                f"('{{{CLOCK},{CASE}}}')::varchar[])")  # fmt: skip
    assert "'complaint-receipt:' || currval(pg_get_serial_sequence('complaints_complaint', 'id'))" in line
    assert ("ARRAY[currval(pg_get_serial_sequence('calendars_slaclock', 'id')),"
            "currval(pg_get_serial_sequence('cases_case', 'id'))]") in line  # fmt: skip


def test_a_number_inside_other_text_is_left_as_it_was():
    body = f'E\'{{"case": {CASE}, "note": "it\'\'s 5"}}\''
    line = _one(f'INSERT INTO "audit_auditevent" ("data", "n") VALUES ({body}, 5)')
    assert body in line and line.endswith("VALUES (" + body + ", 5);")


def test_only_the_case_insert_draws_a_new_tracking_number():
    assert "upper(substr(md5" in _one('INSERT INTO "cases_case" ("number") VALUES (\'ABCDE12345\')')
    assert "'ABCDE12345'" in _one("SELECT 1 FROM \"cases_case\" WHERE number = 'ABCDE12345'")
