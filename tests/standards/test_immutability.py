import pytest
from django.db import IntegrityError, transaction

from standards.models import Standard, StandardStatus
from standards.services import (
    StandardNotEditable,
    standard_draft_from,
    standard_draft_update,
    standard_publish,
)
from tests.factories import complete_components


def test_it_refuses_to_change_the_components_of_a_published_version(draft):
    published = standard_publish(standard=draft, actor=None)

    with pytest.raises(StandardNotEditable, match="tidak dapat diubah"):
        standard_draft_update(
            standard=published, actor=None, components=complete_components(products=["Lain"])
        )

    published.refresh_from_db()
    assert published.components["products"] == ["Surat pengantar izin keramaian"]


def test_it_refuses_to_change_the_decree_of_a_published_version(draft):
    published = standard_publish(standard=draft, actor=None)

    with pytest.raises(StandardNotEditable):
        standard_draft_update(standard=published, actor=None, decree_number="999/BARU")

    published.refresh_from_db()
    assert published.decree_number == ""


def test_editing_a_published_version_means_a_new_draft(draft):
    published = standard_publish(standard=draft, actor=None)

    new_draft = standard_draft_from(standard=published, actor=None)
    standard_draft_update(standard=new_draft, actor=None, components=complete_components(products=["Lain"]))

    published.refresh_from_db()
    new_draft.refresh_from_db()
    assert new_draft.version == 2
    assert new_draft.status == StandardStatus.DRAFT
    assert new_draft.components["products"] == ["Lain"]
    assert published.components["products"] == ["Surat pengantar izin keramaian"]


def test_the_database_allows_only_one_published_version_per_service(draft):
    published = standard_publish(standard=draft, actor=None)
    second = standard_draft_from(standard=published, actor=None)

    with pytest.raises(IntegrityError), transaction.atomic():
        Standard.objects.filter(pk=second.pk).update(
            status=StandardStatus.PUBLISHED, published_at=published.published_at
        )
