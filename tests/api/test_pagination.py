from urllib.parse import parse_qs, urlsplit

from tests.api.helpers import make_published_services


def _query(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def test_it_links_to_the_next_and_previous_pages_keeping_the_filters(client, agency):
    make_published_services(agency, 5)

    first = client.get("/api/v1/services", {"agency": "kec-contoh", "page_size": 2}).json()
    second = client.get(first["next"]).json()
    last = client.get(second["next"]).json()

    assert (first["count"], first["page"], first["page_size"]) == (5, 1, 2)
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/v1/services?")
    assert _query(first["next"]) == {"agency": "kec-contoh", "page_size": "2", "page": "2"}
    assert _query(second["previous"])["page"] == "1"
    assert (last["page"], last["next"], len(last["results"])) == (3, None, 1)
    slugs = [s["slug"] for page in (first, second, last) for s in page["results"]]
    assert slugs == [f"layanan-contoh-{n:02d}" for n in range(5)]


def test_a_page_past_the_end_is_empty_and_points_back_to_the_last_page(client, agency):
    make_published_services(agency, 3)

    body = client.get("/api/v1/services", {"page": 9, "page_size": 2}).json()

    assert (body["count"], body["results"], body["next"]) == (3, [], None)
    assert _query(body["previous"])["page"] == "2"


def test_the_largest_page_size_is_accepted(client, agency):
    make_published_services(agency, 1)

    response = client.get("/api/v1/agencies", {"page_size": 100})

    assert response.status_code == 200
    assert response.json()["page_size"] == 100
