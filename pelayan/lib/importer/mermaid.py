"""Mermaid flowcharts (``graph LR`` / ``flowchart TD``) as written inside decrees, read into Flow."""

from __future__ import annotations

import re

from pelayan.lib.standard_schema import Flow, FlowEdge, FlowNode

_HEADER_RE = re.compile(r"^\s*(?:graph|flowchart)\s+(?:LR|RL|TD|TB|BT)\b;?", re.IGNORECASE)
_START_RE = re.compile(r"\s*(?:graph|flowchart)\b", re.IGNORECASE)
_NODE_RE = re.compile(
    r"\s*(?P<id>[A-Za-z0-9_]+)"
    r"(?:\[\((?P<l0>[^)\]]*)\)\]|\(\((?P<l1>[^)]*)\)\)|\[(?P<l2>[^\]]*)\]|\((?P<l3>[^)]*)\)"
    r"|\{(?P<l4>[^}]*)\}|>(?P<l5>[^\]]*)\])?"
)
# "-->", "---", "-.->", "==>", "-- text -->", "-->|text|"
_EDGE_RE = re.compile(
    r"\s*(?:--\s+(?P<t1>[^->|]+?)\s+-->|(?:-->|---|-\.->|==>|--x|--o))(?:\s*\|(?P<t2>[^|]*)\|)?"
)
_STATEMENT_SKIP_RE = re.compile(r"\s*(?:;|classDef\b[^\n;]*|class\b[^\n;]*|style\b[^\n;]*|%%[^\n]*)")


def looks_like_mermaid(text: str) -> bool:
    """Text that opens with a flowchart keyword (the direction may be left out)."""
    return bool(_START_RE.match(text))


def parse_mermaid(text: str, title: str | None = None) -> Flow:
    """Nodes keep their first label; edges keep their order in the source."""
    body = _HEADER_RE.sub("", text.strip(), count=1)
    nodes: dict[str, FlowNode] = {}
    edges: list[FlowEdge] = []
    pos = 0
    length = len(body)

    def read_node(at: int) -> tuple[str, int] | None:
        match = _NODE_RE.match(body, at)
        if match is None or not match.group("id"):
            return None
        node_id = match.group("id")
        label = next((match.group(f"l{i}") for i in range(6) if match.group(f"l{i}") is not None), None)
        if node_id not in nodes:
            nodes[node_id] = FlowNode(id=node_id, label=(label or node_id).strip())
        elif label and nodes[node_id].label == node_id:
            nodes[node_id].label = label.strip()
        return node_id, match.end()

    while pos < length:
        skip = _STATEMENT_SKIP_RE.match(body, pos)
        if skip and skip.end() > pos and body[pos : skip.end()].strip():
            pos = skip.end()
            continue
        if not body[pos:].strip():
            break
        first = read_node(pos)
        if first is None:
            pos += 1  # unreadable character: skip rather than fail the whole document
            continue
        current, pos = first
        while True:
            edge = _EDGE_RE.match(body, pos)
            if edge is None:
                break
            target = read_node(edge.end())
            if target is None:
                break
            label = edge.group("t1") or edge.group("t2")
            edges.append(FlowEdge(source=current, target=target[0], label=label.strip() if label else None))
            current, pos = target
    return Flow(title=title, nodes=list(nodes.values()), edges=edges)
