from standards.services import standard_draft_from, standard_publish


def test_a_superseded_version_is_still_readable_by_id(client, published):
    standard_publish(standard=standard_draft_from(standard=published, actor=None), actor=None)

    response = client.get(f"/api/v1/standards/{published.pk}")

    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["version"], body["status"]) == (published.pk, 1, "superseded")
    assert body["superseded_at"] is not None
    assert body["components"]["products"] == ["Surat pengantar izin keramaian"]


def test_a_superseded_versions_compliance_is_readable_by_id(client, published):
    standard_publish(standard=standard_draft_from(standard=published, actor=None), actor=None)

    body = client.get(f"/api/v1/standards/{published.pk}/compliance").json()

    assert (body["standard_id"], body["status"]) == (published.pk, "superseded")
