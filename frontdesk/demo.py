"""The demo agencies' front office (``"frontdesk"`` in standards/demo/<agency>.json): desks,
queue lines and the check-in checklist, created through the services when missing."""

from __future__ import annotations

from typing import Any

from frontdesk.models import ChecklistItem, Counter, QueueLine
from frontdesk.services import checklist_replace, counter_save, queue_line_save
from standards.models import Agency, Service


def frontdesk_demo_ensure(agency: Agency, spec: dict[str, Any], actor: Any) -> None:
    for counter in spec.get("counters", []):
        if not Counter.objects.filter(agency=agency, number=counter["number"]).exists():
            counter_save(agency=agency, actor=actor, number=counter["number"], name=counter.get("name", ""))
    for position, line in enumerate(spec.get("lines", [])):
        if QueueLine.objects.filter(agency=agency, prefix=line["prefix"]).exists():
            continue
        service = Service.objects.get(agency=agency, slug=line["service"]) if line.get("service") else None
        queue_line_save(
            agency=agency,
            actor=actor,
            prefix=line["prefix"],
            name=line["name"],
            service=service,
            position=position,
        )
    if spec.get("checklist") and not ChecklistItem.objects.filter(agency=agency).exists():
        checklist_replace(agency=agency, actor=actor, texts=spec["checklist"])
