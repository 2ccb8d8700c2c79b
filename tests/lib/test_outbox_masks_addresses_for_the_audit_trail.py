from hypothesis import given
from hypothesis import strategies as st

from pelayan.lib.outbox import address_masked


def test_it_keeps_the_first_letter_and_the_domain_of_an_email():
    assert address_masked("wayan@example.id") == "w***@example.id"


def test_it_keeps_the_country_code_and_last_three_digits_of_a_phone():
    assert address_masked("+6281234567890") == "+62********890"
    assert address_masked("6281234567890") == "**********890"


def test_a_short_address_is_masked_whole():
    assert address_masked("12345") == "*****"


@given(st.from_regex(r"\+62[0-9]{8,13}", fullmatch=True))
def test_a_phone_number_never_shows_its_middle_digits(phone):
    masked = address_masked(phone)
    assert len(masked) == len(phone)
    assert masked[3:-3] == "*" * (len(phone) - 6)


@given(st.emails())
def test_an_email_keeps_only_its_domain_and_one_letter(email):
    masked = address_masked(email)
    local, _, domain = email.rpartition("@")
    assert masked.endswith("@" + domain)
    assert len(local) <= 1 or local[1:] not in masked.rpartition("@")[0]
