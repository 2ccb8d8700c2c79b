def test_switching_to_english_shows_english_headings(client, published):
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/kec-contoh/surat-pengantar-izin-keramaian/"}
    )
    assert response.status_code == 302

    body = client.get(response["Location"]).content.decode()

    assert '<html lang="en">' in body
    assert "A. Service standard components related to the service delivery process" in body
    assert "<h3>Requirements</h3>" in body
    assert "<h3>Staff performance evaluation</h3>" in body
    assert "at most 15 minutes" in body
    assert "Free of charge" in body


def test_every_page_offers_the_language_switch(client, published):
    body = client.get("/").content.decode()

    assert 'action="/i18n/setlang/"' in body
    assert 'name="language"' in body
    assert '<option value="en"' in body
