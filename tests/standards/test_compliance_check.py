import pytest

from pelayan.lib.compliance import Severity
from standards.selectors import standard_compliance
from standards.services import (
    InvalidComponents,
    standard_draft_create,
    standard_draft_update,
)
from tests.factories import complete_components


def _codes(items):
    return {(item.severity, item.code, item.component) for item in items}


def test_a_complete_standard_has_no_errors(draft):
    items = standard_compliance(standard=draft)

    assert [item for item in items if item.severity == Severity.ERROR] == []


@pytest.mark.parametrize(
    "component, empty",
    [
        ("requirements", []),
        ("procedure", {"steps": [], "flows": []}),
        ("time_limits", []),
        ("fee", {"amount": None, "text": ""}),
        ("products", []),
        ("complaint_handling", {}),
        ("legal_basis", []),
        ("facilities", []),
        ("competence", []),
        ("internal_supervision", []),
        ("staff_count", {"total": None, "roles": [], "text": ""}),
        ("service_guarantee", []),
        ("security_guarantee", []),
        ("performance_evaluation", []),
    ],
)
def test_it_reports_each_missing_component(service, component, empty):
    draft = standard_draft_create(
        service=service, actor=None, components=complete_components(**{component: empty})
    )

    items = standard_compliance(standard=draft)

    assert (Severity.ERROR, "missing_component", component) in _codes(items)
    assert len([i for i in items if i.code == "missing_component"]) == 1


def test_it_reports_a_time_limit_without_number_or_unit(service):
    limits = [{"label": "Konsultasi", "text": "Sesuai materi konsultasi", "min": None, "max": None}]
    draft = standard_draft_create(
        service=service, actor=None, components=complete_components(time_limits=limits)
    )

    items = standard_compliance(standard=draft)

    unparsed = [i for i in items if i.code == "time_limit_unparsed"]
    assert len(unparsed) == 1
    assert unparsed[0].severity == Severity.ERROR
    assert unparsed[0].path == "[0]"
    assert "Sesuai materi konsultasi" in unparsed[0].message


def test_an_open_ended_time_limit_beside_a_measurable_one_is_accepted(service):
    limits = [
        {
            "key": "administrasi",
            "label": "Administrasi",
            "text": "15 Menit",
            "max": {"value": 15, "unit": "minute"},
        },
        {"label": "Konsultasi", "text": "Sesuai materi konsultasi", "open_ended": True},
    ]
    draft = standard_draft_create(
        service=service, actor=None, components=complete_components(time_limits=limits)
    )

    assert [i for i in standard_compliance(standard=draft) if i.severity == Severity.ERROR] == []


def test_it_warns_that_plain_days_count_as_working_days(service):
    limits = [{"text": "1 (satu) hari", "max": {"value": 1, "unit": "day"}}]
    draft = standard_draft_create(
        service=service, actor=None, components=complete_components(time_limits=limits)
    )

    assert (Severity.WARNING, "plain_days_are_working_days", "time_limits") in _codes(
        standard_compliance(standard=draft)
    )


def test_it_reports_a_range_whose_minimum_exceeds_its_maximum(service):
    limits = [
        {
            "text": "60 – 1 hari kerja",
            "min": {"value": 60, "unit": "working_day"},
            "max": {"value": 1, "unit": "working_day"},
        }
    ]
    draft = standard_draft_create(
        service=service, actor=None, components=complete_components(time_limits=limits)
    )

    assert (Severity.ERROR, "range_min_above_max", "time_limits") in _codes(
        standard_compliance(standard=draft)
    )


def test_it_reports_a_fee_written_without_an_amount(service):
    draft = standard_draft_create(
        service=service,
        actor=None,
        components=complete_components(fee={"amount": None, "text": "Sesuai perda"}),
    )

    assert (Severity.ERROR, "fee_amount_unparsed", "fee") in _codes(standard_compliance(standard=draft))


def test_it_reports_a_flow_edge_to_an_unknown_node(service):
    procedure = complete_components()["procedure"]
    procedure["flows"][0]["edges"].append({"from": "B", "to": "Z"})
    draft = standard_draft_create(
        service=service, actor=None, components=complete_components(procedure=procedure)
    )

    assert (Severity.ERROR, "flow_edge_unknown_node", "procedure") in _codes(
        standard_compliance(standard=draft)
    )


def test_it_warns_when_staff_per_role_does_not_add_up(service):
    staff = {"total": 5, "roles": [{"role": "Camat", "count": 1}], "text": "5 orang"}
    draft = standard_draft_create(
        service=service, actor=None, components=complete_components(staff_count=staff)
    )

    assert (Severity.WARNING, "staff_count_mismatch", "staff_count") in _codes(
        standard_compliance(standard=draft)
    )


def test_it_rejects_components_of_the_wrong_shape_naming_the_field(draft):
    bad = complete_components(time_limits=[{"text": "5 hari", "max": {"value": 5, "unit": "fortnight"}}])

    with pytest.raises(InvalidComponents) as error:
        standard_draft_update(standard=draft, actor=None, components=bad)

    assert error.value.errors[0]["field"] == "time_limits.0.max.unit"
