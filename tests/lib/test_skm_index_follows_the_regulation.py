"""The index is the mean of each element over those who answered, summed with a weight of exactly
one ninth, then times 25 (PermenPAN-RB 14/2017, Lampiran)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from pelayan.lib import skm


def answers(*values):
    return dict(zip(skm.CODES, values, strict=True))


def test_every_element_has_the_regulations_wording_for_answers_one_to_four():
    assert [e.code for e in skm.ELEMENTS] == ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]
    by_code = {e.code: e for e in skm.ELEMENTS}
    assert by_code["U1"].answers == ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")
    assert by_code["U4"].answers == ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")
    assert by_code["U8"].name.startswith("Penanganan pengaduan")
    assert by_code["U9"].name == "Sarana dan prasarana"
    assert not any("maklumat" in e.name.lower() for e in skm.ELEMENTS)


# (responses, expected means per element, IKM, converted score, grade)
CASES = [
    ([answers(4, 4, 4, 4, 4, 4, 4, 4, 4)], ["4.00"] * 9, "4.000", "100.00", "A"),
    ([answers(1, 1, 1, 1, 1, 1, 1, 1, 1)], ["1.00"] * 9, "1.000", "25.00", "D"),
    (
        [answers(3, 3, 3, 3, 3, 3, 3, 3, 3), answers(4, 4, 4, 4, 4, 4, 4, 4, 4)],
        ["3.50"] * 9,
        "3.500",
        "87.50",
        "B",
    ),
    (
        # U1: (4+3+3)/3; U2: (4+2)/2 because the third respondent left it blank.
        [
            answers(4, 4, 3, 4, 3, 3, 4, 2, 3),
            answers(3, 2, 3, 4, 3, 3, 4, 2, 3),
            answers(3, None, 3, 4, 3, 3, 4, 2, 3),
        ],
        ["3.33", "3.00", "3.00", "4.00", "3.00", "3.00", "4.00", "2.00", "3.00"],
        "3.148",
        "78.70",
        "B",
    ),
]


@pytest.mark.parametrize(("responses", "means", "ikm", "converted", "grade"), CASES)
def test_means_index_conversion_and_grade(responses, means, ikm, converted, grade):
    result = skm.compute(responses).as_json()
    assert [result["elements"][c]["mean"] for c in skm.CODES] == means
    assert result["ikm"] == ikm
    assert result["converted"] == converted
    assert result["grade"] == grade


def test_the_weight_is_exactly_one_ninth_not_0_111():
    responses = [answers(4, 3, 3, 3, 3, 3, 3, 3, 3)]
    result = skm.compute(responses)
    assert result.ikm == Fraction(28, 9)
    # With a rounded weight of 0.111 the score would be 77.70, not 77.78.
    assert skm.to_decimal(result.converted) == Decimal("77.78")


def test_an_element_nobody_answered_leaves_the_index_undefined():
    result = skm.compute([answers(4, 4, 4, 4, 4, 4, 4, 4, None)])
    assert result.means["U9"] is None
    assert result.ikm is None and result.grade is None


def test_an_answer_outside_one_to_four_is_refused():
    with pytest.raises(ValueError, match="U3"):
        skm.compute([answers(4, 4, 5, 4, 4, 4, 4, 4, 4)])
