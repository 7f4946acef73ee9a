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
    # Swagger UI's start-up script comes from the page's own address (no inline script).
    assert "/api/v1/docs?script=" in assets
    script = client.get("/api/v1/docs?script=")
    assert script["Content-Type"].startswith("application/javascript")
    for asset in (a for a in assets if not a.startswith("/api/v1/docs?")):
        assert asset.startswith("/static/"), f"{asset} would need the internet"
        assert finders.find(asset.removeprefix("/static/")), f"{asset} is not shipped"
    assert "/api/v1/schema" in script.content.decode()


def test_schema_is_also_served_as_json(client, db):
    response = client.get("/api/v1/schema", {"format": "json"})
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")
