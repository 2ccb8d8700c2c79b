"""Rows from a file: blanks allowed, a bad answer or a missing column named by row and column."""

from __future__ import annotations

from pelayan.lib import skm

HEADER = ["No", *skm.CODES, "Saran"]


def test_blank_cells_are_unanswered_and_blank_rows_skipped():
    rows = [[1, 4, 4, 3, "", 4, 4, 4, 4, 4, "bagus"], [None] * 11, [2, "3", 3.0, 3, 3, 3, 3, 3, 3, 3, ""]]
    responses, errors = skm.parse_rows(HEADER, rows)
    assert errors == []
    assert len(responses) == 2
    assert responses[0]["U4"] is None
    assert responses[1]["U2"] == 3


def test_an_answer_of_five_is_reported_by_row_and_column():
    rows = [[1, *[4] * 9, ""], [2, 4, 4, 5, 4, 4, 4, 4, 4, "x", ""]]
    _, errors = skm.parse_rows(HEADER, rows)
    assert [(e.row, e.column) for e in errors] == [(3, "U3"), (3, "U9")]
    assert "5" in errors[0].message


def test_a_missing_column_is_reported_on_the_header_row():
    _, errors = skm.parse_rows(["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U9"], [])
    assert [(e.row, e.column) for e in errors] == [(1, "U8")]


def test_rows_beyond_the_bound_are_refused():
    rows = [[*[4] * 9]] * 5
    responses, errors = skm.parse_rows(skm.CODES, rows, max_rows=3)
    assert len(responses) == 3
    assert errors[-1].row == 5


def test_a_row_with_no_answer_at_all_is_reported():
    rows = [[7, None, None, None, None, None, None, None, None, None, "tanpa jawaban"]]
    _, errors = skm.parse_rows(HEADER, rows)
    assert [(e.row, e.column) for e in errors] == [(2, "")]
