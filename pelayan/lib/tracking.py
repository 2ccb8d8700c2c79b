"""Tracking numbers (nomor registrasi) and PINs for applicants.

A tracking number is eight random symbols and two check symbols from Crockford's base-32 alphabet
(no I, L, O or U, so nothing is read as 1 or 0), written in two groups of five: ``7H3K9-QX4MC``.
The check is the position-weighted sum of the eight symbols modulo 1021 (a prime below 32²),
written as two symbols: it catches every single wrong symbol and every swap of two neighbouring
symbols (Luhn mod 32 misses the swap of 0 and Z), so a mistyped number is told apart from one that
does not exist. Reading accepts lower case, spaces, missing hyphens and the look-alikes O→0 and
I/L→1.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {symbol: value for value, symbol in enumerate(ALPHABET)}
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
BODY_LENGTH = 8
LENGTH = BODY_LENGTH + 2
_MODULUS = 1021
PIN_LENGTH = 6


def check_symbol(body: str) -> str:
    """The two check symbols of ``body`` (symbols of ALPHABET)."""
    total = sum((position + 1) * _VALUE[symbol] for position, symbol in enumerate(body)) % _MODULUS
    return ALPHABET[total // 32] + ALPHABET[total % 32]


def is_valid(number: str) -> bool:
    return (
        len(number) == LENGTH
        and all(symbol in _VALUE for symbol in number)
        and check_symbol(number[:BODY_LENGTH]) == number[BODY_LENGTH:]
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
