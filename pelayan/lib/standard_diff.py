"""What changed between two versions of a standard, component by component. Pure Python.

``diff_components(old, new)`` returns the fourteen components in their order, each with its changes:
for a list, the items added, removed and changed (an item is recognised by its key, else by its
wording; a reworded item is "changed" rather than removed and added when the wordings stay close);
for the procedure, the steps, tracks and transitions added, removed and changed; for a single record
(fee, staff count), the fields changed. ``old`` None (no published version yet) lists everything as
added. Labels are the decree's own wording; the component names are translated by the caller
(standards.components.COMPONENT_LABELS).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pelayan.lib.standard_schema import COMPONENT_KEYS, Components, components_from_json, components_to_json

# Wordings at least this alike (0..1) are one item reworded, not one removed and one added.
REWORDED = 0.6
# A value shown in a diff is cut to this many characters: a long step stays readable.
MAX_SHOWN = 300
# Past this many leftover items on each side, rewordings are not searched for (quadratic).
MAX_PAIRED = 200


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class Part(StrEnum):
    """What a change is about, so the page can say "langkah", "alur", "kelanjutan"."""

    ITEM = "item"
    FIELD = "field"
    STEP = "step"
    TRACK = "track"
    TRANSITION = "transition"


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    part: Part
    path: str  # where in the component: "requirements.ktp", "procedure.steps.s3.transitions.ok"
    label: str  # the item as the decree words it (or the field's name)
    before: str | None = None
    after: str | None = None


@dataclass(frozen=True)
class ComponentDiff:
    key: str
    changes: tuple[Change, ...] = field(default_factory=tuple)

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for c in self.changes if c.kind == kind)


def _as_json(components: Components | dict[str, Any] | None) -> dict[str, Any]:
    if components is None:
        return components_to_json(Components())
    if isinstance(components, Components):
        return components_to_json(components)
    return components_to_json(components_from_json(components))


def shown(value: Any) -> str:
    """A value as one short line: an item's wording, else its fields."""
    if value is None:
        return "—"
    if isinstance(value, str):
        text = value
    elif isinstance(value, dict):
        text = str(value.get("text") or value.get("label") or value.get("title") or "") or json.dumps(
            {k: v for k, v in value.items() if v not in (None, [], "", {})},
            ensure_ascii=False,
            sort_keys=True,
        )
    else:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = " ".join(text.split())
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def _wording(item: Any) -> str:
    if isinstance(item, dict):
        return str(item.get("text") or item.get("label") or item.get("title") or "")
    return str(item)


def _identity_of(item: Any, keys: Sequence[str]) -> str:
    if isinstance(item, dict):
        for name in keys:
            if item.get(name):
                return f"{name}:{item[name]}"
        return "json:" + json.dumps(item, ensure_ascii=False, sort_keys=True)
    return f"text:{item}"


def _list_diff(
    old: list[Any], new: list[Any], *, path: str, keys: Sequence[str] = ("key",), part: Part = Part.ITEM
) -> list[Change]:
    """Items recognised by the first of ``keys`` they have, else by their wording."""
    ident: Callable[[Any], str] = lambda item: _identity_of(item, (*keys, "text"))  # noqa: E731
    old_by: dict[str, Any] = {}
    for item in old:
        old_by.setdefault(ident(item), item)
    new_by: dict[str, Any] = {}
    for item in new:
        new_by.setdefault(ident(item), item)
    changes: list[Change] = []
    for name, item in new_by.items():
        if name in old_by and old_by[name] != item:
            changes.append(
                Change(
                    ChangeKind.CHANGED,
                    part,
                    _item_path(path, name),
                    _label(item),
                    shown(old_by[name]),
                    shown(item),
                )
            )
    removed = [(n, i) for n, i in old_by.items() if n not in new_by]
    added = [(n, i) for n, i in new_by.items() if n not in old_by]
    if len(removed) <= MAX_PAIRED and len(added) <= MAX_PAIRED:
        removed, added, reworded = _pair_rewordings(removed, added, path, part)
        changes.extend(reworded)
    changes.extend(
        Change(ChangeKind.REMOVED, part, _item_path(path, n), _label(i), before=shown(i)) for n, i in removed
    )
    changes.extend(
        Change(ChangeKind.ADDED, part, _item_path(path, n), _label(i), after=shown(i)) for n, i in added
    )
    return changes


def _pair_rewordings(
    removed: list[tuple[str, Any]], added: list[tuple[str, Any]], path: str, part: Part
) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]], list[Change]]:
    """Pair each removed item with the closest added one, most alike first, when close enough."""
    scored = []
    for r_index, (_, r_item) in enumerate(removed):
        for a_index, (_, a_item) in enumerate(added):
            first, second = sorted((_wording(r_item).lower(), _wording(a_item).lower()))
            ratio = difflib.SequenceMatcher(None, first, second, autojunk=False).ratio() if first else 0.0
            if ratio >= REWORDED:
                scored.append((-ratio, r_index, a_index))
    scored.sort()
    used_r: set[int] = set()
    used_a: set[int] = set()
    changes = []
    for _, r_index, a_index in scored:
        if r_index in used_r or a_index in used_a:
            continue
        used_r.add(r_index)
        used_a.add(a_index)
        name, item = added[a_index]
        changes.append(
            Change(
                ChangeKind.CHANGED,
                part,
                _item_path(path, name),
                _label(item),
                shown(removed[r_index][1]),
                shown(item),
            )
        )
    return (
        [r for i, r in enumerate(removed) if i not in used_r],
        [a for i, a in enumerate(added) if i not in used_a],
        changes,
    )


