"""Flows that loop back, like Bangli's "HASIL → MASYARAKAT", are drawn and never hang."""

import xml.etree.ElementTree as ET

import pytest

from pelayan.lib.flowchart import Direction, Edge, Node, render_svg

BANGLI = (
    [Node("M", "MASYARAKAT"), Node("L", "LOKET"), Node("P", "PROSES"), Node("H", "HASIL")],
    [Edge("M", "L"), Edge("L", "P"), Edge("P", "H"), Edge("H", "M")],
)


def test_a_cycle_is_drawn_with_every_edge():
    nodes, edges = BANGLI

    svg = render_svg(nodes, edges)

    ET.fromstring(svg)  # noqa: S314 - our own output
    assert svg.count("marker-end=") == 4
    assert svg.count('class="fc-edge fc-back"') == 1  # the loop back runs beside the flow


@pytest.mark.parametrize("direction", list(Direction))
def test_a_cycle_lays_out_in_both_directions(direction):
    nodes, edges = BANGLI

    svg = render_svg(nodes, edges, direction=direction)

    assert svg.count("marker-end=") == 4


def test_a_self_loop_and_two_node_cycle_are_drawn():
    nodes = [Node("a", "A"), Node("b", "B")]
    edges = [Edge("a", "b"), Edge("b", "a", "tidak lengkap"), Edge("b", "b", "ulang")]

    svg = render_svg(nodes, edges)

    assert svg.count("marker-end=") == 3
    assert "tidak lengkap" in svg


def test_a_large_graph_full_of_cycles_finishes():
    nodes = [Node(str(i), f"Simpul {i}") for i in range(60)]
    edges = [Edge(str(i), str((i * 7 + 3) % 60)) for i in range(60)] + [
        Edge(str(i), str(i - 1)) for i in range(1, 60)
    ]

    svg = render_svg(nodes, edges)

    assert svg.count("marker-end=") == len(edges)
