"""The browsable docs page works offline: its scripts and styles are our own static files."""

import re

from django.contrib.staticfiles import finders


def test_docs_page_loads_only_local_assets(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets, "the page should load Swagger UI's script and styles"
    for asset in assets:
        assert asset.startswith("/static/"), f"{asset} would need the internet"
        assert finders.find(asset.removeprefix("/static/")), f"{asset} is not shipped"
    assert "/api/v1/schema" in page


def test_schema_is_also_served_as_json(client, db):
    response = client.get("/api/v1/schema", {"format": "json"})
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")
