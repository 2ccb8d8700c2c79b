"""The sample a period needs comes from the Krejcie–Morgan table shipped as data; its formula
agrees with every row to within one respondent."""

from __future__ import annotations

from fractions import Fraction

import pytest

from pelayan.lib import skm


@pytest.mark.parametrize(
    ("population", "sample"),
    [(100, 80), (1000, 278), (2000, 322), (10, 10), (50, 44), (500, 217), (1_000_000, 384)],
)
def test_tabulated_populations(population, sample):
    assert skm.sample_size(population) == sample


def test_a_population_between_rows_takes_the_next_row_up():
    assert skm.sample_size(101) == 86  # the row for 110
    assert skm.sample_size(1001) == 285  # the row for 1100


def test_small_and_huge_populations():
    assert skm.sample_size(0) == 0
    assert skm.sample_size(7) == 7
    assert skm.sample_size(5_000_000) == 384


def test_the_formula_agrees_with_every_row_of_the_table():
    table = skm.krejcie_morgan_table()
    assert len(table) >= 80
    for population, sample in table:
        assert abs(skm.krejcie_morgan_formula(population) - sample) < 1, population


def test_the_formula_uses_chi_square_3_841_p_half_and_five_percent():
    # 3.841 × 1000 × 0.25 / (0.0025 × 999 + 3.841 × 0.25) = 960.25 / 3.45775
    assert skm.krejcie_morgan_formula(1000) == Fraction(960_25, 345_775) * 1000
    assert round(float(skm.krejcie_morgan_formula(1000)), 2) == 277.71
