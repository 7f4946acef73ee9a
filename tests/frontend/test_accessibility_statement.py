"""The accessibility statement: per site, in the visitor's language, from what was measured."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from wagtail.models import Site

from public.accessibility import statement as statement_module
from public.accessibility.statement import AXE_TAGS, AXE_VERSION, measurements

from . import browser
from .browser import PHONE, assert_accessible, watch_csp
from .test_browser_journeys import (  # noqa: F401 (fixtures used here)
    chromium,
    migrated_state_afterwards,
)

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_the_statement_names_only_checks_the_suite_really_runs():
    assert tuple(browser.AXE_TAGS) == AXE_TAGS
    package = json.loads((ROOT / "package.json").read_text())
    assert package["devDependencies"]["axe-core"] == AXE_VERSION


def test_every_page_type_measured_keeps_100_for_accessibility_best_practices_and_seo():
    measured = measurements()
    assert measured is not None, "bench/lighthouse/run writes public/accessibility/lighthouse.json"
    assert {page.language for page in measured.pages} == {"pl", "bg"}
    for page in measured.pages:
        kept = {name: page.scores[name] for name in ("accessibility", "best-practices", "seo")}
        assert kept == {"accessibility": 100, "best-practices": 100, "seo": 100}, page


def test_the_page_shows_the_measurements_in_the_visitors_language(site):
    Site.objects.filter(is_default_site=True).update(site_name="Gemeente Neder-Betuwe")
    html = site.html("/pl/toegankelijkheid/")
    measured = measurements()
    assert "<h1>Deklaracja dostępności</h1>" in html
    # The site's configured address, never the host a request named.
    assert "Gemeente Neder-Betuwe chce, aby każdy mógł korzystać z http://127.0.0.1:8000/" in html
    assert f"axe-core {AXE_VERSION} pod kątem WCAG 2.1 AA" in html
    assert f"Lighthouse {measured.lighthouse} zmierzył" in html
    # One row per page measured: its type in Polish, its language, four scores.
    assert html.count('<tr><th scope="row">') == len(measured.pages)
    guide = next(p for p in measured.pages if p.page_type == "guide" and p.language == "bg")
    row = (
        '<tr><th scope="row">Poradnik</th><td lang="bg">Български</td>'
        + "".join(
            f"<td>{guide.scores[name]}</td>"
            for name in ("accessibility", "best-practices", "seo", "performance")
        )
        + "</tr>"
    )
    assert row in html
    assert "Częściowo zgodna" in html  # every page type at 100 for accessibility
    assert '<a href="/pl/vraag/">Zadaj pytanie</a>' in html  # the contact


def test_before_the_first_measurement_the_page_says_so(site, monkeypatch, tmp_path):
    monkeypatch.setattr(statement_module, "MEASUREMENTS", tmp_path / "none.json")
    measurements.cache_clear()
    try:
        html = site.html("/bg/toegankelijkheid/")
    finally:
        measurements.cache_clear()
    assert "Все още не е измерено." in html and "<table>" not in html
    assert "Предприети са първи мерки" in html


def test_every_page_links_the_statement_in_its_footer(site):
    html = site.html("/ro/partners/")
    footer = html[html.index('<footer class="bottom">') :]
    assert '<a href="/ro/toegankelijkheid/">Accesibilitate</a>' in footer


def test_the_statement_page_passes_axe_on_a_phone(
    live_server,
    django_db_serialized_rollback,
    chromium,  # noqa: F811
):
    context = watch_csp(chromium.new_context(locale="bg-BG", **PHONE))
    page = context.new_page()
    page.goto(f"{live_server.url}/bg/toegankelijkheid/")
    assert page.get_by_role("heading", level=1).inner_text() == "Декларация за достъпност"
    assert_accessible(page)
    context.close()
