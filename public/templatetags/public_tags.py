"""Template filters for the public pages; each wraps a helper from public.presenters."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from pelayan.lib.standard_schema import Channel, Fee, Frequency, Requirement
from public import presenters

register = template.Library()


@register.filter
def range_words(item: object) -> str:
    """Words for anything with min/max quantities: a complaint tier, a time limit."""
    return presenters.range_words(getattr(item, "min", None), getattr(item, "max", None))


@register.filter
def fee_words(fee: Fee) -> str:
    return presenters.fee_words(fee)


@register.filter
def channel_link(channel: Channel) -> presenters.ChannelLink:
    return presenters.channel_link(channel)


@register.filter
def link_or_text(link: presenters.ChannelLink) -> SafeString:
    return presenters.link_or_text(link)


@register.filter
def frequency_words(frequency: Frequency | None) -> str:
    return presenters.frequency_words(frequency) if frequency else ""


@register.filter
def requirement_details(requirement: Requirement) -> list[str]:
    return presenters.requirement_details(requirement)


@register.filter
def adds_to(written: str | None, words: str) -> bool:
    """True when the decree's own wording says more than the words shown beside it."""
    return bool(written and written.strip().lower() not in str(words).lower())


@register.filter
def extras(item: object, exclude: str = "") -> list[tuple[str, str]]:
    """Wording kept beside the declared fields; ``exclude`` lists keys already shown ("text,steps")."""
    return presenters.extra_facts(item, [k.strip() for k in exclude.split(",") if k.strip()])


@register.filter
def extra(item: object, key: str) -> object:
    return presenters.extra_text(item, key)


@register.filter
def says_more(written: object, shown: object) -> bool:
    """True when ``written`` is not already part of the text ``shown`` beside it (nothing said twice)."""
    return presenters.says_more(written, shown)
