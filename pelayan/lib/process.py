"""The executable procedure: a standard's procedure compiled into the process a case runs.

Pure Python. ``check_process`` finds what would stop a procedure from running (a transition to a
step that does not exist, a staff step without a role, a step nobody can reach, a track with no
way to an end …); ``compile_process`` turns a procedure without such errors into a frozen
``Process`` with a content hash, which publishing stores and every case keeps for life. ``move``
says what taking one transition does: the step left and entered, the end reached, and which
time-limit clocks start, stop, pause or resume.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from pelayan.lib.compliance import Finding, Severity
from pelayan.lib.standard_schema import (
    ClockEdge,
    Components,
    EndState,
    Performer,
    ProcedureStep,
    TransitionKind,
    product_key,
)

# Bump when the compiled form or its meaning changes; stored with every process definition.
COMPILER_VERSION = 1


class ProcessError(ValueError):
    """The procedure cannot be compiled; ``findings`` say where and why."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__("; ".join(f"{f.code} {f.path} {f.params}" for f in findings))


class ClockChange(StrEnum):
    START = "start"
    STOP = "stop"
    PAUSE = "pause"
    RESUME = "resume"


@dataclass(frozen=True)
class CompiledTransition:
    key: str
    kind: str
    label: str
    to: str | None
    end: str | None
    condition: str | None
    outcome: str | None


@dataclass(frozen=True)
class CompiledStep:
    id: str
    number: int  # 1-based position within its track, as numbered on the public page
    track: str | None
    text: str
    performer: str
    role: str | None
    unit: str | None
    units: tuple[str, ...]
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    pauses_clock: bool
    transitions: tuple[CompiledTransition, ...]

    def transition(self, key: str) -> CompiledTransition | None:
        return next((t for t in self.transitions if t.key == key), None)

    @property
    def pausable(self) -> bool:  # read by the SLA clock's pause rule
        return self.pauses_clock


@dataclass(frozen=True)
class CompiledTrack:
    key: str
    title: str
    channels: tuple[str, ...]
    entry: str
    steps: tuple[str, ...]


@dataclass(frozen=True)
class CompiledLimit:
    key: str
    label: str
    text: str
    track: str | None
    value: int
    unit: str
    start: tuple[str, str] | None  # (step id, "enter" | "leave"); None = when the case is submitted
    stop: tuple[str, str] | None  # None = when the case ends


@dataclass(frozen=True)
class Process:
    tracks: tuple[CompiledTrack, ...]
    steps: dict[str, CompiledStep]
    limits: tuple[CompiledLimit, ...]
    requirements: tuple[str, ...]
    roles: tuple[str, ...]
    compiler_version: int = COMPILER_VERSION
    digest: str = field(default="", compare=False)

    def track(self, key: str | None) -> CompiledTrack:
        if key is None:
            return self.tracks[0]
        for track in self.tracks:
            if track.key == key:
                return track
        raise KeyError(key)

    def step(self, step_id: str) -> CompiledStep:
        return self.steps[step_id]

    def limits_for(self, track: str) -> tuple[CompiledLimit, ...]:
        return tuple(limit for limit in self.limits if limit.track in (None, track))

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("digest")
        # A list, not an object: PostgreSQL's jsonb does not keep the order of an object's keys,
        # and the steps' order is the decree's.
        data["steps"] = list(data["steps"].values())
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any], digest: str = "") -> Process:
        def limit(raw: dict[str, Any]) -> CompiledLimit:
            return CompiledLimit(
                **{
                    **raw,
                    "start": tuple(raw["start"]) if raw["start"] else None,
                    "stop": tuple(raw["stop"]) if raw["stop"] else None,
                }
            )

        return cls(
            tracks=tuple(
                CompiledTrack(**{**t, "channels": tuple(t["channels"]), "steps": tuple(t["steps"])})
                for t in data["tracks"]
            ),
            steps={
                s["id"]: CompiledStep(
                    **{
                        **s,
                        "units": tuple(s["units"]),
                        "requires": tuple(s["requires"]),
                        "produces": tuple(s["produces"]),
                        "transitions": tuple(CompiledTransition(**t) for t in s["transitions"]),
                    }
                )
                for s in data["steps"]
            },
            limits=tuple(limit(raw) for raw in data["limits"]),
            requirements=tuple(data["requirements"]),
            roles=tuple(data["roles"]),
            compiler_version=data["compiler_version"],
            digest=digest,
        )


