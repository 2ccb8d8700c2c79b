"""Properties of matching an import to one of an agency's services, for any names and numbers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pelayan.lib.service_match import Candidate, best_match, decree_key, name_similarity

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)
names = st.lists(words, min_size=1, max_size=6).map(" ".join)
decrees = st.from_regex(r"[0-9]{2,3}/[A-Z]{2,6}/[0-9]{4}", fullmatch=True)
candidates = st.lists(
    st.builds(Candidate, key=st.integers(1, 10_000), name=names, decree_numbers=st.tuples(decrees)),
    max_size=8,
    unique_by=lambda c: c.key,
)


@given(names, names)
def test_similarity_is_symmetric_and_between_zero_and_one(a, b):
    assert name_similarity(a, b) == name_similarity(b, a)
    assert 0.0 <= name_similarity(a, b) <= 1.0


@given(names, st.sampled_from(["", "Pelayanan ", "Standar Pelayanan ", "7. PELAYANAN "]))
def test_case_numbering_and_the_word_pelayanan_do_not_change_a_name(name, prefix):
    assert name_similarity(prefix + name.upper(), name) == 1.0


@given(names, st.one_of(st.none(), decrees), candidates)
def test_the_match_is_one_of_the_candidates_whatever_their_order(name, decree, found):
    match = best_match(name=name, decree=decree, candidates=found)
    reversed_match = best_match(name=name, decree=decree, candidates=list(reversed(found)))
    assert match == reversed_match
    if match is not None:
        assert match.key in {c.key for c in found}


@given(names, decrees, candidates, names)
def test_a_shared_decree_number_wins_over_any_name(name, decree, others, other_name):
    others = [c for c in others if decree_key(decree) not in {decree_key(n) for n in c.decree_numbers}]
    same_decree = Candidate(key=20_000, name=other_name, decree_numbers=(decree.lower().replace("/", " / "),))
    match = best_match(name=name, decree=decree, candidates=[*others, same_decree])
    assert match is not None
    assert match.key == same_decree.key and match.by_decree


@given(names, candidates)
def test_an_exact_name_always_finds_its_service(name, others):
    mine = Candidate(key=0, name=f"Pelayanan {name}")
    match = best_match(name=name, decree=None, candidates=[mine, *others])
    assert match is not None
    assert match.score == 1.0
    assert name_similarity(name, next(c.name for c in [mine, *others] if c.key == match.key)) == 1.0
