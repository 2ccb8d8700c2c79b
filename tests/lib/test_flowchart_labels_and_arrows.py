import re
import xml.etree.ElementTree as ET

from pelayan.lib.flowchart import Edge, Node, render_svg, wrap_label

SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg: str) -> str:
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    return " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def test_every_node_label_appears_escaped():
    nodes = [Node("a", "Pemohon <datang> & antre"), Node("b", 'Petugas "loket"'), Node("c", "Selesai")]
    svg = render_svg(nodes, [Edge("a", "b"), Edge("b", "c")])

    assert "<datang>" not in svg
    assert "&lt;datang&gt; &amp; antre" in svg
    texts = _texts(svg)  # parses: the SVG is well-formed XML
    for label in ("Pemohon <datang> & antre", 'Petugas "loket"', "Selesai"):
        assert label in texts


def test_there_is_one_arrow_per_edge():
    nodes = [Node(str(i), f"Langkah {i}") for i in range(5)]
    edges = [
        Edge("0", "1"),
        Edge("1", "2"),
        Edge("1", "3"),
        Edge("2", "4"),
        Edge("3", "4"),
        Edge("0", "4", "langsung"),
    ]

    svg = render_svg(nodes, edges)

    assert svg.count('marker-end="url(#flow-arrow)"') == len(edges)
    assert len(re.findall(r'<path class="fc-edge', svg)) == len(edges)


def test_edge_labels_are_escaped_and_shown():
    svg = render_svg([Node("a", "A"), Node("b", "B")], [Edge("a", "b", "jika <lengkap>")])

    assert "jika &lt;lengkap&gt;" in svg
    assert "jika <lengkap>" in _texts(svg)


def test_long_labels_wrap_over_several_lines_without_losing_words():
    label = (
        "Operator Kecamatan meneliti kelengkapan persyaratan administrasi jika berkas lengkap maka diproses"
    )
    lines = wrap_label(label)

    assert len(lines) > 1
    assert all(len(line) <= 24 for line in lines)
    assert " ".join(lines) == label
    svg = render_svg([Node("a", label)], [])
    assert svg.count("<tspan") == len(lines)


def test_an_edge_to_an_unknown_node_still_shows_that_node():
    svg = render_svg([Node("a", "Awal")], [Edge("a", "z")])

    assert "Awal" in _texts(svg)
    assert ">z<" in svg


def test_ids_carry_the_prefix_so_diagrams_can_share_a_page():
    svg = render_svg([Node("a", "A")], [], id_prefix="procedure-flow-1", title="Alur <utama>")

    assert 'id="procedure-flow-1-arrow"' in svg
    assert '<title id="procedure-flow-1-title">Alur &lt;utama&gt;</title>' in svg
