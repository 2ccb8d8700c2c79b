"""The procedure diagram has one edge per transition; ends of one kind meet in one box."""

from pelayan.lib.flowchart import FlowTransition, ProcessStep, process_to_graph, render_svg

STEPS = [
    ProcessStep("terima", "1. Petugas menerima", "Petugas", (FlowTransition(None, to="teliti"),)),
    ProcessStep(
        "teliti",
        "2. Petugas meneliti",
        "Petugas",
        (
            FlowTransition("jika lengkap", to="putus"),
            FlowTransition("jika tidak lengkap", to="terima"),
            FlowTransition("jika palsu", end="Ditolak"),
        ),
    ),
    ProcessStep(
        "putus",
        "3. Camat memutuskan",
        "Camat",
        (FlowTransition("jika setuju", end="Selesai"), FlowTransition("jika tidak setuju", end="Ditolak")),
    ),
]


def test_every_transition_is_an_edge_and_a_step_with_choices_is_a_decision():
    nodes, edges = process_to_graph(STEPS)

    assert [(e.source, e.target, e.label) for e in edges][:3] == [
        ("terima", "teliti", None),
        ("teliti", "putus", "jika lengkap"),
        ("teliti", "terima", "jika tidak lengkap"),
    ]
    assert len(edges) == 6
    assert [n.decision for n in nodes[:3]] == [False, True, True]


def test_ends_of_one_kind_share_a_box_whose_id_no_step_can_have():
    nodes, edges = process_to_graph(STEPS)

    ends = [n for n in nodes if n.label in ("Selesai", "Ditolak")]
    assert sorted(n.label for n in ends) == ["Ditolak", "Selesai"]
    assert all(":" in n.id for n in ends)
    rejected = next(n.id for n in ends if n.label == "Ditolak")
    assert {e.source for e in edges if e.target == rejected} == {"teliti", "putus"}


def test_the_move_back_is_drawn_as_a_loop():
    svg = render_svg(*process_to_graph(STEPS))

    assert 'class="fc-edge fc-back" data-from="teliti" data-to="terima"' in svg
