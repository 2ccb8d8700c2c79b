"""Compliance check of a standard's fourteen components (PermenPAN-RB 15/2014).

Pure Python. Returns findings as codes with parameters; the web layer turns codes into translated
sentences. An ``error`` blocks publishing; a ``warning`` is shown to the agency admin for review.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pydantic import ValidationError

from pelayan.lib.standard_schema import (
    COMPONENT_KEYS,
    ChannelKind,
    Components,
    DurationUnit,
    Flow,
    Quantity,
)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str
    component: str
    path: str = ""
    params: dict[str, Any] = field(default_factory=dict)


_UNIT_SCALE_MINUTES = {
    DurationUnit.MINUTE: 1,
    DurationUnit.HOUR: 60,
    # Only used to compare min and max of one range, never to compute a due moment.
    DurationUnit.DAY: 24 * 60,
    DurationUnit.WORKING_DAY: 24 * 60,
    DurationUnit.CALENDAR_DAY: 24 * 60,
}
_ADDRESSED_CHANNELS = {
    ChannelKind.EMAIL,
    ChannelKind.PHONE,
    ChannelKind.WHATSAPP,
    ChannelKind.SMS,
    ChannelKind.FAX,
    ChannelKind.WEBSITE,
}


def check_json(
    data: dict[str, Any],
    *,
    roles: Collection[str] | None = None,
    units: Collection[str] | None = None,
) -> list[Finding]:
    """Check raw JSON; a payload that does not fit the schema is reported field by field."""
    try:
        components = Components.model_validate(data)
    except ValidationError as exc:
        return [
            Finding(
                Severity.ERROR,
                "invalid_value",
                str(error["loc"][0]) if error["loc"] else "",
                ".".join(str(part) for part in error["loc"]),
                {"detail": error["msg"]},
            )
            for error in exc.errors()
        ]
    return check(components, roles=roles, units=units)


def check(
    components: Components,
    *,
    roles: Collection[str] | None = None,
    units: Collection[str] | None = None,
) -> list[Finding]:
    """``roles``/``units``: the agency's role codes and unit slugs, to check the procedure's
    references; ``None`` skips those checks (a standard read without its agency)."""
    findings: list[Finding] = []
    for key in COMPONENT_KEYS:
        if _is_empty(components, key):
            findings.append(Finding(Severity.ERROR, "missing_component", key))
    findings += _check_procedure(components, roles, units)
    findings += _check_time_limits(components)
    findings += _check_fee(components)
    findings += _check_complaints(components)
    findings += _check_complaint_procedure(components, roles, units)
    findings += _check_management(components)
    return findings


def _is_empty(c: Components, key: str) -> bool:
    match key:
        case "procedure":
            return not c.procedure.steps and not c.procedure.flows
        case "fee":
            return c.fee.amount is None and not c.fee.text.strip()
        case "complaint_handling":
            h = c.complaint_handling
            return not (h.channels or h.steps or h.flows or h.tiers or h.procedure)
        case "staff_count":
            s = c.staff_count
            return s.total is None and not s.roles and not s.text.strip()
        case _:
            return not getattr(c, key)


def _check_procedure(
    c: Components, roles: Collection[str] | None, units: Collection[str] | None
) -> list[Finding]:
    # Imported here: the process module reports its findings with this module's Finding.
    from pelayan.lib.process import check_process

    findings: list[Finding] = []
    for index, step in enumerate(c.procedure.steps):
        if not step.actor:
            findings.append(
                Finding(
                    Severity.WARNING,
                    "step_without_actor",
                    "procedure",
                    f"steps[{index}]",
                    {"step": index + 1},
                )
            )
    findings += check_process(c, roles=roles, units=units)
    for index, flow in enumerate(c.procedure.flows):
        findings += _check_flow(flow, "procedure", f"flows[{index}]")
    return findings


def _check_flow(flow: Flow, component: str, path: str) -> list[Finding]:
    node_ids = {node.id for node in flow.nodes}
    return [
        Finding(Severity.ERROR, "flow_edge_unknown_node", component, path, {"node": end})
        for edge in flow.edges
        for end in (edge.source, edge.target)
        if end not in node_ids
    ]


def _minutes(q: Quantity) -> int:
    return q.value * _UNIT_SCALE_MINUTES[q.unit]


def _check_range(q_min: Quantity | None, q_max: Quantity | None, component: str, path: str) -> list[Finding]:
    findings: list[Finding] = []
    if q_min and q_max and _minutes(q_min) > _minutes(q_max):
        findings.append(Finding(Severity.ERROR, "range_min_above_max", component, path))
    for q in (q_min, q_max):
        if q and q.unit == DurationUnit.DAY:
            findings.append(Finding(Severity.WARNING, "plain_days_are_working_days", component, path))
            break
    return findings


def _check_time_limits(c: Components) -> list[Finding]:
    findings: list[Finding] = []
    for index, limit in enumerate(c.time_limits):
        path = f"[{index}]"
        if limit.min is None and limit.max is None:
            if not limit.open_ended:
                findings.append(
                    Finding(Severity.ERROR, "time_limit_unparsed", "time_limits", path, {"text": limit.text})
                )
            continue
        findings += _check_range(limit.min, limit.max, "time_limits", path)
    if c.time_limits and all(limit.max is None and limit.min is None for limit in c.time_limits):
        findings.append(Finding(Severity.ERROR, "no_measurable_time_limit", "time_limits"))
    return findings


def _check_fee(c: Components) -> list[Finding]:
    if c.fee.amount is None and c.fee.text.strip():
        return [Finding(Severity.ERROR, "fee_amount_unparsed", "fee", "amount", {"text": c.fee.text})]
    if c.fee.amount and not c.fee.legal_basis:
        return [Finding(Severity.WARNING, "fee_without_legal_basis", "fee", "legal_basis")]
    return []


def _check_complaints(c: Components) -> list[Finding]:
    h = c.complaint_handling
    findings: list[Finding] = []
    if not h.channels and not _is_empty(c, "complaint_handling"):
        findings.append(
            Finding(Severity.ERROR, "complaint_without_channel", "complaint_handling", "channels")
        )
    for index, channel in enumerate(h.channels):
        if channel.kind in _ADDRESSED_CHANNELS and not channel.value:
            findings.append(
                Finding(
                    Severity.WARNING,
                    "channel_without_address",
                    "complaint_handling",
                    f"channels[{index}]",
                    {"kind": str(channel.kind)},
                )
            )
    for index, tier in enumerate(h.tiers):
        path = f"tiers[{index}]"
        if tier.max is None:
            findings.append(
                Finding(
                    Severity.ERROR, "tier_without_limit", "complaint_handling", path, {"label": tier.label}
                )
            )
        findings += _check_range(tier.min, tier.max, "complaint_handling", path)
    for index, flow in enumerate(h.flows):
        findings += _check_flow(flow, "complaint_handling", f"flows[{index}]")
    return findings


def _check_complaint_procedure(
    c: Components, roles: Collection[str] | None, units: Collection[str] | None
) -> list[Finding]:
    # Imported here: the complaint module builds on the process module, which imports this one.
    from pelayan.lib.complaints import check_complaint_handling

    return check_complaint_handling(c, roles=roles, units=units)


def _check_management(c: Components) -> list[Finding]:
    findings: list[Finding] = []
    for index, regulation in enumerate(c.legal_basis):
        if not (regulation.type and regulation.year):
            findings.append(
                Finding(
                    Severity.WARNING,
                    "regulation_unstructured",
                    "legal_basis",
                    f"[{index}]",
                    {"text": regulation.text},
                )
            )
    staff = c.staff_count
    if staff.total is None and not staff.roles and staff.text.strip():
        findings.append(
            Finding(Severity.WARNING, "staff_count_unparsed", "staff_count", "total", {"text": staff.text})
        )
    if staff.total is not None and staff.roles:
        role_sum = sum(role.count for role in staff.roles)
        if role_sum != staff.total:
            findings.append(
                Finding(
                    Severity.WARNING,
                    "staff_count_mismatch",
                    "staff_count",
                    "roles",
                    {"total": staff.total, "sum": role_sum},
                )
            )
    for index, evaluation in enumerate(c.performance_evaluation):
        if evaluation.frequency is None:
            findings.append(
                Finding(
                    Severity.WARNING,
                    "evaluation_without_frequency",
                    "performance_evaluation",
                    f"[{index}]",
                    {"text": evaluation.text},
                )
            )
    return findings
