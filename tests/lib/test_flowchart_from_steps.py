from pelayan.lib.flowchart import FlowStep, render_svg, steps_to_graph

STEPS = [
    FlowStep("Operator Kelurahan mengajukan berkas", id="ajukan", actor="Operator Kelurahan"),
    FlowStep(
        "Operator Kecamatan meneliti berkas",
        id="teliti",
        actor="Operator Kecamatan",
        branches=(("jika tidak lengkap", "ajukan"), ("jika lengkap", "tandatangan"), ("jika ditolak", None)),
    ),
    FlowStep("Camat menandatangani", id="tandatangan", actor="Camat"),
]


def test_steps_become_a_vertical_chain_in_order():
    nodes, edges = steps_to_graph(STEPS)

    assert [n.label for n in nodes[:3]] == [
        "1. Operator Kelurahan mengajukan berkas",
        "2. Operator Kecamatan meneliti berkas",
        "3. Camat menandatangani",
    ]
    assert ("ajukan", "teliti") in [(e.source, e.target) for e in edges]


def test_actors_are_captions_and_branching_steps_are_decisions():
    nodes, _edges = steps_to_graph(STEPS)

    assert nodes[0].caption == "Operator Kelurahan"
    assert nodes[1].decision is True
    assert nodes[0].decision is False


def test_a_branch_to_the_next_step_labels_the_edge_instead_of_doubling_it():
    _nodes, edges = steps_to_graph(STEPS)

    to_sign = [e for e in edges if (e.source, e.target) == ("teliti", "tandatangan")]
    assert len(to_sign) == 1
    assert to_sign[0].label == "jika lengkap"


def test_a_branch_back_and_a_branch_without_target_are_both_drawn():
    nodes, edges = steps_to_graph(STEPS)

    assert ("teliti", "ajukan", "jika tidak lengkap") in [(e.source, e.target, e.label) for e in edges]
    assert any(n.label == "jika ditolak" for n in nodes)
    svg = render_svg(nodes, edges)
    assert svg.count("marker-end=") == len(edges)
    assert "Operator Kecamatan" in svg


def test_steps_without_ids_or_with_repeated_ids_are_numbered():
    nodes, edges = steps_to_graph([FlowStep("Satu"), FlowStep("Dua", id="x"), FlowStep("Tiga", id="x")])

    assert [n.id for n in nodes] == ["step-1", "x", "step-3"]
    assert len(edges) == 2
