import logging

from django.urls import reverse

from standards.services import standard_publish


def test_a_403_is_logged_as_one_line_without_a_traceback(client, agency_admin, draft, caplog):
    published = standard_publish(standard=draft, actor=None)
    client.force_login(agency_admin)

    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.post(reverse("admin:standards_standard_change", args=[published.pk]), {})

    assert response.status_code == 403
    records = [r for r in caplog.records if r.name == "django.request"]
    assert len(records) == 1
    assert records[0].getMessage().startswith("Forbidden")
    assert records[0].exc_info is None
    assert records[0].exc_text is None
