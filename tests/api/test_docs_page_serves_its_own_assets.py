import re

from django.contrib.staticfiles import finders


def test_the_docs_page_loads_swagger_ui_from_our_static_files(client):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "/static/ninja/swagger-ui.css" in html
    assert finders.find("ninja/swagger-ui-bundle.js")
    assert finders.find("ninja/swagger-ui.css")


def test_the_docs_page_makes_no_request_outside_the_site(client):
    html = client.get("/api/v1/docs").content.decode()

    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert "cdn" not in html.lower()
    # Swagger UI otherwise shows a badge fetched from the online validator.
    assert re.search(r'"validatorUrl":\s*null', html)
    assert '"/api/v1/openapi.json"' in html
