"""Executable complaint handling: the standard's complaint component as a runnable process.

Pure Python. The complaint component carries its own procedure (same model as the service
procedure: tracks, steps with performer/role/unit, transitions) and time limits. It is checked and
compiled with the same rules as the service procedure (``pelayan.lib.process``); the tiers (Kalbar:
3 hours, 5, 14, 60 working days; Bangli: one range of 1–60 working days) become the allowance of
one of its time limits, chosen at the triage step. The compiled definition carries the tiers and
the names of the triage step, the supervisors and the recap's recipients, so a case keeps them for
life like the rest of its process.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from pelayan.lib.compliance import Finding, Severity
from pelayan.lib.durations import Duration, Unit
from pelayan.lib.process import Process, ProcessError, check_process, compile_process, process_digest
from pelayan.lib.standard_schema import ComplaintHandling, ComplaintTier, Components, Performer

COMPONENT = "complaint_handling"
# A tier without a key is known by its position; its key is then "tier-<n>".
_TIER_KEY = "tier-{}"


class TierError(ValueError):
    """A tier or target that the standard does not allow; ``code`` names the reason."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Tier:
    key: str
    label: str
    text: str
    maximum: Duration  # the cap
    minimum: Duration | None = None  # a range: the officer sets a target between the two

    @property
    def is_range(self) -> bool:
        return self.minimum is not None

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "text": self.text,
            "max": {"value": self.maximum.value, "unit": self.maximum.unit.value},
            "min": (
                {"value": self.minimum.value, "unit": self.minimum.unit.value}
                if self.minimum is not None
                else None
            ),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Tier:
        low = data.get("min")
        return cls(
            key=data["key"],
            label=data["label"],
            text=data.get("text") or "",
            maximum=Duration(int(data["max"]["value"]), Unit(data["max"]["unit"])),
            minimum=Duration(int(low["value"]), Unit(low["unit"])) if low else None,
        )


