"""Complaint channels named in a decree: e-mail, numbers, websites, SP4N-LAPOR!, box, in person, letter.

Numbers are kept as written and normalised to +62 form; a number's kind comes from the word just
before it ("WA :", "Telp.", "Faximile", "SMS", "Call Center … HP").
"""

from __future__ import annotations

import re

from pelayan.lib.standard_schema import Channel, ChannelKind

EMAIL_RE = re.compile(r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
LAPOR_RE = re.compile(r"\bSP4N[\s-]*LAPOR!?|\blapor\.go\.id\b|\bLAPOR!", re.IGNORECASE)
URL_RE = re.compile(
    r"(?<![@\w.-])(?:https?://[^\s<>()\"',;]+|www\.[^\s<>()\"',;]+|"
    r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:go\.id|ac\.id|or\.id|co\.id|desa\.id|id|com|org|net)(?:/[^\s<>()\"',;]*)?)"
    r"(?![\w@])",
    re.IGNORECASE,
)
PHONE_RE = re.compile(
    r"(?<![\w/.])(?P<number>(?:\+62[\s.-]?|62(?=8)|\(\s*0\d{2,4}\s*\)\s?|0)\d{2,}(?:[\s.-]\d{3,})*)"
    r"(?:\s*(?:ext\.?|ekst?\.?|psw\.?|pesawat)\s*(?P<ext>\d{1,5}))?",
    re.IGNORECASE,
)
_KIND_WORDS: tuple[tuple[re.Pattern[str], ChannelKind], ...] = (
    (re.compile(r"\b(?:wa|whats\s*app|whatsapp)\b", re.I), ChannelKind.WHATSAPP),
    (re.compile(r"\bsms\b", re.I), ChannelKind.SMS),
    (re.compile(r"\b(?:fax|faks|faximile|facsimile|faksimile|faksimili)\b", re.I), ChannelKind.FAX),
    (
        re.compile(r"\b(?:telp|telepon|telpon|tlp|phone|hp|call\s*cent(?:er|re)|hotline|nomor)\b", re.I),
        ChannelKind.PHONE,
    ),
)
_SOCIAL_RE = re.compile(
    r"\b(?P<kind>facebook|fb|instagram|ig|twitter|x\.com|tiktok|youtube)\b\s*:?\s*(?P<value>@[\w.]+)?",
    re.IGNORECASE,
)
_IN_PERSON_RE = re.compile(
    r"\btatap\s+muka\b|\bsecara\s+langsung\b|\bdatang\s+langsung\b|\bhadir\s+langsung\b|"
    r"\bmendatangi\s+petugas\b|\bpetugas\s+penerima\s+pengaduan\b|\blangsung\s+ke\s+(?:kantor|loket|dinas)\b|"
    r"\bloket\s+pengaduan\b|\bdesk\s+pengaduan\b|\bmeja\s+pengaduan\b",
    re.IGNORECASE,
)
_BOX_RE = re.compile(r"\bkotak\s+(?:pengaduan|saran|aduan|keluhan)\b", re.IGNORECASE)
_LETTER_RE = re.compile(
    r"\bmelalui\s+surat\b(?!\s+elektronik)|\bsurat\b[^.;]{0,30}\bditujukan\b|\bsecara\s+tertulis\b(?!\s+disampaikan\s+ke\s+kotak)|"
    r"\bsurat\s+(?:pengaduan|tertulis)\b|\bpos\b",
    re.IGNORECASE,
)
_EMAIL_WORD_RE = re.compile(r"\be-?mail\b|\bsurel\b|\bsurat\s+elektronik\b", re.IGNORECASE)
_WEB_WORD_RE = re.compile(r"\b(?:web|website|situs|laman)\b", re.IGNORECASE)
_PHONE_WORD_RE = re.compile(r"\b(?:telp|telepon|telpon|tlp)\b", re.IGNORECASE)
_WA_WORD_RE = re.compile(r"\b(?:wa|whats\s*app|whatsapp)\b", re.IGNORECASE)
_SMS_WORD_RE = re.compile(r"\bsms\b", re.IGNORECASE)
_PERSON_RE = re.compile(
    r"\b(?:Sdr|Sdri|Bapak|Bpk|Ibu)\.?\s+(?P<name>[A-Z][A-Za-z'.]*(?:\s+[A-Z][A-Za-z'.]*){0,4})"
)
_TO_RE = re.compile(
    r"\bkepada\s*:?\s*(?P<to>(?:Pejabat|Petugas|Tim|Sekretaris|Kepala|Camat|Lurah|Admin)\b[^;,.]{0,80})"
)


def normalise_phone(number: str) -> str | None:
    digits = re.sub(r"\D", "", number)
    if number.strip().startswith("+62") or (digits.startswith("62") and not number.strip().startswith("0")):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = digits[1:]
    else:
        return None
    if not 6 <= len(digits) <= 13:
        return None
    return "+62" + digits


def normalise_url(url: str) -> str:
    url = url.rstrip("/.") if url.endswith(".") else url
    if not re.match(r"https?://", url, re.I):
        url = "https://" + url
    return url


def _person(name: str) -> str:
    return " ".join(w if not w.isupper() or len(w) <= 2 else w.capitalize() for w in name.split())


def find_channels(text: str) -> list[Channel]:
    """Channels with a value (address, number) found anywhere in ``text``, in order of appearance."""
    found: list[tuple[int, Channel]] = []
    taken: list[tuple[int, int]] = []
    for m in EMAIL_RE.finditer(text):
        value = m.group(0).rstrip(".")
        found.append((m.start(), Channel(kind=ChannelKind.EMAIL, value=value, normalized=value.lower())))
        taken.append(m.span())
    for m in LAPOR_RE.finditer(text):
        taken.append(m.span())
        if not any(c.kind is ChannelKind.LAPOR for _, c in found):
            found.append(
                (
                    m.start(),
                    Channel(
                        kind=ChannelKind.LAPOR, value="SP4N-LAPOR!", normalized="https://www.lapor.go.id"
                    ),
                )
            )
    for m in URL_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or "lapor.go.id" in m.group(0).lower():
            continue
        value = m.group(0).rstrip(".,)")
        found.append(
            (m.start(), Channel(kind=ChannelKind.WEBSITE, value=value, normalized=normalise_url(value)))
        )
        taken.append(m.span())
    for m in PHONE_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        normalized = normalise_phone(m.group("number"))
        if normalized is None:
            continue
        window = text[max(0, m.start() - 40) : m.start()]
        window = re.split(r"[;\n]|\b[a-z]\)|\b\d\)", window)[-1]
        kind = ChannelKind.PHONE
        best = -1
        for pattern, candidate in _KIND_WORDS:
            for word in pattern.finditer(window):
                if word.start() > best:
                    best, kind = word.start(), candidate
        extra = {"ext": m.group("ext")} if m.group("ext") else {}
        value = m.group(0).strip()
        found.append((m.start(), Channel(kind=kind, value=value, normalized=normalized, **extra)))
    found.sort(key=lambda item: item[0])
    return _dedupe([c for _, c in found])


def find_named_channels(text: str) -> list[Channel]:
    """Channels named by words, with or without an address: box, in person, letter, 'melalui Email, WA'."""
    out: list[Channel] = []
    box = _BOX_RE.search(text)
    if box:
        out.append(Channel(kind=ChannelKind.COMPLAINT_BOX, value=box.group(0)))
    if _IN_PERSON_RE.search(text) and not box:
        label = None
        if person := _PERSON_RE.search(text):
            label = person.group(0).split()[0] + " " + _person(person.group("name"))
        elif to := _TO_RE.search(text):
            label = to.group("to").strip()
        out.append(Channel(kind=ChannelKind.IN_PERSON, value=None, label=label))
    if _LETTER_RE.search(text) and not box:
        to = re.search(r"ditujukan\s+kepada\s*:?\s*(?P<to>[^;]+)", text, re.IGNORECASE)
        out.append(Channel(kind=ChannelKind.LETTER, value=to.group("to").strip(" ,") if to else None))
    for pattern, kind in (
        (_EMAIL_WORD_RE, ChannelKind.EMAIL),
        (_WEB_WORD_RE, ChannelKind.WEBSITE),
        (_PHONE_WORD_RE, ChannelKind.PHONE),
        (_WA_WORD_RE, ChannelKind.WHATSAPP),
        (_SMS_WORD_RE, ChannelKind.SMS),
    ):
        if kind is ChannelKind.WEBSITE and LAPOR_RE.search(text):
            continue  # "website SP4N-LAPOR!" names LAPOR, not a site of the agency
        if pattern.search(text):
            out.append(Channel(kind=kind, value=None))
    for m in _SOCIAL_RE.finditer(text):
        out.append(
            Channel(
                kind=ChannelKind.SOCIAL_MEDIA,
                value=m.group("value") or m.group("kind"),
                label=m.group("kind"),
            )
        )
    return out


def _dedupe(channels: list[Channel]) -> list[Channel]:
    seen: set[tuple[str, str | None]] = set()
    out = []
    for channel in channels:
        key = (channel.kind.value, channel.normalized or channel.value)
        if key in seen:
            continue
        seen.add(key)
        out.append(channel)
    return out


def merge_channels(
    with_values: list[Channel], named: list[Channel], elsewhere: list[Channel]
) -> tuple[list[Channel], list[str]]:
    """Channels with addresses first; a channel named without one takes it from elsewhere in the decree."""
    out = list(with_values)
    notes: list[str] = []
    kinds_with_value = {c.kind for c in out if c.value}
    for channel in named:
        if channel.kind in (
            ChannelKind.IN_PERSON,
            ChannelKind.COMPLAINT_BOX,
            ChannelKind.LETTER,
            ChannelKind.SOCIAL_MEDIA,
        ):
            same = [c for c in out if c.kind is channel.kind]
            if not same:
                out.append(channel)
            elif channel.label and not same[0].label:
                same[0].label = channel.label
            elif channel.value and not same[0].value:
                same[0].value = channel.value
            continue
        if channel.kind in kinds_with_value:
            continue
        borrowed = [c for c in elsewhere if c.kind is channel.kind and c.value]
        if borrowed:
            for c in borrowed:
                copy = c.model_copy(update={"source": "procedure"})
                out.append(copy)
            kinds_with_value.add(channel.kind)
            notes.append(channel.kind.value)
        elif not any(c.kind is channel.kind for c in out):
            out.append(channel)
    return _dedupe(out), notes
