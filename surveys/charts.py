"""Server-side SVG charts for the reports: horizontal bars with their figures written beside
them. No script, no style attributes (classes only, styled in pelayan.css); each chart has a
title and a description, and the page shows the same figures in a table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    text: str  # the figure as written beside the bar
    tone: str = ""  # a class suffix: "good", "warn", "bad"


LABEL_CHARS = 48


def _short(label: str) -> str:
    """A label that fits beside the bars; the whole label is in the row's title and the table."""
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def bar_chart(*, title: str, description: str, bars: Sequence[Bar], maximum: float, ident: str) -> SafeString:
    label_w, bar_w, row_h, gap = 330, 300, 22, 8
    width = label_w + bar_w + 90
    height = len(bars) * (row_h + gap) + gap
    parts = [
        f'<svg class="skm-chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-t">{escape(title)}</title>',
        f'<desc id="{ident}-d">{escape(description)}</desc>',
    ]
    for i, bar in enumerate(bars):
        y = gap + i * (row_h + gap)
        length = (
            0 if bar.value is None or maximum <= 0 else round(bar_w * min(bar.value, maximum) / maximum, 1)
        )
        tone = f" skm-chart__bar--{bar.tone}" if bar.tone else ""
        parts.append(
            f"<g><title>{escape(bar.label)}: {escape(bar.text)}</title>"
            f'<text class="skm-chart__label" x="{label_w - 8}" y="{y + row_h - 6}" text-anchor="end">'
            f"{escape(_short(bar.label))}</text>"
            f'<rect class="skm-chart__track" x="{label_w}" y="{y}" width="{bar_w}" height="{row_h}"/>'
            f'<rect class="skm-chart__bar{tone}" x="{label_w}" y="{y}" width="{length}" height="{row_h}"/>'
            f'<text class="skm-chart__value" x="{label_w + bar_w + 8}" y="{y + row_h - 6}">{escape(bar.text)}</text>'
            "</g>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