@dataclass(frozen=True)
class ComplaintRules:
    """What the case engine does not know about a complaint process: tiers and who is told."""

    tiers: tuple[Tier, ...]
    triage_step: str | None
    tier_limit: str | None
    supervisor_roles: tuple[str, ...]
    recap_roles: tuple[str, ...]
    evaluation_after_close: bool
    asks: tuple[str, ...]

    def tier(self, key: str) -> Tier:
        for tier in self.tiers:
            if tier.key == key:
                return tier
        raise TierError("unknown_tier", f"unknown tier {key!r}")

    def as_json(self) -> dict[str, Any]:
        return {
            "tiers": [tier.as_json() for tier in self.tiers],
            "triage_step": self.triage_step,
            "tier_limit": self.tier_limit,
            "supervisor_roles": list(self.supervisor_roles),
            "recap_roles": list(self.recap_roles),
            "evaluation_after_close": self.evaluation_after_close,
            "asks": list(self.asks),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ComplaintRules:
        return cls(
            tiers=tuple(Tier.from_json(t) for t in data.get("tiers", [])),
            triage_step=data.get("triage_step"),
            tier_limit=data.get("tier_limit"),
            supervisor_roles=tuple(data.get("supervisor_roles", [])),
            recap_roles=tuple(data.get("recap_roles", [])),
            evaluation_after_close=bool(data.get("evaluation_after_close", False)),
            asks=tuple(data.get("asks", [])),
        )


def has_procedure(components: Components) -> bool:
    procedure = components.complaint_handling.procedure
    return procedure is not None and bool(procedure.steps)


def complaint_components(components: Components) -> Components:
    """The complaint handling as a components document of its own, so the service procedure's
    checker and compiler run on it unchanged."""
    handling = components.complaint_handling
    if handling.procedure is None:
        raise ValueError("the complaint handling has no procedure")
    return Components(procedure=handling.procedure, time_limits=handling.time_limits)


def _tier_key(tier: ComplaintTier, index: int) -> str:
    return tier.key or _TIER_KEY.format(index + 1)


def _duration(quantity: Any) -> Duration:
    return Duration(quantity.value, Unit(str(quantity.unit)))


def rules_of(handling: ComplaintHandling) -> ComplaintRules:
    return ComplaintRules(
        tiers=tuple(
            Tier(
                key=_tier_key(tier, index),
                label=tier.label,
                text=tier.text or "",
                maximum=_duration(tier.max),
                minimum=_duration(tier.min) if tier.min is not None else None,
            )
            for index, tier in enumerate(handling.tiers)
            if tier.max is not None
        ),
        triage_step=handling.triage_step,
        tier_limit=handling.tier_limit
        or next((limit.key for limit in handling.time_limits if limit.key and limit.max), None),
        supervisor_roles=tuple(handling.supervisor_roles),
        recap_roles=tuple(handling.recap_roles),
        evaluation_after_close=handling.evaluation_after_close,
        asks=tuple(str(a) for a in handling.asks),
    )


def _relocated(finding: Finding) -> Finding:
    """A finding of the complaint procedure, reported under the complaint component."""
    path = f"{finding.component}.{finding.path}" if finding.path else finding.component
    return Finding(finding.severity, finding.code, COMPONENT, path, finding.params)


def _error(code: str, path: str, **params: Any) -> Finding:
    return Finding(Severity.ERROR, code, COMPONENT, path, params)


def check_complaint_handling(
    components: Components,
    *,
    roles: Collection[str] | None = None,
    units: Collection[str] | None = None,
) -> list[Finding]:
    """What stops the complaint handling from running (errors block publication)."""
    handling = components.complaint_handling
    findings: list[Finding] = []
    if not has_procedure(components):
        if handling.procedure is not None:
            findings.append(_error("complaint_procedure_without_steps", "procedure.steps"))
        return findings
    own = complaint_components(components)
    findings += [_relocated(f) for f in check_process(own, roles=roles, units=units)]
    steps = {step.id: step for step in own.procedure.steps}
    limit_keys = [limit.key for limit in handling.time_limits if limit.key and limit.max]
    if not limit_keys:
        # Kedopok's decree gives its complaints no time: the handling runs without a clock.
        findings.append(Finding(Severity.WARNING, "complaint_without_time_limit", COMPONENT, "time_limits"))
        if handling.tiers:
            findings.append(_error("complaint_tiers_without_time_limit", "time_limits"))
    if handling.triage_step is not None:
        step = steps.get(handling.triage_step)
        if step is None:
            findings.append(_error("complaint_triage_unknown_step", "triage_step", step=handling.triage_step))
        elif step.performer != Performer.STAFF:
            findings.append(_error("complaint_triage_not_staff", "triage_step", step=handling.triage_step))
    if handling.tiers and handling.triage_step is None:
        findings.append(_error("complaint_tiers_without_triage", "triage_step"))
    if handling.tier_limit is not None and handling.tier_limit not in limit_keys:
        findings.append(_error("complaint_tier_limit_unknown", "tier_limit", limit=handling.tier_limit))
    keys = [_tier_key(tier, index) for index, tier in enumerate(handling.tiers)]
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        findings.append(_error("complaint_duplicate_tier", "tiers", tier=key))
    for code in [*handling.supervisor_roles, *handling.recap_roles]:
        if roles is not None and code not in roles:
            findings.append(_error("complaint_unknown_role", "roles", role=code))
    return findings


@dataclass(frozen=True)
class CompiledComplaint:
    process: Process
    rules: ComplaintRules
    definition: dict[str, Any]  # what is stored: the process JSON plus the rules under "complaint"
    digest: str


def compile_complaint(
    components: Components,
    *,
    roles: Collection[str] | None = None,
    units: Collection[str] | None = None,
) -> CompiledComplaint:
    """Compile the complaint handling; raises ``ProcessError`` when it cannot run."""
    findings = [
        f
        for f in check_complaint_handling(components, roles=roles, units=units)
        if f.severity == Severity.ERROR
    ]
    if not has_procedure(components):
        findings.append(_error("complaint_procedure_without_steps", "procedure.steps"))
    if findings:
        raise ProcessError(findings)
    process = compile_process(complaint_components(components), roles=roles, units=units)
    rules = rules_of(components.complaint_handling)
    definition = {**process.to_json(), "complaint": rules.as_json()}
    digest = process_digest(definition)
    return CompiledComplaint(
        process=Process.from_json(definition, digest=digest),
        rules=rules,
        definition=definition,
        digest=digest,
    )


def rules_from_definition(definition: Mapping[str, Any]) -> ComplaintRules:
    return ComplaintRules.from_json(definition.get("complaint") or {})


def tier_allowance(tier: Tier, target: int | None = None) -> Duration:
    """The allowance a tier gives: its maximum, or for a range the officer's ``target`` (in the
    maximum's unit), which must lie inside the range; the maximum stays the cap."""
    if not tier.is_range:
        if target is not None and target != tier.maximum.value:
            raise TierError("target_not_allowed", "this tier has a fixed time limit")
        return tier.maximum
    if target is None:
        return tier.maximum
    low = tier.minimum.value if tier.minimum and tier.minimum.unit == tier.maximum.unit else 1
    if not low <= target <= tier.maximum.value:
        raise TierError(
            "target_out_of_range",
            f"the target must lie between {low} and {tier.maximum.value} {tier.maximum.unit.label_id}",
        )
    return Duration(target, tier.maximum.unit)


def allowance_text(tier: Tier, allowance: Duration) -> str:
    """How the clock names its allowance: the tier, and for a target inside a range the cap too."""
    if tier.is_range and allowance.value != tier.maximum.value:
        cap = Duration(tier.maximum.value, tier.maximum.unit, minimum=tier.minimum)
        return f"{tier.label}: {allowance.label()} (batas {cap.label()})"
    return f"{tier.label}: {allowance.label()}"
