"""Every page type's first load stays under 100 KB (HTML + CSS + JS), on the demo data.

Images do not count: they are lazy and sized, so they load after the page is usable.
The offline service worker does: the first visit installs it.
"""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

BUDGET = 100_000
PAGE_TYPES = {
    "home": "/pl/",
    "activity list": "/pl/activiteiten/",
    "activity list, filtered": "/pl/activiteiten/?category=sport&free=on",
    "activity": "/pl/activiteiten/gemengd-voetbalteam-vv-ochten/",
    "guide list": "/pl/wegwijzers/",
    "guide": "/pl/wegwijzers/zo-werkt-de-huisarts/",
    "policy plan": "/pl/beleidsplan/",
    "partner list": "/pl/partners/",
    "partner": "/pl/partners/gemeente-neder-betuwe/",
    "search": "/pl/zoeken/?q=taal",
    "glossary": "/pl/woordenlijst/",
}


def first_load(site, path: str) -> dict[str, int]:
    html = site.html(path)
    sizes = {"html": len(html.encode())}
    assets = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html) + re.findall(
        r'<script src="/static/([^"]+)"', html
    )
    # schema.org data is a <script> too, but never loads or runs anything (it counts as HTML).
    loaded = re.findall(r'<link rel="stylesheet"|<script(?! type="application/ld\+json")', html)
    assert len(assets) == len(loaded), "every stylesheet and script is one of ours"
    for asset in assets:
        sizes[asset] = Path(finders.find(asset)).stat().st_size
    assert "wegwijs/offline.js" in assets, "the page registers the offline service worker"
    sizes["service worker"] = len(site.get("/sw.js").content)
    return sizes


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_first_load_under_100_kb(site, demo, name):
    sizes = first_load(site, PAGE_TYPES[name])
    assert sum(sizes.values()) < BUDGET, sizes


def test_no_web_fonts_and_no_framework(site, demo):
    css = Path(finders.find("wegwijs/site.css")).read_text(encoding="utf-8")
    assert "@font-face" not in css and "@import" not in css
    html = site.html("/pl/")
    # The home page's only script registers the offline service worker.
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/wegwijs/offline.js" defer>']
