"""Tracking numbers (nomor registrasi) and PINs for applicants.

A tracking number is nine random symbols and one check symbol from Crockford's base-32 alphabet
(no I, L, O or U, so nothing is read as 1 or 0), written in two groups of five: ``7H3K9-QX4MC``.
The check symbol is Luhn mod 32: it catches every single wrong symbol and every swap of two
neighbours, so a mistyped number is told apart from a number that does not exist. Reading
accepts lower case, spaces, missing hyphens and the look-alikes O→0 and I/L→1.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {symbol: value for value, symbol in enumerate(ALPHABET)}
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
BODY_LENGTH = 9
LENGTH = BODY_LENGTH + 1
PIN_LENGTH = 6


def check_symbol(body: str) -> str:
    """Luhn mod N over ``body`` (symbols of ALPHABET)."""
    n = len(ALPHABET)
    total = 0
    factor = 2
    for symbol in reversed(body):
        addend = factor * _VALUE[symbol]
        addend = addend // n + addend % n
        total += addend
        factor = 1 if factor == 2 else 2
    return ALPHABET[(n - total % n) % n]


def is_valid(number: str) -> bool:
    return (
        len(number) == LENGTH
        and all(symbol in _VALUE for symbol in number)
        and check_symbol(number[:-1]) == number[-1]
    )


def new_number() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(BODY_LENGTH))
    return body + check_symbol(body)


def normalize(text: str) -> str | None:
    """The stored form of a number as someone typed it, or ``None`` when it cannot be one."""
    cleaned = "".join(text.split()).replace("-", "").upper().translate(_LOOKALIKES)
    return cleaned if is_valid(cleaned) else None


def display(number: str) -> str:
    return f"{number[:5]}-{number[5:]}"


def new_pin() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(PIN_LENGTH))
