"""The executable procedure of a standard as a flat set of facts, and the comparison of two such sets.

Pure Python. A fact is one thing a running case depends on: how many tracks there are and which
channels enter each, who performs each step and under which role, where each way out of a step
leads, and how each time limit is bound (its maximum, track, start and stop). Steps are named by
their place, not their id ("T2.3": the third step of the second track, "*.1": the first step shared
by every track), so an imported draft can be compared with a hand-made standard whose ids differ.

Used to measure the importer against the demo standards: ``compare_facts(expected, actual,
review_paths)`` says which facts agree, which differ or are missing, and which the importer marked
for review instead of deciding.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

SHARED = "*"


@dataclass(frozen=True)
class Fact:
    value: Any
    path: str  # where the fact lives in the components, e.g. "procedure.steps.s3.role"


def _quantity(value: Mapping[str, Any] | None) -> str | None:
    if not value:
        return None
    return f"{value.get('value')} {value.get('unit')}"


def _track_refs(procedure: Mapping[str, Any]) -> dict[Any, str]:
    """Track key (or, for drafts without declared tracks, the raw track value) → "T1", "T2", …"""
    refs: dict[Any, str] = {}
    for track in procedure.get("tracks") or []:
        refs.setdefault(track.get("key"), f"T{len(refs) + 1}")
    for step in procedure.get("steps") or []:
        track = step.get("track")
        if track is not None and track not in refs:
            refs[track] = f"T{len(refs) + 1}"
    return refs


def step_refs(procedure: Mapping[str, Any]) -> dict[str, str]:
    """Step id → its place ("T1.2", "*.1")."""
    tracks = _track_refs(procedure)
    counts: dict[str, int] = {}
    refs: dict[str, str] = {}
    for step in procedure.get("steps") or []:
        group = tracks.get(step.get("track"), SHARED) if step.get("track") is not None else SHARED
        counts[group] = counts.get(group, 0) + 1
        refs.setdefault(str(step.get("id")), f"{group}.{counts[group]}")
    return refs


def _point(point: Mapping[str, Any] | None, refs: Mapping[str, str]) -> str | None:
    if not point:
        return None
    return f"{refs.get(str(point.get('step')), '?' + str(point.get('step')))}:{point.get('on')}"


def procedure_facts(components: Mapping[str, Any]) -> dict[str, Fact]:
    """The facts of one standard's components (as JSON)."""
    procedure = components.get("procedure") or {}
    tracks = _track_refs(procedure)
    refs = step_refs(procedure)
    facts: dict[str, Fact] = {}
    declared = procedure.get("tracks") or []
    facts["tracks.count"] = Fact(len(declared), "procedure.tracks")
    for track in declared:
        ref = tracks[track.get("key")]
        kinds = sorted({str(c.get("kind")) for c in track.get("channels") or []})
        facts[f"track.{ref}.channels"] = Fact(kinds, f"procedure.tracks.{track.get('key')}.channels")
    groups: dict[str, int] = {}
    for ref in refs.values():
        group = ref.split(".")[0]
        groups[group] = groups.get(group, 0) + 1
    for group, count in groups.items():
        facts[f"steps.{group}.count"] = Fact(count, "procedure.steps")
    for step in procedure.get("steps") or []:
        sid = str(step.get("id"))
        ref = refs[sid]
        base = f"procedure.steps.{sid}"
        performer = step.get("performer")
        facts[f"step.{ref}.performer"] = Fact(performer, f"{base}.performer")
        if performer == "staff" or step.get("role"):
            facts[f"step.{ref}.role"] = Fact(step.get("role"), f"{base}.role")
        facts[f"step.{ref}.pauses_clock"] = Fact(
            bool(step.get("pauses_clock") or step.get("pausable")), f"{base}.pauses_clock"
        )
        transitions = step.get("transitions") or []
        facts[f"step.{ref}.exits"] = Fact(len(transitions), f"{base}.transitions")
        for transition in transitions:
            target = (
                f"end:{transition.get('end')}"
                if transition.get("end")
                else refs.get(str(transition.get("to")), f"?{transition.get('to')}")
            )
            facts[f"step.{ref}.exit.{transition.get('kind')}"] = Fact(target, f"{base}.transitions")
    for n, limit in enumerate(components.get("time_limits") or [], start=1):
        base = f"time_limits.{limit.get('key') or n}"
        track = limit.get("track")
        facts[f"limit.L{n}.max"] = Fact(_quantity(limit.get("max")), f"{base}.max")
        facts[f"limit.L{n}.open_ended"] = Fact(bool(limit.get("open_ended")), f"{base}.open_ended")
        facts[f"limit.L{n}.track"] = Fact(tracks.get(track, track) if track else None, f"{base}.track")
        facts[f"limit.L{n}.start"] = Fact(_point(limit.get("start"), refs), f"{base}.start")
        facts[f"limit.L{n}.stop"] = Fact(_point(limit.get("stop"), refs), f"{base}.stop")
    return facts


@dataclass(frozen=True)
class Difference:
    fact: str
    expected: Any
    actual: Any

    def __str__(self) -> str:
        return f"{self.fact}: expected {self.expected!r}, got {self.actual!r}"


@dataclass
class FactReport:
    total: int = 0  # facts of the expected standard
    agree: int = 0
    review: list[str] = field(default_factory=list)  # expected facts the draft marked for review
    differences: list[Difference] = field(default_factory=list)  # wrong or missing
    extra: list[Difference] = field(default_factory=list)  # facts only the draft has

    @property
    def wrong(self) -> int:
        return len(self.differences)

    @property
    def agreement(self) -> float:
        """Share of the expected facts the draft states correctly (review counts as not stated)."""
        return self.agree / self.total if self.total else 1.0

    def lines(self) -> list[str]:
        return [str(d) for d in self.differences] + [f"(extra) {d}" for d in self.extra]


def _reviewed(path: str, review_paths: Collection[str]) -> bool:
    return any(path == p or path.startswith(p + ".") for p in review_paths)


def compare_facts(
    expected: Mapping[str, Any], actual: Mapping[str, Any], review_paths: Collection[str] = ()
) -> FactReport:
    """Compare the facts of an expected standard with those of a draft, both as components JSON.

    A fact of the draft whose path (or a parent of it) is in ``review_paths`` was marked for review:
    it is neither right nor wrong, and is listed under ``review``.
    """
    want, have = procedure_facts(expected), procedure_facts(actual)
    report = FactReport(total=len(want))
    for key, fact in want.items():
        got = have.get(key)
        if got is not None and _reviewed(got.path, review_paths):
            report.review.append(key)
        elif got is not None and got.value == fact.value:
            report.agree += 1
        else:
            report.differences.append(Difference(key, fact.value, None if got is None else got.value))
    for key, fact in have.items():
        if key not in want and not _reviewed(fact.path, review_paths):
            report.extra.append(Difference(key, None, fact.value))
    return report
