"""A flowchart box shows a step's name: its first clause or first words, never a paragraph."""

from hypothesis import given
from hypothesis import strategies as st

from pelayan.lib.flowchart import ELLIPSIS, SHORT_LABEL_CHARS, short_label

WORD = st.text(alphabet=st.characters(categories=("L", "N")), min_size=1, max_size=14)
PUNCT = st.sampled_from(["", ",", ";", ":", ".", " -", " –"])
SENTENCE = st.lists(st.tuples(WORD, PUNCT), min_size=1, max_size=30).map(
    lambda parts: " ".join(word + mark for word, mark in parts)
)


@given(SENTENCE, st.integers(min_value=8, max_value=80))
def test_a_label_never_exceeds_its_limit(text, limit):
    assert len(short_label(text, limit)) <= limit


@given(SENTENCE)
def test_a_text_that_fits_is_shown_whole(text):
    if len(text) <= SHORT_LABEL_CHARS:
        assert short_label(text) == text


@given(SENTENCE, st.integers(min_value=8, max_value=80))
def test_a_shortened_label_is_the_start_of_the_text_cut_between_words(text, limit):
    label = short_label(text, limit)
    if len(text) <= limit:
        return
    assert label.endswith(ELLIPSIS)
    kept = label.removesuffix(ELLIPSIS)
    assert text.startswith(kept)
    rest = text[len(kept) :]
    # the cut falls before a space or a mark, unless a single word was too long for the box
    assert not rest or not rest[0].isalnum() or " " not in text[:limit]


@given(SENTENCE)
def test_shortening_twice_changes_nothing(text):
    assert short_label(short_label(text)) == short_label(text)


def test_the_first_clause_names_the_step():
    text = "Petugas memeriksa kelengkapan berkas, jika lengkap diteruskan kepada Kasi Pelayanan"

    assert short_label(text) == "Petugas memeriksa kelengkapan berkas…"


def test_without_a_clause_the_label_stops_at_the_last_whole_word():
    text = "Pemohon datang ke loket dan menyerahkan berkas persyaratan kepada petugas"

    assert short_label(text) == "Pemohon datang ke loket dan menyerahkan…"


def test_a_single_long_word_is_cut_inside_it():
    assert short_label("x" * 60) == "x" * (SHORT_LABEL_CHARS - 1) + ELLIPSIS


def test_white_space_is_folded_and_empty_text_stays_empty():
    assert short_label("  Verifikasi\n berkas  ") == "Verifikasi berkas"
    assert short_label("") == ""
