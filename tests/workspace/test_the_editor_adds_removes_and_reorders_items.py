"""Lists in the editor: a row is added with its button, removed with "Hapus", moved with "Urutan";
a step and a transition to it are added and the flow diagram draws them."""

from __future__ import annotations

import pytest

from audit.models import AuditAction, AuditEvent
from tests.workspace.conftest import signed_in
from tests.workspace.editor_helpers import autosave, form_data, stored, url


@pytest.mark.django_db
def test_adding_a_requirement_row_keeps_what_was_typed_and_saves_the_new_one(draft, agency_admin):
    client = signed_in(agency_admin)
    data = form_data(draft, "requirements")
    data["requirements-0-text"] = "Formulir permohonan bermeterai"
    html = autosave(client, draft, "requirements", {**data, "_add": "requirements"}).content.decode()
    assert 'id="item-requirements-2"' in html
    assert "Formulir permohonan bermeterai" in html
    assert stored(draft, "requirements")[0]["text"] == "Formulir permohonan bermeterai"
    data["requirements-TOTAL_FORMS"] = 3
    data.update(
        {
            "requirements-2-text": "Surat pernyataan",
            "requirements-2-key": "pernyataan",
            "requirements-2-kind": "document",
        }
    )
    autosave(client, draft, "requirements", data)
    assert [r["key"] for r in stored(draft, "requirements")] == ["formulir", "ktp", "pernyataan"]
    event = AuditEvent.objects.filter(action=AuditAction.STANDARD_DRAFT_UPDATED).latest("pk")
    assert event.data == {"fields": ["components.requirements"]}
    assert event.actor_id == agency_admin.pk


@pytest.mark.django_db
def test_hapus_removes_a_row_and_urutan_moves_one(draft, agency_admin):
    client = signed_in(agency_admin)
    data = form_data(draft, "facilities")
    data["facilities-0-ORDER"] = 2
    data["facilities-1-ORDER"] = 1
    autosave(client, draft, "facilities", data)
    assert stored(draft, "facilities") == ["Komputer", "Meja pelayanan"]
    data = form_data(draft, "facilities")
    data["facilities-0-DELETE"] = "on"
    autosave(client, draft, "facilities", data)
    assert stored(draft, "facilities") == ["Meja pelayanan"]


@pytest.mark.django_db
def test_a_new_step_with_a_transition_to_it_is_saved_and_drawn(draft, agency_admin):
    client = signed_in(agency_admin)
    data = form_data(draft, "procedure")
    html = autosave(client, draft, "procedure", {**data, "_add": "steps"}).content.decode()
    assert 'id="item-steps-3"' in html
    data["steps-TOTAL_FORMS"] = 4
    data.update(
        {
            "steps-3-id": "arsip",
            "steps-3-text": "Petugas mengarsipkan surat",
            "steps-3-actor": "Operator Kecamatan",
            "steps-3-performer": "staff",
            "steps-3-role": "operator-kecamatan",
        }
    )
    html = autosave(client, draft, "procedure", {**data, "_add": "transitions"}).content.decode()
    # The new step is offered as a target in the new transition row.
    assert '<option value="arsip">4. arsip</option>' in html
    total = int(data["transitions-TOTAL_FORMS"])
    sign_row = next(i for i in range(total) if data[f"transitions-{i}-key"] == "tandatangani")
    data[f"transitions-{sign_row}-target"] = "arsip"
    data["transitions-TOTAL_FORMS"] = total + 1
    data.update(
        {
            f"transitions-{total}-step": "arsip",
            f"transitions-{total}-key": "arsipkan",
            f"transitions-{total}-kind": "complete",
            f"transitions-{total}-target": "end:completed",
        }
    )
    html = autosave(client, draft, "procedure", data).content.decode()
    assert "Belum tersimpan" not in html
    steps = stored(draft, "procedure")["steps"]
    assert steps[2]["transitions"][0]["to"] == "arsip"
    assert steps[3]["transitions"] == [
        {
            "key": "arsipkan",
            "kind": "complete",
            "label": None,
            "to": None,
            "end": "completed",
            "condition": None,
            "outcome": None,
        }
    ]
    diagram = html[html.index('id="flow-diagram"') :]
    assert "<svg" in diagram
    assert "mengarsipkan" in diagram  # the new step is drawn (its label wraps over lines)


@pytest.mark.django_db
def test_a_time_limit_is_bound_to_the_steps_it_covers(draft, agency_admin):
    client = signed_in(agency_admin)
    page = client.get(url(draft, "time_limits")).content.decode()
    assert 'value="verify"' in page
    data = form_data(draft, "time_limits")
    data["time_limits-0-step_ids"] = ["verify", "sign"]
    data["time_limits-0-start_step"] = "verify"
    data["time_limits-0-start_on"] = "enter"
    autosave(client, draft, "time_limits", data)
    limit = stored(draft, "time_limits")[0]
    assert limit["step_ids"] == ["verify", "sign"]
    assert limit["start"] == {"step": "verify", "on": "enter"}
    assert limit["stop"] is None


@pytest.mark.django_db
def test_competence_is_given_per_role_with_the_agency_roles_offered(draft, agency_admin):
    client = signed_in(agency_admin)
    page = client.get(url(draft, "competence")).content.decode()
    assert '<datalist id="agency-role-names">' in page
    assert '<option value="Camat"></option>' in page
    data = form_data(draft, "competence")
    data.update(
        {
            "competence-TOTAL_FORMS": 2,
            "competence-1-role": "Camat",
            "competence-1-text": "Memahami tata naskah dinas",
        }
    )
    autosave(client, draft, "competence", data)
    assert stored(draft, "competence")[1] == {
        "role": "Camat",
        "text": "Memahami tata naskah dinas",
        "education": None,
        "training": None,
        "skills": None,
        "experience": None,
    }