def process_digest(data: dict[str, Any]) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# -- checking ----------------------------------------------------------------------------------

DEFAULT_LABELS: dict[str, str] = {
    TransitionKind.SUBMIT: "Ajukan",
    TransitionKind.COMPLETE: "Selesai",
    TransitionKind.APPROVE: "Setujui",
    TransitionKind.RETURN: "Kembalikan untuk dilengkapi",
    TransitionKind.REJECT: "Tolak",
    TransitionKind.SIGN: "Tandatangani",
    TransitionKind.FORWARD: "Teruskan",
    TransitionKind.DISPOSE: "Disposisikan",
    TransitionKind.WITHDRAW: "Tarik permohonan",
}


def _finding(code: str, path: str, **params: Any) -> Finding:
    return Finding(Severity.ERROR, code, "procedure", path, params)


def _track_steps(steps: list[ProcedureStep], track: str) -> list[ProcedureStep]:
    return [step for step in steps if step.track in (None, track)]


def check_process(
    components: Components,
    *,
    roles: Collection[str] | None = None,
    units: Collection[str] | None = None,
) -> list[Finding]:
    """Everything that stops the procedure from running, as compliance errors.

    ``roles`` and ``units`` are the agency's role codes and unit slugs; when ``None`` (a standard
    checked without its agency) those references are not checked.
    """
    procedure = components.procedure
    findings: list[Finding] = []
    if not procedure.steps:
        return findings
    ids = [step.id for step in procedure.steps]
    known = set(ids)
    track_keys = [track.key for track in procedure.tracks]
    if not procedure.tracks:
        findings.append(_finding("procedure_without_track", "tracks"))
    for key in {k for k in track_keys if track_keys.count(k) > 1}:
        findings.append(_finding("duplicate_track", "tracks", track=key))
    requirement_keys = [r.key for r in components.requirements]
    if any(key is None for key in requirement_keys):
        findings.append(Finding(Severity.ERROR, "requirement_without_key", "requirements", "", {}))
    product_keys = {product_key(p) for p in components.products}
    for index, track in enumerate(procedure.tracks):
        steps = _track_steps(procedure.steps, track.key)
        path = f"tracks[{index}]"
        if track.entry is not None and track.entry not in {s.id for s in steps}:
            findings.append(_finding("track_unknown_entry", path, track=track.key, step=track.entry))
        if not steps:
            findings.append(_finding("track_without_steps", path, track=track.key))
    for index, step in enumerate(procedure.steps):
        path = f"steps[{index}]"
        number = index + 1
        if step.track is not None and step.track not in track_keys:
            findings.append(_finding("step_unknown_track", path, step=number, track=step.track))
        if step.performer is None:
            findings.append(_finding("step_without_performer", path, step=number))
        if step.performer == Performer.STAFF and not step.role:
            findings.append(_finding("staff_step_without_role", path, step=number))
        if step.role and roles is not None and step.role not in roles:
            findings.append(_finding("step_unknown_role", path, step=number, role=step.role))
        for unit in ([step.unit] if step.unit else []) + step.units:
            if units is not None and unit not in units:
                findings.append(_finding("step_unknown_unit", path, step=number, unit=unit))
        for key in step.requires:
            if key not in requirement_keys:
                findings.append(_finding("step_unknown_requirement", path, step=number, requirement=key))
        for key in step.produces:
            if key not in product_keys:
                findings.append(_finding("step_unknown_product", path, step=number, product=key))
        if not step.transitions:
            findings.append(_finding("step_without_transition", path, step=number))
        keys = [t.key for t in step.transitions]
        for key in {k for k in keys if keys.count(k) > 1}:
            findings.append(_finding("duplicate_transition", path, step=number, transition=key))
        for t_index, transition in enumerate(step.transitions):
            if transition.to is not None and transition.to not in known:
                findings.append(
                    _finding(
                        "transition_unknown_target",
                        f"{path}.transitions[{t_index}]",
                        step=number,
                        target=transition.to,
                    )
                )
        if step.performer == Performer.SYSTEM and len(step.transitions) > 1:
            findings.append(_finding("system_step_with_choices", path, step=number))
    for step_id in {i for i in ids if ids.count(i) > 1}:
        findings.append(_finding("duplicate_step_id", "steps", id=step_id))
    if findings:
        return findings
    findings += _check_graph(components)
    findings += _check_limits(components)
    return findings


