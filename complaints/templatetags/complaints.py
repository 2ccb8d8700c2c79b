"""On the citizen's tracking page: the answer to a complaint and the form to rate it."""

from __future__ import annotations

from typing import Any

from django import template

from complaints.forms import RatingForm
from complaints.selectors import complaint_for_case

register = template.Library()


@register.inclusion_tag("complaints/_tracking.html")
def complaint_on_tracking(case: Any) -> dict[str, Any]:
    # complaint_create marks its cases, so a permohonan's page costs no extra query.
    is_complaint = case is not None and (case.details or {}).get("complaint") is True
    complaint = complaint_for_case(case=case) if is_complaint else None
    return {"complaint": complaint, "form": RatingForm() if complaint and complaint.answered_at else None}
