"""The demo agencies' consultation rooms (``"consultations"`` in standards/demo/<agency>.json):
Banten's holding room and aula, where its standard holds every consultation."""

from __future__ import annotations

from typing import Any

from consultations.services import room_ensure
from standards.models import Agency


def consultations_demo_ensure(agency: Agency, spec: dict[str, Any]) -> None:
    for room in spec.get("rooms", []):
        room_ensure(agency=agency, name=room["name"], kind=room["kind"])
