"""Every grade boundary of the converted score, on both sides (PermenPAN-RB 14/2017: D 25.00–64.99,
C 65.00–76.60, B 76.61–88.30, A 88.31–100.00)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from pelayan.lib import skm


@pytest.mark.parametrize(
    ("score", "grade", "label"),
    [
        ("25.00", "D", "Tidak baik"),
        ("64.99", "D", "Tidak baik"),
        ("65.00", "C", "Kurang baik"),
        ("76.60", "C", "Kurang baik"),
        ("76.61", "B", "Baik"),
        ("88.30", "B", "Baik"),
        ("88.31", "A", "Sangat baik"),
        ("100.00", "A", "Sangat baik"),
    ],
)
def test_the_grade_of_a_converted_score(score, grade, label):
    result = skm.grade_for(Decimal(score))
    assert result.value == grade
    assert result.label == label


def test_a_score_between_two_listed_values_is_read_at_two_decimals():
    assert skm.grade_for(Fraction(76605, 1000)) == skm.Grade.B  # 76.605 reads 76.61
    assert skm.grade_for(Fraction(76604, 1000)) == skm.Grade.C  # 76.604 reads 76.60
    assert skm.grade_for(Fraction(6499, 100) + Fraction(4, 1000)) == skm.Grade.D


def test_a_score_outside_25_to_100_is_an_error():
    with pytest.raises(ValueError):
        skm.grade_for(Decimal("24.99"))
    with pytest.raises(ValueError):
        skm.grade_for(Decimal("100.01"))