def _entry(components: Components, track_key: str) -> str:
    track = next(t for t in components.procedure.tracks if t.key == track_key)
    if track.entry:
        return track.entry
    return _track_steps(components.procedure.steps, track_key)[0].id


def _check_graph(components: Components) -> list[Finding]:
    procedure = components.procedure
    by_id = {step.id: step for step in procedure.steps}
    reached_any: set[str] = set()
    findings: list[Finding] = []
    for index, track in enumerate(procedure.tracks):
        in_track = {s.id for s in _track_steps(procedure.steps, track.key)}
        entry = _entry(components, track.key)
        reached: set[str] = set()
        ends = False
        todo = [entry]
        while todo:
            step_id = todo.pop()
            if step_id in reached:
                continue
            reached.add(step_id)
            for transition in by_id[step_id].transitions:
                if transition.end is not None:
                    ends = True
                elif transition.to is not None:
                    if transition.to not in in_track:
                        findings.append(
                            _finding(
                                "transition_leaves_track",
                                f"tracks[{index}]",
                                track=track.key,
                                step=step_id,
                                target=transition.to,
                            )
                        )
                        continue
                    todo.append(transition.to)
        # Every reached step must still be able to finish, not only the entry.
        if not ends or not _all_can_end(by_id, reached):
            findings.append(_finding("track_without_end", f"tracks[{index}]", track=track.key))
        reached_any |= reached
    for index, step in enumerate(procedure.steps):
        if step.id not in reached_any:
            findings.append(_finding("step_unreachable", f"steps[{index}]", step=index + 1))
    return findings


def _all_can_end(by_id: dict[str, ProcedureStep], reached: set[str]) -> bool:
    can_end = {s for s in reached if any(t.end is not None for t in by_id[s].transitions)}
    changed = True
    while changed:
        changed = False
        for step_id in reached - can_end:
            if any(t.to in can_end for t in by_id[step_id].transitions):
                can_end.add(step_id)
                changed = True
    return can_end >= reached


def _check_limits(components: Components) -> list[Finding]:
    findings: list[Finding] = []
    ids = {step.id for step in components.procedure.steps}
    tracks = {track.key for track in components.procedure.tracks}
    keys = [limit.key for limit in components.time_limits if limit.key]
    for key in {k for k in keys if keys.count(k) > 1}:
        findings.append(Finding(Severity.ERROR, "duplicate_time_limit", "time_limits", "", {"key": key}))
    for index, limit in enumerate(components.time_limits):
        path = f"[{index}]"
        if limit.max is None or limit.open_ended:
            continue
        if not limit.key:
            findings.append(Finding(Severity.ERROR, "time_limit_without_key", "time_limits", path, {}))
        if limit.track is not None and limit.track not in tracks:
            findings.append(
                Finding(
                    Severity.ERROR, "time_limit_unknown_track", "time_limits", path, {"track": limit.track}
                )
            )
        for point in (limit.start, limit.stop):
            if point is not None and point.step not in ids:
                findings.append(
                    Finding(
                        Severity.ERROR, "time_limit_unknown_step", "time_limits", path, {"step": point.step}
                    )
                )
        for step_id in limit.step_ids:
            if step_id not in ids:
                findings.append(
                    Finding(Severity.ERROR, "time_limit_unknown_step", "time_limits", path, {"step": step_id})
                )
    return findings


# -- compiling ---------------------------------------------------------------------------------


