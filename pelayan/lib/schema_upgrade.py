"""Upgrade stored components from schema version 1 to 2 (the executable procedure).

Pure Python over plain JSON. Version 1 kept tracks, role codes and channel-to-track rules as
undeclared keys and had no transitions; the upgrade declares them, gives every step a
transition to the next step of its track (the last one ends the case), turns branches that name
a target into transitions, keys the requirements, and keeps the decree's wording.
What it cannot know (who performs a step the decree leaves vague) stays empty, and the
compliance check asks a reviewer for it before the standard can be published again.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from pelayan.lib.standard_schema import SCHEMA_VERSION, key_from_text

_APPLICANT_WORDS = re.compile(r"\b(pemohon|pengguna layanan|masyarakat|tamu|pengadu|pelapor)\b", re.I)
_STEP_KEYS = {
    "id", "text", "actor", "action", "performer", "role", "unit", "units", "requires", "produces",
    "pauses_clock", "transitions", "branches", "track",
}  # fmt: skip
_LIMIT_KEYS = {
    "key", "label", "text", "min", "max", "step_ids", "open_ended", "track", "start", "stop", "start_text",
}  # fmt: skip


def _unique(key: str, taken: set[str]) -> str:
    candidate, n = key, 2
    while candidate in taken:
        candidate = f"{key}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def upgrade_components(data: dict[str, Any]) -> dict[str, Any]:
    """Return ``data`` as schema version 2; a version-2 document is returned unchanged."""
    if data.get("schema_version", 1) >= SCHEMA_VERSION:
        return data
    out = copy.deepcopy(data)
    taken: set[str] = set()
    for requirement in out.get("requirements", []):
        requirement["key"] = _unique(requirement.get("key") or key_from_text(requirement["text"]), taken)
    out["procedure"] = _upgrade_procedure(out.get("procedure", {}))
    track_keys = {track["key"]: track for track in out["procedure"]["tracks"]}
    taken = set()
    for limit in out.get("time_limits", []):
        if "starts" in limit:
            limit["start_text"] = limit.pop("starts")
        if limit.get("track"):
            limit["track"] = key_from_text(limit["track"])
            if limit["track"] not in track_keys:
                limit["track"] = None
        if limit.get("key") or limit.get("max"):
            limit["key"] = _unique(limit.get("key") or key_from_text(limit.get("label") or "batas"), taken)
        for extra in set(limit) - _LIMIT_KEYS:
            limit.pop(extra)
    out["schema_version"] = SCHEMA_VERSION
    return out


def _upgrade_procedure(procedure: dict[str, Any]) -> dict[str, Any]:
    steps = [dict(step) for step in procedure.get("steps", [])]
    tracks = [
        {"key": key_from_text(t["key"]), "title": t.get("title") or t["key"], "channels": []}
        for t in procedure.get("tracks", [])
    ]
    for channel in procedure.get("submission_channels", []):
        channel = dict(channel)
        key = key_from_text(channel.pop("track", "") or "")
        target = next((t for t in tracks if t["key"] == key), tracks[0] if tracks else None)
        if target is not None:
            target["channels"].append(channel)
    taken: set[str] = set()
    for n, step in enumerate(steps, start=1):
        step["id"] = _unique(key_from_text(step.get("id") or f"s{n}"), taken)
        if step.get("track"):
            step["track"] = key_from_text(step["track"])
    if not tracks and steps:
        tracks = [{"key": "utama", "title": "Prosedur", "channels": []}]
    keys = {t["key"] for t in tracks}
    for track in {s["track"] for s in steps if s.get("track")} - keys:
        tracks.append({"key": track, "title": track, "channels": []})
    for step in steps:
        if "pausable" in step:
            step["pauses_clock"] = step.pop("pausable")
        if not step.get("performer"):
            if step.get("role"):
                step["performer"] = "staff"
            elif step.get("actor") and _APPLICANT_WORDS.search(step["actor"]):
                step["performer"] = "applicant"
    for track in tracks:
        in_track = [s for s in steps if s.get("track") in (None, track["key"])]
        for index, step in enumerate(in_track):
            if step.get("transitions"):
                continue
            transitions = []
            for branch in step.get("branches", []):
                if branch.get("goto"):
                    earlier = any(s["id"] == branch["goto"] for s in in_track[:index])
                    transitions.append(
                        {
                            "key": "kembalikan"
                            if earlier
                            else key_from_text(branch["condition"], max_length=30),
                            "kind": "return" if earlier else "complete",
                            "to": branch["goto"],
                            "condition": branch["condition"],
                            "outcome": branch.get("outcome"),
                        }
                    )
            nxt = in_track[index + 1]["id"] if index + 1 < len(in_track) else None
            if not any(t["to"] == nxt for t in transitions if nxt):
                transitions.append(
                    {"key": "lanjut", "kind": "complete", "to": nxt}
                    if nxt
                    else {"key": "selesai", "kind": "complete", "end": "completed"}
                )
            seen: set[str] = set()
            for transition in transitions:
                transition["key"] = _unique(transition["key"], seen)
            step["transitions"] = transitions
    for step in steps:
        step.setdefault("transitions", [])
        step["branches"] = [b for b in step.get("branches", []) if not b.get("goto")]
        for extra in set(step) - _STEP_KEYS:
            step.pop(extra)
    return {
        "tracks": tracks,
        "steps": steps,
        "flows": procedure.get("flows", []),
        "notes": procedure.get("notes", []),
    }
