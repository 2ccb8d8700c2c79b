import pytest

from audit.models import AuditEvent
from standards.models import Standard, StandardStatus
from standards.services import (
    StandardNotEditable,
    StandardNotPublishable,
    standard_draft_create,
    standard_draft_from,
    standard_publish,
)
from tests.factories import complete_components


def test_it_publishes_a_compliant_draft(draft):
    published = standard_publish(standard=draft, actor=None)

    assert published.status == StandardStatus.PUBLISHED
    assert published.published_at is not None
    assert published.effective_date is not None
    assert AuditEvent.objects.filter(action="standard.published", target_id=str(draft.pk)).exists()


def test_it_supersedes_the_version_in_force_when_a_new_one_is_published(draft):
    first = standard_publish(standard=draft, actor=None)
    second = standard_draft_from(standard=first, actor=None)

    standard_publish(standard=second, actor=None)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.version, second.version) == (1, 2)
    assert first.status == StandardStatus.SUPERSEDED
    assert first.superseded_at is not None
    assert second.status == StandardStatus.PUBLISHED
    assert Standard.objects.filter(service=draft.service, status=StandardStatus.PUBLISHED).count() == 1


def test_it_refuses_to_publish_a_draft_with_a_missing_component(service):
    incomplete = standard_draft_create(
        service=service, actor=None, components=complete_components(facilities=[])
    )

    with pytest.raises(StandardNotPublishable) as error:
        standard_publish(standard=incomplete, actor=None)

    assert [item.component for item in error.value.items] == ["facilities"]
    assert "Sarana, prasarana" in str(error.value)
    incomplete.refresh_from_db()
    assert incomplete.status == StandardStatus.DRAFT


def test_it_refuses_to_publish_an_already_published_version(draft):
    published = standard_publish(standard=draft, actor=None)

    with pytest.raises(StandardNotEditable):
        standard_publish(standard=published, actor=None)
