"""What the service worker may keep: the worker itself, the manifest and the list of pages."""

from __future__ import annotations

import json

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_the_pages_kept_are_the_guides_and_four_weeks_of_activities(
    site, content, django_assert_num_queries
):
    # Two queries: the guides, and the activities with an occurrence in the next four weeks.
    with django_assert_num_queries(2):
        response = site.get("/pl/offline/pages.json")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-cache"
    assert json.loads(response.content)["pages"] == [
        "/pl/",
        "/pl/activiteiten/",
        "/pl/wegwijzers/",
        "/pl/wegwijzers/de-huisarts/",
        "/pl/wegwijzers/werk-zoeken/",
        # The GGD hour (tomorrow) and the football (weekly); the language café is 40 days away.
        "/pl/activiteiten/gemengd-voetbal/",
        "/pl/activiteiten/ggd-spreekuur/",
    ]
    assert json.loads(site.html("/bg/offline/pages.json"))["pages"][0] == "/bg/"


def test_the_service_worker_covers_the_whole_site_and_is_checked_on_every_visit(site):
    response = site.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert b'addEventListener("fetch"' in response.content
    # Under the site's own CSP: a worker runs with its script's policy.
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_the_manifest_opens_the_site_in_the_visitors_language(site):
    response = site.get("/bg/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == "/bg/" and manifest["lang"] == "bg"
    assert manifest["description"] == "Дейности и пътеводители за хора от чужбина."
    assert finders.find(manifest["icons"][0]["src"].removeprefix("/static/"))


def test_every_page_links_the_manifest_and_hides_the_offline_parts_without_script(site, content):
    html = site.html("/pl/wegwijzers/de-huisarts/")
    assert '<link rel="manifest" href="/pl/manifest.webmanifest">' in html
    # Shown only by the service worker (a kept copy) and by the script (the button).
    assert '<p class="offline-note" role="status" hidden data-offline-note>' in html
    button = '<button type="button" data-keep-offline hidden>Zachowaj do użytku offline</button>'
    assert button in html
    assert '<script src="/static/wegwijs/offline.js" defer></script>' in html
