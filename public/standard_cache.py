"""The presentation of a published standard, made once per version and language in each process.

A published version never changes (standards.services refuses to edit anything but a draft), so
what the service page derives from it alone — the StandardPage, the body of the page (decree and
the fourteen components, flowcharts included) rendered to HTML, and the online tracks one can apply
through — is the same on every request. Making it took most of the page's time; it is kept here,
keyed on the version's pk, its ``updated_at`` (which moves with any change of status) and the
language. What can change under a published version — the service (name, unit, switch-off), the
agency (name, address) and its calendar — is read and rendered on each request, never cached.

In process memory rather than Django's cache: the values hold lazy translations and model
instances that need not survive pickling, and a key that never goes stale needs no invalidation
across processes. Bounded (least recently used out) so a large registry cannot fill memory.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString

from public import citizen, presenters
from standards.models import Standard

MAX_ENTRIES = 256


@dataclass(frozen=True)
class StandardPresentation:
    page: presenters.StandardPage
    body: SafeString
    apply: list[citizen.ApplyChoice]


_entries: OrderedDict[tuple[int, str, str], StandardPresentation] = OrderedDict()
_lock = threading.Lock()


def _make(standard: Standard) -> StandardPresentation:
    page = presenters.standard_page(standard)
    body = render_to_string("public/_standard_body.html", {"page": page})
    return StandardPresentation(
        page=page, body=SafeString(body), apply=citizen.apply_choices(citizen.online_tracks(standard))
    )


def standard_presentation(standard: Standard) -> StandardPresentation:
    """The presentation of a published ``standard`` in the active language."""
    key = (standard.pk, standard.updated_at.isoformat(), translation.get_language() or "")
    with _lock:
        found = _entries.get(key)
        if found is not None:
            _entries.move_to_end(key)
            return found
    made = _make(standard)
    with _lock:
        _entries[key] = made
        _entries.move_to_end(key)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return made


def clear() -> None:
    """Forget every presentation (tests that change templates or translations)."""
    with _lock:
        _entries.clear()