def _item_path(path: str, identity: str) -> str:
    kind, _, value = identity.partition(":")
    return f"{path}.{value}" if kind not in ("text", "json") else path


def _label(item: Any) -> str:
    return shown(_wording(item) or item)


def _record_diff(
    old: dict[str, Any], new: dict[str, Any], *, path: str, skip: Sequence[str] = ()
) -> list[Change]:
    """Field by field, for a record that is not a list (fee, staff count)."""
    changes = []
    for name in sorted(set(old) | set(new)):
        if name in skip or old.get(name) == new.get(name):
            continue
        before, after = old.get(name), new.get(name)
        if isinstance(before, list) or isinstance(after, list):
            changes.extend(_list_diff(before or [], after or [], path=f"{path}.{name}", keys=("key", "kind")))
            continue
        changes.append(
            Change(ChangeKind.CHANGED, Part.FIELD, f"{path}.{name}", name, shown(before), shown(after))
        )
    return changes


def _procedure_diff(old: dict[str, Any] | None, new: dict[str, Any] | None, *, path: str) -> list[Change]:
    old, new = old or {}, new or {}
    changes = _keyed(old.get("tracks") or [], new.get("tracks") or [], "key", f"{path}.tracks", Part.TRACK)
    old_steps = {s["id"]: s for s in old.get("steps") or []}
    new_steps = {s["id"]: s for s in new.get("steps") or []}
    for sid, step in new_steps.items():
        where = f"{path}.steps.{sid}"
        if sid not in old_steps:
            changes.append(Change(ChangeKind.ADDED, Part.STEP, where, _label(step), after=shown(step)))
            continue
        before = old_steps[sid]
        body_before = {k: v for k, v in before.items() if k != "transitions"}
        body_after = {k: v for k, v in step.items() if k != "transitions"}
        if body_before != body_after:
            changes.append(
                Change(
                    ChangeKind.CHANGED, Part.STEP, where, _label(step), _step_shown(before), _step_shown(step)
                )
            )
        changes.extend(
            _keyed(
                before.get("transitions") or [],
                step.get("transitions") or [],
                "key",
                f"{where}.transitions",
                Part.TRANSITION,
                shown_as=_transition_shown,
            )
        )
    for sid, step in old_steps.items():
        if sid not in new_steps:
            changes.append(
                Change(ChangeKind.REMOVED, Part.STEP, f"{path}.steps.{sid}", _label(step), before=shown(step))
            )
    changes.extend(_list_diff(old.get("notes") or [], new.get("notes") or [], path=f"{path}.notes"))
    changes.extend(
        _list_diff(old.get("flows") or [], new.get("flows") or [], path=f"{path}.flows", keys=("title",))
    )
    return changes


def _step_shown(step: dict[str, Any]) -> str:
    details = [step.get("text") or ""]
    for name in ("actor", "role", "performer", "unit", "track"):
        if step.get(name):
            details.append(f"{name}: {step[name]}")
    return shown(" · ".join(details))


def _transition_shown(transition: dict[str, Any]) -> str:
    target = transition.get("to") or f"end: {transition.get('end')}"
    parts = [str(transition.get("label") or transition.get("kind") or transition.get("key")), f"→ {target}"]
    if transition.get("condition"):
        parts.append(f"({transition['condition']})")
    return shown(" ".join(parts))


def _keyed(
    old: list[dict[str, Any]],
    new: list[dict[str, Any]],
    key: str,
    path: str,
    part: Part,
    shown_as: Callable[[Any], str] = shown,
) -> list[Change]:
    old_by = {item[key]: item for item in old}
    new_by = {item[key]: item for item in new}
    changes = []
    for name, item in new_by.items():
        label = shown(item.get("title") or item.get("label") or name)
        if name not in old_by:
            changes.append(Change(ChangeKind.ADDED, part, f"{path}.{name}", label, after=shown_as(item)))
        elif old_by[name] != item:
            changes.append(
                Change(
                    ChangeKind.CHANGED, part, f"{path}.{name}", label, shown_as(old_by[name]), shown_as(item)
                )
            )
    for name, item in old_by.items():
        if name not in new_by:
            label = shown(item.get("title") or item.get("label") or name)
            changes.append(Change(ChangeKind.REMOVED, part, f"{path}.{name}", label, before=shown_as(item)))
    return changes


def _component_diff(key: str, old: Any, new: Any) -> list[Change]:
    if old == new:
        return []
    if key == "procedure":
        return _procedure_diff(old, new, path=key)
    if key == "complaint_handling":
        changes = _record_diff(old, new, path=key, skip=("procedure",))
        if old.get("procedure") != new.get("procedure"):
            changes.extend(
                _procedure_diff(old.get("procedure"), new.get("procedure"), path=f"{key}.procedure")
            )
        return changes
    if isinstance(new, list):
        return _list_diff(old or [], new, path=key, keys=("key", "label"))
    return _record_diff(old or {}, new or {}, path=key)


def diff_components(
    old: Components | dict[str, Any] | None, new: Components | dict[str, Any]
) -> list[ComponentDiff]:
    """The fourteen components in order, each with what changed from ``old`` to ``new``."""
    before, after = _as_json(old), _as_json(new)
    return [
        ComponentDiff(key=key, changes=tuple(_component_diff(key, before.get(key), after.get(key))))
        for key in COMPONENT_KEYS
    ]