def compile_process(
    components: Components,
    *,
    roles: Collection[str] | None = None,
    units: Collection[str] | None = None,
) -> Process:
    """Compile a checked procedure; raises ``ProcessError`` with the findings otherwise."""
    findings = check_process(components, roles=roles, units=units)
    if not components.procedure.steps:
        findings.append(_finding("procedure_without_steps", "steps"))
    if findings:
        raise ProcessError(findings)
    procedure = components.procedure
    tracks = []
    numbers: dict[str, int] = {}
    for track in procedure.tracks:
        in_track = _track_steps(procedure.steps, track.key)
        for number, step in enumerate(in_track, start=1):
            # A step shared by several tracks keeps the number of the first track it appears in.
            numbers.setdefault(step.id, number)
        tracks.append(
            CompiledTrack(
                key=track.key,
                title=track.title,
                channels=tuple(str(channel.kind) for channel in track.channels),
                entry=_entry(components, track.key),
                steps=tuple(step.id for step in in_track),
            )
        )
    steps = {
        step.id: CompiledStep(
            id=step.id,
            number=numbers[step.id],
            track=step.track,
            text=step.text,
            performer=str(step.performer),
            role=step.role,
            unit=step.unit,
            units=tuple(step.units),
            requires=tuple(step.requires),
            produces=tuple(step.produces),
            pauses_clock=step.pauses_clock,
            transitions=tuple(
                CompiledTransition(
                    key=t.key,
                    kind=str(t.kind),
                    label=t.label or DEFAULT_LABELS[t.kind],
                    to=t.to,
                    end=str(t.end) if t.end else None,
                    condition=t.condition,
                    outcome=t.outcome,
                )
                for t in step.transitions
            ),
        )
        for step in procedure.steps
    }
    limits = tuple(
        CompiledLimit(
            key=limit.key or "",
            label=limit.label or "",
            text=limit.text,
            track=limit.track,
            value=limit.max.value,
            unit=str(limit.max.unit),
            start=(limit.start.step, str(limit.start.on)) if limit.start else None,
            stop=(limit.stop.step, str(limit.stop.on)) if limit.stop else None,
        )
        for limit in components.time_limits
        if limit.max is not None and not limit.open_ended
    )
    process = Process(
        tracks=tuple(tracks),
        steps=steps,
        limits=limits,
        requirements=tuple(r.key or "" for r in components.requirements),
        roles=tuple(sorted({s.role for s in procedure.steps if s.role})),
    )
    data = process.to_json()
    return Process.from_json(data, digest=process_digest(data))


# -- running -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """What taking one transition does to a case."""

    left: str
    transition: CompiledTransition
    entered: str | None  # the next step; None when the case ends
    end: str | None
    clocks: tuple[tuple[str, ClockChange], ...]  # (limit key, change), in order


def _hits(point: tuple[str, str] | None, left: str | None, entered: str | None) -> bool:
    if point is None:
        return False
    step, edge = point
    return (edge == ClockEdge.LEAVE and step == left) or (edge == ClockEdge.ENTER and step == entered)


def clock_changes(
    process: Process,
    *,
    track: str,
    left: str | None,
    entered: str | None,
    ended: bool,
    running: Iterable[str],
    paused: Iterable[str],
    submitted: bool = False,
) -> tuple[tuple[str, ClockChange], ...]:
    """The clock changes of one move. ``running``/``paused`` are the limit keys whose clocks are
    running or paused now; ``submitted`` marks the move that submits a new case."""
    running, paused = set(running), set(paused)
    started = running | paused
    changes: list[tuple[str, ClockChange]] = []
    entering = process.steps[entered] if entered else None
    leaving = process.steps[left] if left else None
    for limit in process.limits_for(track):
        key = limit.key
        live = key in started
        if not live and ((limit.start is None and submitted) or _hits(limit.start, left, entered)):
            changes.append((key, ClockChange.START))
            live = True
            if entering is not None and entering.pauses_clock:
                changes.append((key, ClockChange.PAUSE))
            if not ended and not _hits(limit.stop, left, entered):
                continue
        if not live:
            continue
        if ended or _hits(limit.stop, left, entered):
            changes.append((key, ClockChange.STOP))
            continue
        if (
            key in paused
            and leaving is not None
            and leaving.pauses_clock
            and not (entering is not None and entering.pauses_clock)
        ):
            changes.append((key, ClockChange.RESUME))
        elif key in running and entering is not None and entering.pauses_clock:
            changes.append((key, ClockChange.PAUSE))
    return tuple(changes)


def move(
    process: Process,
    *,
    track: str,
    step: str,
    transition: str,
    running: Iterable[str] = (),
    paused: Iterable[str] = (),
    submitted: bool = False,
) -> Move:
    """Take ``transition`` out of ``step``; raises ``KeyError`` for a transition the step lacks."""
    current = process.steps[step]
    chosen = current.transition(transition)
    if chosen is None:
        raise KeyError(transition)
    entered = chosen.to
    ended = chosen.end is not None
    return Move(
        left=step,
        transition=chosen,
        entered=entered,
        end=chosen.end,
        clocks=clock_changes(
            process,
            track=track,
            left=step,
            entered=entered,
            ended=ended,
            running=running,
            paused=paused,
            submitted=submitted,
        ),
    )


def end_state(value: str) -> EndState:
    return EndState(value)
