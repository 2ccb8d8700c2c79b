"""Properties of the component-by-component diff, for any two standards."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pelayan.lib.standard_diff import ChangeKind, diff_components
from pelayan.lib.standard_schema import COMPONENT_KEYS, Components, Requirement

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=30).map(str.strip).filter(bool)
keys = st.from_regex(r"[a-z]{1,8}", fullmatch=True)
requirements = st.lists(st.builds(Requirement, key=keys, text=words), max_size=6, unique_by=lambda r: r.key)
standards = st.builds(
    Components,
    requirements=requirements,
    facilities=st.lists(words, max_size=6, unique=True),
    products=st.lists(words, max_size=3, unique=True),
    service_guarantee=st.lists(words, max_size=3, unique=True),
)


@given(standards)
def test_a_standard_has_no_differences_with_itself(components):
    diffs = diff_components(components, components)
    assert [d.key for d in diffs] == list(COMPONENT_KEYS)
    assert not any(d.changed for d in diffs)


@given(standards, standards)
def test_swapping_the_versions_swaps_added_and_removed(old, new):
    forward = {d.key: d for d in diff_components(old, new)}
    backward = {d.key: d for d in diff_components(new, old)}
    for key in COMPONENT_KEYS:
        assert forward[key].count(ChangeKind.ADDED) == backward[key].count(ChangeKind.REMOVED)
        assert forward[key].count(ChangeKind.REMOVED) == backward[key].count(ChangeKind.ADDED)
        assert forward[key].count(ChangeKind.CHANGED) == backward[key].count(ChangeKind.CHANGED)


@given(standards, keys, words)
def test_a_requirement_with_a_new_key_is_one_addition_and_nothing_else(components, key, text):
    if any(r.key == key for r in components.requirements):
        return
    new = components.model_copy(deep=True)
    new.requirements.append(Requirement(key=key, text=text))
    diffs = {d.key: d for d in diff_components(components, new)}
    assert [(c.kind, c.path) for c in diffs["requirements"].changes] == [
        (ChangeKind.ADDED, f"requirements.{key}")
    ]
    assert not any(d.changed for k, d in diffs.items() if k != "requirements")


@given(standards)
def test_against_no_published_version_every_item_is_added(components):
    for diff in diff_components(None, components):
        assert diff.count(ChangeKind.REMOVED) == 0
