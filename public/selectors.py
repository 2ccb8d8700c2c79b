"""Reads of the citizen's pages that the registry's and the case engine's selectors do not cover."""

from __future__ import annotations

from cases.models import Case


def case_for_tracking(*, case_id: int, number: str) -> Case | None:
    """The case the visitor proved they hold (its id and number kept in their session), with all
    the tracking page shows, in one query."""
    return (
        Case.objects.select_related("agency", "service", "standard", "process", "current_role")
        .filter(pk=case_id, number=number)
        .first()
    )
