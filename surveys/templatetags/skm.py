"""Template helpers of the survey app.

``{% load skm %}{% skm_case_link case %}`` shows a finished case's survey link with its QR code
(nothing while the case is open or once it is answered): for the workspace case page, the receipt
and the public tracking page.
"""

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    """``mapping[key]`` in a template, or "" when absent."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.inclusion_tag("surveys/_case_link.html", takes_context=True)
def skm_case_link(context: Any, case: Any) -> dict[str, Any]:
    from surveys.selectors import survey_link_for_case, survey_qr_svg

    link = survey_link_for_case(case=case) if case is not None else None
    if link is None:
        return {"link": None}
    request = context.get("request")
    absolute = request.build_absolute_uri(link) if request is not None else link
    return {"link": absolute, "qr": survey_qr_svg(url=absolute)}
