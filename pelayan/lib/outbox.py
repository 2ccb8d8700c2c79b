"""Rules of the outbox that need no database: when to try again, and how a text becomes SMS parts."""

from __future__ import annotations

from datetime import timedelta

__all__ = ["GSM7_CHARS", "address_masked", "phone_e164", "retry_delay", "sms_is_gsm7", "sms_parts"]

# The GSM 03.38 default alphabet (basic set); the extension table (^{}[]~|€\) costs two septets.
GSM7_CHARS = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = frozenset("^{}\\[~]|€\f")


def phone_e164(address: str, *, country: str = "62") -> str:
    """An Indonesian phone number as +62…: "0812-3456 7890", "62812…", "+62 812…" all give
    "+628123457890"; "" when there are no digits. One form, so a reply finds the number the
    citizen wrote from whichever way it was typed."""
    digits = "".join(ch for ch in address if ch.isdigit())
    if not digits:
        return ""
    if digits.startswith("0"):
        digits = country + digits.lstrip("0")
    return "+" + digits


def address_masked(address: str) -> str:
    """An address as the audit trail keeps it: enough to tell two apart, not enough to reach the
    person. "wayan@example.id" → "w***@example.id", "+6281234567890" → "+62********890".
    The message keeps the whole address; the trail outlives it and is read by more people."""
    address = address.strip()
    if "@" in address:
        local, _, domain = address.rpartition("@")
        return (local[:1] or "*") + "***@" + domain
    if len(address) <= 6:
        return "*" * len(address)
    keep = 3 if address.startswith("+") else 0
    return address[:keep] + "*" * (len(address) - keep - 3) + address[-3:]


def retry_delay(attempt: int, *, base_seconds: int, cap_seconds: int) -> timedelta:
    """The wait after the ``attempt``-th failed try (1-based): base, 2×base, 4×base, … up to the cap.

    Doubling keeps a provider that is down for an hour from being called hundreds of times, while a
    short hiccup is retried within a minute or two.
    """
    if attempt < 1:
        raise ValueError("attempt counts from 1")
    if base_seconds < 1 or cap_seconds < base_seconds:
        raise ValueError("need 1 <= base_seconds <= cap_seconds")
    # Bounded exponent: 2**63 would be a needlessly huge integer for a capped result.
    seconds = base_seconds * (2 ** min(attempt - 1, 40))
    return timedelta(seconds=min(seconds, cap_seconds))


def _septets(text: str) -> int:
    return sum(2 if ch in GSM7_EXTENDED else 1 for ch in text)


def sms_is_gsm7(text: str) -> bool:
    return all(ch in GSM7_CHARS or ch in GSM7_EXTENDED for ch in text)


def _length(text: str, gsm7: bool) -> int:
    # UCS-2 counts UTF-16 code units: an emoji outside the BMP takes two.
    return _septets(text) if gsm7 else len(text.encode("utf-16-le")) // 2


def sms_parts(text: str, *, max_parts: int) -> list[str]:
    """``text`` as the SMS messages to send, each fitting one single (unconcatenated) SMS.

    A text that fits one SMS (160 GSM-7 characters, or 70 UCS-2 ones when it holds a character
    outside GSM-7) is sent as is. A longer one is cut at spaces into parts prefixed ``(1/3) ``;
    a gateway that does not join parts still delivers readable messages. Beyond ``max_parts`` the
    last part ends with "..." (or "…" in UCS-2) so a citizen is never billed for an unbounded text.
    """
    if max_parts < 1:
        raise ValueError("max_parts must be at least 1")
    text = " ".join(text.split())
    if not text:
        return []
    gsm7 = sms_is_gsm7(text)
    single = 160 if gsm7 else 70
    if _length(text, gsm7) <= single:
        return [text]
    # "(n/m) " with m up to two digits: at most 8 characters, all GSM-7.
    room = single - len(f"({max_parts}/{max_parts}) ")
    chunks: list[str] = []
    rest = text
    while rest and len(chunks) < max_parts:
        if _length(rest, gsm7) <= room:
            chunks.append(rest)
            rest = ""
            break
        cut = 0
        used = 0
        for i, ch in enumerate(rest):
            used += _length(ch, gsm7)
            if used > room:
                break
            cut = i + 1
        space = rest.rfind(" ", 0, cut + 1)
        end = space if space > 0 else cut
        chunks.append(rest[:end].rstrip())
        rest = rest[end:].lstrip()
    if rest:
        # "…" is not in GSM-7: it would turn the whole part into UCS-2 and halve its room.
        ellipsis = "..." if gsm7 else "…"
        last = chunks[-1]
        while last and _length(last + ellipsis, gsm7) > room:
            last = last[:-1]
        chunks[-1] = last.rstrip() + ellipsis
    total = len(chunks)
    if total == 1:
        return chunks
    return [f"({i}/{total}) {chunk}" for i, chunk in enumerate(chunks, start=1)]
