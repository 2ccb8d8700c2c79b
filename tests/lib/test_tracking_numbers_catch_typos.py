from hypothesis import given
from hypothesis import strategies as st

from pelayan.lib import tracking

symbols = st.sampled_from(tracking.ALPHABET)
bodies = st.text(alphabet=tracking.ALPHABET, min_size=tracking.BODY_LENGTH, max_size=tracking.BODY_LENGTH)


def test_a_new_number_is_valid_and_reads_back_from_its_display_form():
    number = tracking.new_number()
    assert tracking.is_valid(number)
    assert tracking.normalize(tracking.display(number).lower()) == number


@given(bodies, st.integers(0, tracking.LENGTH - 1), symbols)
def test_every_single_wrong_symbol_is_caught(body, position, symbol):
    number = body + tracking.check_symbol(body)
    typo = number[:position] + symbol + number[position + 1 :]
    assert tracking.is_valid(typo) == (typo == number)


@given(bodies, st.integers(0, tracking.BODY_LENGTH - 2))
def test_every_swap_of_neighbours_in_the_random_part_is_caught(body, position):
    number = body + tracking.check_symbol(body)
    swapped = number[:position] + number[position + 1] + number[position] + number[position + 2 :]
    assert tracking.is_valid(swapped) == (swapped == number)


def test_look_alike_letters_and_spaces_are_forgiven():
    body = "0123456A"
    number = body + tracking.check_symbol(body)
    typed = f" o1234 56a{number[8].lower()}-{number[9].lower()} "
    assert tracking.normalize(typed) == number


def test_something_that_cannot_be_a_number_reads_as_none():
    assert tracking.normalize("") is None
    assert tracking.normalize("hello") is None
    assert tracking.normalize("U" * 10) is None
