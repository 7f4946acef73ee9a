"""Guides, the policy plan and partner pages."""

import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_guide_list_and_topic_filter(site, content):
    html = site.html("/pl/wegwijzers/")
    assert "Lekarz rodzinny" in html and "Finding work" in html
    html = site.html("/pl/wegwijzers/", topic="work")
    assert "Lekarz rodzinny" not in html and "Finding work" in html
    assert site.get("/pl/wegwijzers/", topic="nonsense").status_code == 200


def test_guide_page_with_body_author_and_sharing(site, content):
    html = site.html("/pl/wegwijzers/de-huisarts/")
    assert "<h1>Lekarz rodzinny</h1>" in html
    assert "Najpierw zadzwoń do przychodni." in html
    assert 'href="/pl/partners/bibliotheek/"' in html
    assert re.search(r'<meta property="og:title" content="Lekarz rodzinny">', html)
    assert '<meta property="og:type" content="article">' in html
    assert "https://wa.me/?text=" in html


def test_policy_plan_five_blocks_progress_and_actions(site, content):
    html = site.html("/pl/beleidsplan/")
    assert len(re.findall(r'<section class="block" id="block-', html)) == 5
    # Blocks with actions show their roll-up; the whole plan is the mean of all actions.
    assert '<progress max="100" value="60"' in html  # (40 + 80) / 2
    assert re.search(r'id="block-support".*?<progress max="100" value="40"', html, re.S)
    assert re.search(r'id="block-inventory".*?<progress max="100" value="80"', html, re.S)
    assert 'id="taalcafes-uitbreiden"' in html
    assert "Dwie nowe." in html  # its progress update
    assert 'href="/pl/partners/bibliotheek/"' in html  # responsible partner


def test_each_action_shows_its_own_partners_by_name_and_its_updates_newest_first(site, content):
    factories.load(
        policy_actions=[
            factories.policy_action(
                slug="spreekuur-in-het-pools",
                building_block="support",
                responsible=["vv-ochten", "bibliotheek"],
                updates=[
                    {"date": "2026-09-01", "text": {"nl": "Eerste spreekuur.", "pl": "Pierwszy."}},
                    {"date": "2026-11-15", "text": {"nl": "Tweede spreekuur.", "pl": "Drugi."}},
                ],
            )
        ]
    )
    html = site.html("/pl/beleidsplan/")
    articles = dict(re.findall(r'<article class="action" id="([^"]+)">(.*?)</article>', html, re.S))
    shown = articles["spreekuur-in-het-pools"]
    partners = re.findall(r'<a href="/pl/partners/([^/]+)/">', shown)
    assert partners == ["bibliotheek", "vv-ochten"]  # Bibliotheek Kesteren, VV Ochten
    assert shown.index("Drugi.") < shown.index("Pierwszy.")
    other = articles["taalcafes-uitbreiden"]
    assert re.findall(r'<a href="/pl/partners/([^/]+)/">', other) == ["bibliotheek"]
    assert "Dwie nowe." in other and "Drugi." not in other
    assert "Dwie nowe." not in shown
    assert "Gestart." in articles["registratie-campagne"]  # the factory's one update
    assert "/pl/partners/" not in articles["registratie-campagne"]  # and nobody responsible


def test_partner_list_and_page(site, content):
    html = site.html("/pl/partners/")
    assert 'href="/pl/partners/vv-ochten/"' in html and 'href="/pl/partners/bibliotheek/"' in html
    html = site.html("/pl/partners/vv-ochten/")
    assert "<h1>VV Ochten</h1>" in html
    assert "Klub piłkarski w Ochten." in html
    assert 'href="/pl/activiteiten/gemengd-voetbal/"' in html  # what it organises
    assert 'href="/pl/wegwijzers/werk-zoeken/"' in html
    html = site.html("/pl/partners/bibliotheek/")
    assert 'href="/pl/beleidsplan/#taalcafes-uitbreiden"' in html


def test_unknown_partner_is_404(site, content):
    assert site.get("/pl/partners/nobody/").status_code == 404
