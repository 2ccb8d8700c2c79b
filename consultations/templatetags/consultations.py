"""On the service page: the link to the request form; on the tracking page: the schedule with
the forms to confirm it or ask for another slot."""

from __future__ import annotations

from typing import Any

from django import template

from consultations import selectors
from consultations.forms import ConfirmForm, RescheduleForm
from consultations.models import BookingStatus

register = template.Library()


@register.inclusion_tag("consultations/_apply_link.html")
def consultation_apply_link(service: Any) -> dict[str, Any]:
    shown = getattr(service, "kind", "") == "consultation" and selectors.takes_written_requests(
        service=service
    )
    return {"service": service, "shown": shown}


@register.inclusion_tag("consultations/_tracking.html")
def consultation_on_tracking(case: Any) -> dict[str, Any]:
    consultation = selectors.consultation_for_tracking(case=case)
    booking = selectors.current_booking(request=consultation) if consultation else None
    open_offer = booking is not None and booking.status == BookingStatus.PROPOSED
    changeable = booking is not None and booking.status in (BookingStatus.PROPOSED, BookingStatus.CONFIRMED)
    return {
        "consultation": consultation,
        "booking": booking,
        "zone": case.agency.timezone if case is not None else "Asia/Jakarta",
        "confirm_form": ConfirmForm(initial={"booking": booking.pk}) if open_offer else None,
        "reschedule_form": RescheduleForm(initial={"booking": booking.pk}) if changeable else None,
    }
