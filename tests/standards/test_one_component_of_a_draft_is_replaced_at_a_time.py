"""standard_component_update replaces one component of a draft: the others stay as stored (also
when they changed since the caller read the draft), bad values are refused field by field, a
published version is never changed, and each change is one audit event."""

from __future__ import annotations

import pytest

from audit.models import AuditAction, AuditEvent
from standards.models import Standard
from standards.services import (
    InvalidComponents,
    StandardError,
    StandardNotEditable,
    standard_component_update,
    standard_publish,
)


@pytest.mark.django_db
def test_the_other_components_are_kept_as_stored_now(draft, agency_admin):
    stale = Standard.objects.get(pk=draft.pk)
    standard_component_update(
        standard=draft, actor=agency_admin, component="products", value=["Surat pengantar"]
    )
    # A caller still holding the old row changes another component: the products change stays.
    standard_component_update(
        standard=stale, actor=agency_admin, component="facilities", value=["Ruang tunggu"]
    )
    draft.refresh_from_db()
    assert draft.components["products"] == ["Surat pengantar"]
    assert draft.components["facilities"] == ["Ruang tunggu"]
    events = AuditEvent.objects.filter(action=AuditAction.STANDARD_DRAFT_UPDATED).order_by("pk")
    assert [e.data["fields"] for e in events] == [["components.products"], ["components.facilities"]]


@pytest.mark.django_db
def test_an_unchanged_component_records_nothing(draft, agency_admin):
    standard_component_update(
        standard=draft, actor=agency_admin, component="fee", value=dict(draft.components["fee"])
    )
    assert not AuditEvent.objects.filter(action=AuditAction.STANDARD_DRAFT_UPDATED).exists()


@pytest.mark.django_db
def test_a_bad_value_is_refused_naming_its_field(draft, agency_admin):
    value = [{"key": "Bukan Kode", "text": "Fotokopi KTP"}]
    with pytest.raises(InvalidComponents) as refused:
        standard_component_update(standard=draft, actor=agency_admin, component="requirements", value=value)
    assert refused.value.errors[0]["field"] == "requirements.0.key"
    assert refused.value.raw[0]["loc"] == ("requirements", 0, "key")
    assert refused.value.raw[0]["type"] == "string_pattern_mismatch"
    draft.refresh_from_db()
    assert draft.components["requirements"][0]["key"] == "formulir"


@pytest.mark.django_db
def test_a_published_version_and_unknown_components_are_refused(draft, agency_admin):
    with pytest.raises(StandardError):
        standard_component_update(standard=draft, actor=agency_admin, component="schema_version", value=1)
    published = standard_publish(standard=draft, actor=None)
    with pytest.raises(StandardNotEditable):
        standard_component_update(
            standard=published, actor=agency_admin, component="products", value=["Lain"]
        )
