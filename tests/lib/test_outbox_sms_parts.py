from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pelayan.lib.outbox import sms_is_gsm7, sms_parts

words = st.lists(st.text(alphabet="abcdefghij ÄéÑ0123456789", min_size=1, max_size=12), max_size=80)
unicode_words = st.lists(st.text(alphabet="abc ✓漢字", min_size=1, max_size=10), max_size=40)


def _fits(part: str) -> bool:
    return len(part) <= 160 if sms_is_gsm7(part) else len(part.encode("utf-16-le")) // 2 <= 70


@given(words, st.integers(min_value=1, max_value=5))
def test_every_part_fits_one_sms_and_there_are_never_too_many(parts_of_text, max_parts):
    parts = sms_parts(" ".join(parts_of_text), max_parts=max_parts)
    assert len(parts) <= max_parts
    assert all(_fits(p) for p in parts)


@given(unicode_words, st.integers(min_value=1, max_value=5))
def test_ucs2_texts_fit_seventy_units(parts_of_text, max_parts):
    parts = sms_parts(" ".join(parts_of_text), max_parts=max_parts)
    assert len(parts) <= max_parts
    assert all(_fits(p) for p in parts)


def test_a_short_text_is_sent_as_is():
    assert sms_parts("Pengaduan  Anda\nditerima.", max_parts=3) == ["Pengaduan Anda diterima."]


def test_nothing_is_lost_when_the_parts_suffice():
    text = " ".join(f"kata{i}" for i in range(60))
    parts = sms_parts(text, max_parts=5)
    assert len(parts) > 1
    joined = " ".join(p.split(") ", 1)[1] for p in parts)
    assert joined == text
