"""ETag and Last-Modified let clients revalidate the standard in force cheaply."""

import datetime as dt

from django.utils.http import http_date

from standards.services import standard_draft_from, standard_publish

URL = "/api/v1/agencies/kec-contoh/services/surat-pengantar-izin-keramaian/standard"


def test_a_matching_etag_gets_304_without_a_body(client, published):
    first = client.get(URL)

    again = client.get(URL, headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == "public, max-age=300"


def test_a_stale_etag_gets_the_full_standard(client, published):
    response = client.get(URL, headers={"if-none-match": '"something-else"'})

    assert response.status_code == 200
    assert response.json()["id"] == published.pk


def test_an_unchanged_standard_since_last_modified_gets_304(client, published):
    first = client.get(URL)

    again = client.get(URL, headers={"if-modified-since": first["Last-Modified"]})

    assert again.status_code == 304
    assert again["Last-Modified"] == first["Last-Modified"]


def test_a_standard_changed_after_if_modified_since_gets_200(client, published):
    long_ago = http_date((published.updated_at - dt.timedelta(days=1)).timestamp())

    response = client.get(URL, headers={"if-modified-since": long_ago})

    assert response.status_code == 200


def test_publishing_a_new_version_changes_the_etag(client, published):
    old_etag = client.get(URL)["ETag"]
    standard_publish(standard=standard_draft_from(standard=published, actor=None), actor=None)

    response = client.get(URL, headers={"if-none-match": old_etag})

    assert response.status_code == 200
    assert response.json()["version"] == 2
    assert response["ETag"] != old_etag


def test_a_superseded_version_by_id_also_answers_304(client, published):
    url = f"/api/v1/standards/{published.pk}"
    etag = client.get(url)["ETag"]

    assert client.get(url, headers={"if-none-match": etag}).status_code == 304
