"""Bad time limits fail with a clear ValueError subclass, never a guess."""

import pytest

from pelayan.lib.durations import NoNumberError, UnknownUnitError, parse_duration


@pytest.mark.parametrize("text", ["", "   ", "hari kerja", "sesuai jadwal", "segera"])
def test_it_refuses_a_time_limit_without_a_number(text):
    with pytest.raises(NoNumberError):
        parse_duration(text)


@pytest.mark.parametrize(
    ("text", "word"), [("3 bulan", "bulan"), ("2 minggu", "minggu"), ("10 detik", "detik")]
)
def test_it_names_the_unit_it_does_not_know(text, word):
    with pytest.raises(UnknownUnitError, match=word):
        parse_duration(text)


def test_a_number_without_any_unit_is_an_unknown_unit():
    with pytest.raises(UnknownUnitError, match="nothing"):
        parse_duration("5")
