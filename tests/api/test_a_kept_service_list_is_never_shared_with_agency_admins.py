"""An agency admin's service list shows its drafts: it is never kept for, nor served from, the
public pages anonymous callers get — in either order."""

from django.test import Client

URL = "/api/v1/services"


def _slugs(response):
    return [row["slug"] for row in response.json()["results"]]


def test_an_admins_list_with_drafts_is_not_served_to_an_anonymous_caller(db, draft, agency_admin):
    admin = Client()
    admin.force_login(agency_admin)
    assert _slugs(admin.get(URL)) == ["surat-pengantar-izin-keramaian"]

    response = Client().get(URL)

    assert (response.json()["count"], _slugs(response)) == (0, [])


def test_an_admin_is_not_served_the_anonymous_list_kept_before(db, draft, agency_admin):
    assert Client().get(URL).json()["count"] == 0
    assert Client().get(URL).json()["count"] == 0  # now served from the cache

    admin = Client()
    admin.force_login(agency_admin)
    response = admin.get(URL)

    assert _slugs(response) == ["surat-pengantar-izin-keramaian"]
    assert response["Cache-Control"] == "private, no-store"


def test_an_admins_list_is_made_afresh_on_every_request(db, draft, agency_admin, django_assert_num_queries):
    admin = Client()
    admin.force_login(agency_admin)
    admin.get(URL)

    # session and user, the agencies the user administers, then count, page, standards in force
    with django_assert_num_queries(6):
        assert admin.get(URL).json()["count"] == 1
