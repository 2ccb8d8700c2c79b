"""Search words: the spellings people type read as the ones the decrees use."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelayan.lib.search_text import (
    ABBREVIATIONS,
    MAX_QUERY_WORDS,
    MAX_WORD_CHARS,
    WORD_VARIANTS,
    canonical_words,
    index_words,
    query_words,
)

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300)
words = st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,12}", fullmatch=True)


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("ijin", "izin"),
        ("Perijinan", "perizinan"),
        ("KTP", "KTP-el"),
        ("ktp", "e-KTP"),
        ("KTP", "KTP elektronik"),
        ("ktp", "KTPel"),
        ("fotokopi", "Fotocopy"),
        ("fotokopi", "foto copy"),
    ],
)
def test_a_variant_reads_as_the_same_word(typed, written):
    assert canonical_words(typed) == canonical_words(written)


def test_an_abbreviation_is_found_by_the_words_it_stands_for_and_back():
    assert set(query_words("kartu tanda penduduk")) <= set(index_words("Fotocopy KTP-el 1 lembar").split())
    assert set(query_words("KTP")) <= set(index_words("Kartu Tanda Penduduk Elektronik").split())
    assert set(query_words("SK")) <= set(index_words("Legalisasi Surat Keterangan Ahli Waris").split())
    assert set(query_words("surat keterangan")) <= set(index_words("Legalisasi SK Ahli Waris").split())


@given(texts)
def test_canonical_words_are_a_fixed_point(text):
    once = canonical_words(text)

    assert canonical_words(" ".join(once)) == once


@given(texts)
def test_any_text_is_found_by_its_own_words(text):
    indexed = index_words(text).split()

    # Words are matched as prefixes: a word cut by the query's bounds still finds the whole one.
    assert all(any(w.startswith(q) for w in indexed) for q in query_words(text))


@given(st.lists(words, max_size=6))  # short enough that neither form is cut
def test_case_and_punctuation_do_not_matter(parts):
    plain = " ".join(parts)
    shouted = " - ".join(p.upper() for p in parts) + "!"

    assert query_words(plain) == query_words(shouted)


@given(texts)
def test_a_query_is_bounded_and_only_letters_and_digits(text):
    found = query_words(text * 5)

    assert len(found) <= MAX_QUERY_WORDS
    assert len(found) == len(set(found))
    assert all(w.isascii() and w.isalnum() and len(w) <= MAX_WORD_CHARS for w in found)


@given(st.sampled_from(sorted(WORD_VARIANTS)), st.sampled_from(["", "Surat ", "Fotocopy "]))
def test_every_listed_variant_is_found_by_its_canonical_word(variant, before):
    assert WORD_VARIANTS[variant] in index_words(before + variant.upper()).split()


@given(st.sampled_from(sorted(ABBREVIATIONS)))
def test_every_abbreviation_indexes_both_forms(abbreviation):
    phrase = " ".join(ABBREVIATIONS[abbreviation])

    assert set(ABBREVIATIONS[abbreviation]) <= set(index_words(abbreviation.upper()).split())
    assert abbreviation in index_words(phrase.title()).split()
