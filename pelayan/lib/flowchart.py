"""Flow diagrams of a service procedure as inline SVG.

Pure Python, no Django. A flow is a directed graph (nodes with labels, edges with optional labels)
that may branch, join and loop back ("HASIL → MASYARAKAT"). It is laid out in layers, top to bottom
or left to right:

1. cycles are broken by setting aside the edges a depth-first search finds pointing back;
2. every node gets the layer of its longest path from a start node;
3. edges spanning several layers pass through invisible waypoints, one per layer crossed;
4. the order inside each layer is improved by a few barycentre sweeps to reduce crossings;
5. nodes are placed; forward edges run between layers, and each back edge (and self-loop) runs in
   its own lane beside the layers it spans, so loops never cross the boxes. Every edge is one path
   with an arrow at its target.

All text is XML-escaped; long labels are wrapped over several lines, never cut by the renderer.
A box shows a step's name, not its paragraph: callers shorten a step's text with
:func:`short_label` (its first clause, or its first words up to a word boundary) and list the full
text beside the diagram.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from html import escape
from itertools import pairwise

__all__ = [
    "Direction",
    "Edge",
    "FlowStep",
    "FlowTransition",
    "Node",
    "ProcessStep",
    "process_to_graph",
    "render_svg",
    "short_label",
    "steps_to_graph",
    "wrap_label",
]


class Direction(StrEnum):
    TOP_BOTTOM = "TB"
    LEFT_RIGHT = "LR"


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    caption: str | None = None  # shown above the label in bold, e.g. the actor of a step
    decision: bool = False  # drawn as a hexagon: the step branches


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str | None = None


@dataclass(frozen=True)
class FlowStep:
    """One ordered procedure step, for :func:`steps_to_graph`."""

    text: str
    id: str | None = None
    actor: str | None = None
    # (condition as written, id of the step it leads to or None when the decree names none)
    branches: Sequence[tuple[str, str | None]] = field(default_factory=tuple)


@dataclass(frozen=True)
class FlowTransition:
    """One way out of a step of an executable procedure, for :func:`process_to_graph`."""

    label: str | None  # the decree's condition, when it states one
    to: str | None = None  # id of the step it leads to
    end: str | None = None  # the end's words ("Selesai", "Ditolak") when it ends the case


@dataclass(frozen=True)
class ProcessStep:
    """One step of an executable procedure as drawn: its id, the label with its number, who does it."""

    id: str
    label: str
    caption: str | None = None
    transitions: Sequence[FlowTransition] = field(default_factory=tuple)


# Geometry, in SVG user units (px at 100 %).
NODE_WIDTH = 184
WRAP_CHARS = 24
LINE_HEIGHT = 16
FONT_SIZE = 13
PAD_X = 10
PAD_Y = 9
LAYER_GAP = 46  # between layers, along the flow
NODE_GAP = 28  # between nodes of one layer
WAYPOINT_WIDTH = 14
MARGIN = 12
LABEL_WRAP_CHARS = 22
LOOP_GAP = 18  # from the widest box a back edge passes to its lane
ARROW_LENGTH = 10  # kept clear of labels at the end of an edge
LABEL_CLEARANCE = 10  # around an edge label between two layers
LOOP_NUDGE = 7  # a back edge leaves below and enters above a box's middle


def wrap_label(text: str, width: int = WRAP_CHARS) -> list[str]:
    """Split a label into lines of at most ``width`` characters (long words are broken)."""
    lines: list[str] = []
    for paragraph in (text or "").splitlines() or [""]:
        wrapped = textwrap.wrap(paragraph, width=width, break_long_words=True, break_on_hyphens=True)
        lines.extend(wrapped or ([""] if not lines else []))
    return lines or [""]


SHORT_LABEL_CHARS = 40  # two lines of a box; longer text is a paragraph, listed beside the diagram
ELLIPSIS = "\u2026"
# Where a step's first clause ends: "Pemohon mengisi formulir, lalu …", "Verifikasi berkas; jika …".
_CLAUSE_END = re.compile(r"\s*(?:[,;:(]|\s[\u2013\u2014-]\s|\.\s)")
_MIN_CLAUSE = 12  # a shorter first clause ("Petugas:") names nothing; cut at words instead


def short_label(text: str, limit: int = SHORT_LABEL_CHARS) -> str:
    """A box's label: the text itself when it fits in ``limit`` characters, else its first clause
    when that is long enough to name the step, else its first words up to a word boundary; a
    shortened label ends with an ellipsis and is never longer than ``limit``."""
    words = " ".join((text or "").split())
    if len(words) <= limit:
        return words
    budget = max(limit - 1, 1)  # room for the ellipsis
    clause = _CLAUSE_END.search(words)
    if clause and _MIN_CLAUSE <= clause.start() <= budget:
        return words[: clause.start()].rstrip(" .,;:") + ELLIPSIS
    head = words[: budget + 1]
    cut = head.rfind(" ")
    if cut <= 0:  # one long word: cut inside it
        return words[:budget] + ELLIPSIS
    kept = words[:cut].rstrip(" .,;:(\u2013\u2014-")
    return (kept or words[:budget]) + ELLIPSIS


def steps_to_graph(steps: Sequence[FlowStep]) -> tuple[list[Node], list[Edge]]:
    """Ordered steps as a vertical flow: each step leads to the next; branches add their own edges.

    Steps without an id are numbered; a branch to an unknown step, or with no target, is drawn to
    an end node carrying the condition, so no written branch disappears from the diagram.
    """
    nodes: list[Node] = []
    ids: list[str] = []
    seen: set[str] = set()
    for number, step in enumerate(steps, start=1):
        node_id = step.id if step.id and step.id not in seen else f"step-{number}"
        seen.add(node_id)
        ids.append(node_id)
        nodes.append(
            Node(id=node_id, label=f"{number}. {step.text}", caption=step.actor, decision=bool(step.branches))
        )
    edges: list[Edge] = [Edge(a, b) for a, b in pairwise(ids)]
    for index, step in enumerate(steps):
        for branch_no, (condition, goto) in enumerate(step.branches, start=1):
            if goto and index + 1 < len(ids) and goto == ids[index + 1]:
                # "if complete, go on": the condition labels the edge to the next step
                current = edges[index]
                text = f"{current.label}; {condition}" if current.label else condition
                edges[index] = Edge(current.source, current.target, text)
            elif goto and goto in seen:
                edges.append(Edge(ids[index], goto, condition))
            else:
                end_id = f"{ids[index]}-branch-{branch_no}"
                nodes.append(Node(id=end_id, label=condition))
                edges.append(Edge(ids[index], end_id))
    return nodes, edges


def process_to_graph(steps: Sequence[ProcessStep]) -> tuple[list[Node], list[Edge]]:
    """Steps with their transitions as a flow: one edge per transition, so the diagram shows the
    moves a case can make rather than the order the steps are listed in.

    Ends of the same kind share one node (every "Selesai" path meets there); its id has a colon,
    which no step id has. A transition to a step not among ``steps`` still draws that step, by its
    id, so no written move disappears.
    """
    nodes = [
        Node(id=step.id, label=step.label, caption=step.caption, decision=len(step.transitions) > 1)
        for step in steps
    ]
    edges: list[Edge] = []
    ends: dict[str, Node] = {}
    for step in steps:
        for transition in step.transitions:
            if transition.to is not None:
                edges.append(Edge(step.id, transition.to, transition.label))
            elif transition.end is not None:
                end = ends.setdefault(transition.end, Node(id=f"end:{len(ends) + 1}", label=transition.end))
                edges.append(Edge(step.id, end.id, transition.label))
    return nodes + list(ends.values()), edges


@dataclass
class _Box:
    id: str
    lines: list[str]
    caption_lines: list[str]
    decision: bool
    waypoint: bool
    layer: int = 0
    order: float = 0.0
    width: float = 0.0
    height: float = 0.0
    x: float = 0.0  # centre
    y: float = 0.0  # centre


def _unique_nodes(nodes: Iterable[Node], edges: Sequence[Edge]) -> list[Node]:
    result: dict[str, Node] = {}
    for node in nodes:
        result.setdefault(node.id, node)
    for edge in edges:  # an edge naming an unknown node still shows that node, by its id
        for end in (edge.source, edge.target):
            if end not in result:
                result[end] = Node(id=end, label=end)
    return list(result.values())


def _back_edges(ids: list[str], edges: Sequence[Edge]) -> set[int]:
    """Indices of edges that close a cycle, found by an iterative depth-first search in input order."""
    outgoing: dict[str, list[int]] = {i: [] for i in ids}
    for index, edge in enumerate(edges):
        if edge.source != edge.target:
            outgoing[edge.source].append(index)
    state: dict[str, int] = dict.fromkeys(ids, 0)  # 0 new, 1 on the stack, 2 done
    back: set[int] = set()
    indegree = {i: 0 for i in ids}
    for edge in edges:
        if edge.source != edge.target:
            indegree[edge.target] += 1
    roots = [i for i in ids if indegree[i] == 0] + ids
    for root in roots:
        if state[root]:
            continue
        state[root] = 1
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            node, position = stack[-1]
            if position < len(outgoing[node]):
                stack[-1] = (node, position + 1)
                index = outgoing[node][position]
                target = edges[index].target
                if state[target] == 1:
                    back.add(index)
                elif state[target] == 0:
                    state[target] = 1
                    stack.append((target, 0))
            else:
                state[node] = 2
                stack.pop()
    return back


def _layers(ids: list[str], forward: list[tuple[str, str]]) -> dict[str, int]:
    """Longest-path layering of an acyclic graph (Kahn's order)."""
    indegree = {i: 0 for i in ids}
    outgoing: dict[str, list[str]] = {i: [] for i in ids}
    for source, target in forward:
        indegree[target] += 1
        outgoing[source].append(target)
    layer = dict.fromkeys(ids, 0)
    ready = [i for i in ids if indegree[i] == 0]
    while ready:
        node = ready.pop(0)
        for target in outgoing[node]:
            layer[target] = max(layer[target], layer[node] + 1)
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
    return layer


def _order_layers(rows: list[list[_Box]], links: list[tuple[str, str]], boxes: dict[str, _Box]) -> None:
    up: dict[str, list[str]] = {b: [] for b in boxes}
    down: dict[str, list[str]] = {b: [] for b in boxes}
    for source, target in links:
        down[source].append(target)
        up[target].append(source)
    for row in rows:
        for position, box in enumerate(row):
            box.order = position
    for sweep in range(4):
        going_down = sweep % 2 == 0
        sequence = rows[1:] if going_down else list(reversed(rows[:-1]))
        for row in sequence:
            for box in row:
                neighbours = up[box.id] if going_down else down[box.id]
                if neighbours:
                    box.order = sum(boxes[n].order for n in neighbours) / len(neighbours)
            row.sort(key=lambda b: b.order)
            for position, box in enumerate(row):
                box.order = position


def _place(rows: list[list[_Box]], direction: Direction, gaps: list[float]) -> tuple[float, float]:
    """Centre each layer across the flow; ``gaps[i]`` separates layer i from layer i + 1."""
    vertical = direction == Direction.TOP_BOTTOM
    # Extent of each row across the flow, and thickness along it.
    across = [
        sum((b.width if vertical else b.height) for b in row) + NODE_GAP * (len(row) - 1) for row in rows
    ]
    along = [max(((b.height if vertical else b.width) for b in row), default=0) for row in rows]
    span = max(across, default=0)
    cursor: float = MARGIN
    for index, (row, row_across, row_along) in enumerate(zip(rows, across, along, strict=True)):
        offset = MARGIN + (span - row_across) / 2
        for box in row:
            size = box.width if vertical else box.height
            centre_across = offset + size / 2
            centre_along = cursor + row_along / 2
            box.x, box.y = (centre_across, centre_along) if vertical else (centre_along, centre_across)
            offset += size + NODE_GAP
        cursor += row_along + (gaps[index] if index < len(gaps) else 0)
    length = cursor + MARGIN
    width = span + 2 * MARGIN
    return (width, length) if vertical else (length, width)


def _port(box: _Box, direction: Direction, leaving: bool, shift: float = 0.0) -> tuple[float, float]:
    """Where an edge leaves (towards the next layer) or enters (from the previous layer) a box."""
    if box.waypoint:
        return box.x, box.y
    if direction == Direction.TOP_BOTTOM:
        return box.x + shift * box.width, box.y + (box.height / 2 if leaving else -box.height / 2)
    return box.x + (box.width / 2 if leaving else -box.width / 2), box.y + shift * box.height


def _route(
    chain: list[_Box], vertical: bool, start_shift: float = 0.0, end_shift: float = 0.0
) -> tuple[list[tuple[float, float]], tuple[float, float]]:
    """An orthogonal route through a chain of boxes one layer apart: straight along the flow, with
    the sideways bend halfway across each gap, so no line runs through a box of a layer between.
    Also returns where the label goes: the middle of the last stretch into the target."""

    def along(box: _Box) -> float:
        return box.y if vertical else box.x

    def across(box: _Box) -> float:
        return box.x if vertical else box.y

    def half(box: _Box) -> float:
        return (box.height if vertical else box.width) / 2

    def point(a: float, c: float) -> tuple[float, float]:
        return (c, a) if vertical else (a, c)

    # Where the route crosses each box's layer, across the flow (ports are spread over a box's side).
    lanes = [across(b) for b in chain]
    lanes[0] += start_shift
    lanes[-1] += end_shift
    first, last = chain[0], chain[-1]
    points = [point(along(first) + half(first), lanes[0])]
    for index in range(1, len(chain)):
        previous, box = chain[index - 1], chain[index]
        bend = (along(previous) + half(previous) + along(box) - half(box)) / 2
        if lanes[index] != lanes[index - 1]:
            points += [point(bend, lanes[index - 1]), point(bend, lanes[index])]
    end = along(last) - half(last)
    points.append(point(end, lanes[-1]))
    before_last = chain[-2]
    start_of_stretch = along(before_last) + half(before_last)
    if lanes[-1] != lanes[-2]:
        start_of_stretch = (start_of_stretch + end) / 2
    return _simplify(points), point((start_of_stretch + end - ARROW_LENGTH) / 2, lanes[-1])


def _simplify(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Drop points that lie on a straight line between their neighbours."""
    result = [points[0]]
    for index in range(1, len(points) - 1):
        (x0, y0), (x1, y1), (x2, y2) = result[-1], points[index], points[index + 1]
        if (x0 == x1 == x2) or (y0 == y1 == y2):
            continue
        result.append(points[index])
    result.append(points[-1])
    return result


def _path(points: list[tuple[float, float]]) -> str:
    head, *rest = points
    return f"M{head[0]:.1f},{head[1]:.1f}" + "".join(f" L{x:.1f},{y:.1f}" for x, y in rest)


def _text_lines(
    lines: list[str], x: float, first_y: float, css_class: str | None = None, anchor: str = "middle"
) -> str:
    cls = f' class="{css_class}"' if css_class else ""
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{first_y + i * LINE_HEIGHT:.1f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text{cls} text-anchor="{anchor}" fill="#111">{spans}</text>'


def _node_svg(box: _Box) -> str:
    left, top = box.x - box.width / 2, box.y - box.height / 2
    if box.decision:
        notch = 10
        points = [
            (left + notch, top),
            (left + box.width - notch, top),
            (left + box.width, box.y),
            (left + box.width - notch, top + box.height),
            (left + notch, top + box.height),
            (left, box.y),
        ]
        shape = '<polygon class="fc-shape" fill="#fff8e6" stroke="#7a4b00" points="{}"/>'.format(
            " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        )
    else:
        shape = (
            f'<rect class="fc-shape" fill="#f3f7fc" stroke="#1d4f91" x="{left:.1f}" y="{top:.1f}" width="{box.width:.1f}" '
            f'height="{box.height:.1f}" rx="6"/>'
        )
    first = top + PAD_Y + FONT_SIZE - 1
    parts = [shape]
    if box.caption_lines:
        parts.append(_text_lines(box.caption_lines, box.x, first, "fc-caption"))
        first += LINE_HEIGHT * len(box.caption_lines)
    parts.append(_text_lines(box.lines, box.x, first))
    kind = "fc-node fc-decision" if box.decision else "fc-node"
    return f'<g class="{kind}" data-node="{escape(box.id)}">{"".join(parts)}</g>'


def _edge_label_size(label: str) -> tuple[list[str], float, float]:
    """An edge label's wrapped lines and the width and height of its white ground."""
    lines = wrap_label(label, LABEL_WRAP_CHARS)
    width = max(len(line) for line in lines) * FONT_SIZE * 0.52 + 8
    height = len(lines) * LINE_HEIGHT + 4
    return lines, width, height


def _edge_label(
    label: str, x: float, y: float, anchor: str = "middle", *, top: bool = False
) -> tuple[str, float, float]:
    """An edge label on a white ground, centred on (x, y) or, with ``top``, hanging below y."""
    lines, width, height = _edge_label_size(label)
    top_y = y if top else y - height / 2
    left = x - 4 if anchor == "start" else x - width / 2
    svg = (
        f'<rect class="fc-edge-label-bg" fill="#fff" x="{left:.1f}" y="{top_y:.1f}" width="{width:.1f}" '
        f'height="{height:.1f}" rx="3"/>'
        + _text_lines(lines, x, top_y + FONT_SIZE + 1, "fc-edge-label", anchor=anchor)
    )
    return svg, width, height


def render_svg(
    nodes: Sequence[Node],
    edges: Sequence[Edge],
    *,
    direction: Direction | str = Direction.TOP_BOTTOM,
    title: str | None = None,
    id_prefix: str = "flow",
) -> str:
    """The flow as a standalone ``<svg>`` element (no XML declaration), ready to inline in HTML.

    ``id_prefix`` keeps element ids unique when several diagrams share a page.
    """
    direction = Direction(direction)
    prefix = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in id_prefix) or "flow"
    all_nodes = _unique_nodes(nodes, edges)
    ids = [n.id for n in all_nodes]
    boxes: dict[str, _Box] = {}
    for node in all_nodes:
        lines = wrap_label(node.label)
        caption = wrap_label(node.caption) if node.caption else []
        box = _Box(node.id, lines, caption, node.decision, waypoint=False)
        box.width = NODE_WIDTH
        box.height = (len(lines) + len(caption)) * LINE_HEIGHT + 2 * PAD_Y
        boxes[node.id] = box

    back = _back_edges(ids, edges)
    forward = []
    for index, edge in enumerate(edges):
        if edge.source == edge.target:
            continue
        forward.append((edge.target, edge.source) if index in back else (edge.source, edge.target))
    layer = _layers(ids, forward)
    for node_id, box in boxes.items():
        box.layer = layer[node_id]

    # Each forward edge as a chain of box ids from lower to higher layer, through waypoints. Back
    # edges (and self-loops) are drawn afterwards as loops beside the layers they span.
    chains: list[tuple[Edge, list[str]]] = []
    loops: list[Edge] = []
    links: list[tuple[str, str]] = []
    for index, edge in enumerate(edges):
        if edge.source == edge.target or index in back:
            loops.append(edge)
            continue
        chain = [edge.source]
        for step in range(layer[edge.source] + 1, layer[edge.target]):
            waypoint = _Box(f"\x00{index}-{step}", [], [], False, waypoint=True, layer=step)
            waypoint.width = waypoint.height = WAYPOINT_WIDTH
            boxes[waypoint.id] = waypoint
            chain.append(waypoint.id)
        chain.append(edge.target)
        links.extend(pairwise(chain))
        chains.append((edge, chain))

    depth = max((b.layer for b in boxes.values()), default=-1) + 1
    rows: list[list[_Box]] = [[] for _ in range(depth)]
    for box in boxes.values():  # insertion order: nodes as given, then waypoints
        rows[box.layer].append(box)
    _order_layers(rows, links, boxes)
    vertical = direction == Direction.TOP_BOTTOM
    # A labelled edge needs room for its label between the layers it joins.
    gaps = [float(LAYER_GAP)] * max(depth - 1, 0)
    for edge, chain in chains:
        if edge.label:
            _lines, label_width, label_height = _edge_label_size(edge.label)
            # the label sits on the last stretch, below (or right of) the bend halfway across the gap
            needed = 2 * ((label_height if vertical else label_width) + LABEL_CLEARANCE + ARROW_LENGTH)
            for between in range(boxes[chain[0]].layer, boxes[chain[-1]].layer):
                gaps[between] = max(gaps[between], needed)
    width, height = _place(rows, direction, gaps)

    body: list[str] = []
    labels: list[str] = []
    marker = f"{prefix}-arrow"

    def draw(edge: Edge, d: str, back_edge: bool) -> None:
        kind = "fc-edge fc-back" if back_edge else "fc-edge"
        body.append(
            f'<path class="{kind}" data-from="{escape(edge.source)}" data-to="{escape(edge.target)}" '
            f'd="{d}" fill="none" stroke="#333" stroke-width="1.5" marker-end="url(#{marker})"/>'
        )

    # Several edges leaving or entering one side of a box use ports spread along that side, ordered
    # by where the other end lies, so their last stretches (and labels) stay apart.
    leaving: dict[str, list[int]] = {}
    entering: dict[str, list[int]] = {}
    for number, (_edge, chain) in enumerate(chains):
        leaving.setdefault(chain[0], []).append(number)
        entering.setdefault(chain[-1], []).append(number)

    def across_of(box_id: str) -> float:
        return boxes[box_id].x if vertical else boxes[box_id].y

    def shifts(groups: dict[str, list[int]], other: int) -> dict[int, float]:
        """Each chain's port offset along its box's side; ``other`` indexes the chain's neighbouring box."""
        result: dict[int, float] = {}
        for box_id, numbers in groups.items():
            side = boxes[box_id].width if vertical else boxes[box_id].height
            numbers.sort(key=lambda n: across_of(chains[n][1][other]))
            for position, number in enumerate(numbers):
                result[number] = (position - (len(numbers) - 1) / 2) * side / (len(numbers) + 1)
        return result

    start_shifts = shifts(leaving, 1)
    end_shifts = shifts(entering, -2)
    for number, (edge, chain) in enumerate(chains):
        points, label_at = _route(
            [boxes[c] for c in chain], vertical, start_shifts[number], end_shifts[number]
        )
        draw(edge, _path(points), False)
        if edge.label:
            labels.append(_edge_label(edge.label, *label_at)[0])

    # Inner loops first; each lane clears the boxes and the lanes (with labels) already drawn beside
    # the layers it spans.
    placed: list[tuple[int, int, float]] = []  # (first layer, last layer, outer edge of lane + label)

    def span(edge: Edge) -> tuple[int, int]:
        return tuple(sorted((boxes[edge.source].layer, boxes[edge.target].layer)))  # type: ignore[return-value]

    for edge in sorted(loops, key=lambda e: span(e)[1] - span(e)[0]):
        source, target = boxes[edge.source], boxes[edge.target]
        low, high = span(edge)
        spanned = [b for b in boxes.values() if low <= b.layer <= high]
        outer = [extent for first, last, extent in placed if first <= high and low <= last]
        if vertical:  # out of the source's right side, up the lane, into the target's right side
            x = max([b.x + b.width / 2 for b in spanned] + outer) + LOOP_GAP
            extent = x
            nudge = min(LOOP_NUDGE, source.height / 4, target.height / 4)
            sx, sy = source.x + source.width / 2, source.y + nudge
            tx, ty = target.x + target.width / 2, target.y - nudge
            draw(edge, _path([(sx, sy), (x, sy), (x, ty), (tx, ty)]), True)
            if edge.label:
                label_svg, label_width, _height = _edge_label(edge.label, x + 6, (sy + ty) / 2, "start")
                labels.append(label_svg)
                extent = x + 6 + label_width
            width = max(width, extent + MARGIN)
        else:  # out of the source's bottom, along a lane below, into the target's bottom
            y = max([b.y + b.height / 2 for b in spanned] + outer) + LOOP_GAP
            extent = y
            nudge = min(LOOP_NUDGE, source.width / 4, target.width / 4)
            sx, sy = source.x + nudge, source.y + source.height / 2
            tx, ty = target.x - nudge, target.y + target.height / 2
            draw(edge, _path([(sx, sy), (sx, y), (tx, y), (tx, ty)]), True)
            if edge.label:
                label_svg, _width, label_height = _edge_label(
                    edge.label, (sx + tx) / 2, y + 4, "middle", top=True
                )
                labels.append(label_svg)
                extent = y + 4 + label_height
            height = max(height, extent + MARGIN)
        placed.append((low, high, extent))

    body.extend(_node_svg(b) for b in boxes.values() if not b.waypoint)
    body.extend(labels)  # last, so labels sit on top of lines and boxes
    title_id = f"{prefix}-title"
    heading = escape(title) if title else "Diagram alur"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="flowchart" role="img" '
        f'aria-labelledby="{title_id}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" font-size="{FONT_SIZE}">'
        f'<title id="{title_id}">{heading}</title>'
        f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
        f'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="fc-arrow" fill="#333"/>'
        f"</marker></defs>" + "".join(body) + "</svg>"
    )
