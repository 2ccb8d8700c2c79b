"""Properties of the index for any set of answers."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from pelayan.lib import skm

answer = st.sampled_from([1, 2, 3, 4])
response = st.fixed_dictionaries({code: answer for code in skm.CODES})


@given(st.lists(response, min_size=1, max_size=40))
def test_the_converted_score_is_25_times_the_mean_of_the_nine_means(responses):
    result = skm.compute(responses)
    means = [Fraction(sum(r[c] for r in responses), len(responses)) for c in skm.CODES]
    assert result.ikm == sum(means) / 9
    assert result.converted == result.ikm * 25
    assert 25 <= result.converted <= 100


@given(st.lists(response, min_size=1, max_size=20), st.sampled_from(skm.CODES))
def test_raising_one_answer_never_lowers_the_grade(responses, code):
    before = skm.compute(responses)
    lowered = [r for r in responses if r[code] < 4]
    if not lowered:
        return
    changed = list(responses)
    i = responses.index(lowered[0])
    changed[i] = {**changed[i], code: changed[i][code] + 1}
    after = skm.compute(changed)
    assert after.converted > before.converted
    assert after.grade.value <= before.grade.value  # "A" < "B" < …


@given(st.integers(min_value=0, max_value=2_000_000), st.integers(min_value=0, max_value=2_000_000))
def test_a_larger_population_never_needs_fewer_respondents(a, b):
    small, large = sorted((a, b))
    assert skm.sample_size(small) <= skm.sample_size(large) <= 384
    assert skm.sample_size(small) <= small
