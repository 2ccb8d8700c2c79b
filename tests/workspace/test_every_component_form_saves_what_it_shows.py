"""Each of the fourteen component forms shows the stored component and, posted unchanged, saves
it back exactly: no key the form does not edit is lost on the way."""

from __future__ import annotations

import pytest

from audit.models import AuditEvent
from pelayan.lib.standard_schema import COMPONENT_KEYS
from tests.workspace.conftest import signed_in
from tests.workspace.editor_helpers import autosave, form_data, stored, url


@pytest.mark.django_db
@pytest.mark.parametrize("component", COMPONENT_KEYS)
def test_an_unchanged_form_saves_the_component_as_it_was(component, draft, agency_admin):
    client = signed_in(agency_admin)
    before = stored(draft, component)
    page = client.get(url(draft, component))
    assert page.status_code == 200
    response = autosave(client, draft, component, form_data(draft, component))
    assert response.status_code == 200
    assert "Tersimpan" in response.content.decode()
    assert "Belum tersimpan" not in response.content.decode()
    assert stored(draft, component) == before
    # Nothing changed, so nothing is recorded.
    assert not AuditEvent.objects.filter(data__fields=[f"components.{component}"]).exists()


@pytest.mark.django_db
def test_importer_keys_no_form_edits_survive_a_save(draft, agency_admin):
    procedure = draft.components["procedure"]
    procedure["steps"][1]["branches"] = [{"condition": "jika tidak lengkap", "goto": "submit"}]
    draft.components["requirements"][0]["note_from_decree"] = "dibawa saat pengambilan"
    draft.save()
    client = signed_in(agency_admin)
    for component in ("procedure", "requirements"):
        data = form_data(draft, component)
        if component == "requirements":
            data["requirements-0-text"] = "Formulir permohonan (diisi lengkap)"
        else:
            data["steps-1-text"] = "Operator Kecamatan meneliti berkas"
        assert autosave(client, draft, component, data).status_code == 200
    draft.refresh_from_db()
    assert draft.components["procedure"]["steps"][1]["branches"] == [
        {"condition": "jika tidak lengkap", "goto": "submit", "outcome": None}
    ]
    assert draft.components["procedure"]["steps"][1]["text"] == "Operator Kecamatan meneliti berkas"
    assert draft.components["requirements"][0]["note_from_decree"] == "dibawa saat pengambilan"
    assert draft.components["requirements"][0]["text"] == "Formulir permohonan (diisi lengkap)"
