"""The glossary page, and guide texts whose terms link to it (server-side, no script)."""

from __future__ import annotations

import re

import pytest

from cms.demo.glossary import load_demo_glossary
from cms.models import GlossaryTerm
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def glossary(db) -> None:
    load_demo_glossary()


@pytest.fixture
def guide(glossary) -> None:
    factories.load(
        partners=[factories.partner(slug="ggd-gz", name="GGD Gelderland-Zuid")],
        guides=[
            factories.guide(
                "ggd-gz",
                slug="zorg-regelen",
                title={"nl": "Zorg regelen", "pl": "Opieka zdrowotna"},
                body={
                    "nl": "Kies een zorgverzekering. Daarna zoek je een huisarts. "
                    "Een tweede huisarts is niet nodig.",
                    "pl": "Wybierz ubezpieczenie zdrowotne. Potem znajdź lekarza rodzinnego "
                    "(huisarts). Masz zorgtoeslag? Lekarz rodzinny pomoże.",
                },
            )
        ],
    )


def test_every_term_has_its_anchor_its_word_and_the_dutch_word(site, glossary):
    html = site.html("/pl/woordenlijst/")
    assert "<h1>Słowniczek</h1>" in html
    assert len(re.findall(r'<dt id="[a-z-]+">', html)) == GlossaryTerm.objects.count() == 10
    assert re.search(
        r'<dt id="huisarts"><span>lekarz rodzinny</span> <span class="dutch" lang="nl">'
        r"\(huisarts\)</span></dt>\s*<dd>Lekarz w pobliżu",
        html,
    )
    # Kept in Dutch in every language, so not repeated in brackets.
    assert re.search(r'<dt id="zorgtoeslag"><span>zorgtoeslag</span></dt>', html)


def test_an_untranslated_explanation_is_marked_in_its_own_language(site, glossary):
    GlossaryTerm.objects.filter(slug="digid").update(explanation_lv="")
    html = site.html("/lv/woordenlijst/")
    assert re.search(r'<dd lang="en" dir="ltr">Your digital identity.*?class="fallback"', html)


def test_the_footer_links_the_glossary(site, glossary):
    assert 'href="/ro/woordenlijst/">Glosar</a>' in site.html("/ro/woordenlijst/")


def test_the_first_mention_of_each_term_in_a_guide_links_to_its_entry(site, guide):
    html = site.html("/pl/wegwijzers/zorg-regelen/")
    body = re.search(r'<div class="body">(.*?)</div>', html, re.S).group(1)
    links = re.findall(r'<a class="term" href="([^"]+)">([^<]+)</a>', body)
    # The approved Polish word and the Dutch word alike; once per term ("Lekarz rodzinny"
    # at the end is the second mention of huisarts); the text's own case kept.
    assert links == [
        ("/pl/woordenlijst/#zorgverzekering", "ubezpieczenie zdrowotne"),
        ("/pl/woordenlijst/#huisarts", "huisarts"),
        ("/pl/woordenlijst/#zorgtoeslag", "zorgtoeslag"),
    ]


def test_a_fallback_text_is_linked_to_the_visitors_glossary(site, guide):
    html = site.html("/lt/wegwijzers/zorg-regelen/")  # no Lithuanian body: Dutch is shown
    body = re.search(r'<div class="body"[^>]*>(.*?)</div>', html, re.S).group(1)
    assert re.findall(r'<a class="term" href="([^"]+)">([^<]+)</a>', body) == [
        ("/lt/woordenlijst/#zorgverzekering", "zorgverzekering"),
        ("/lt/woordenlijst/#huisarts", "huisarts"),
    ]


def test_pages_without_a_glossary_show_their_text_unlinked(site, guide):
    GlossaryTerm.objects.all().delete()
    html = site.html("/pl/wegwijzers/zorg-regelen/")
    assert 'class="term"' not in html and "Wybierz ubezpieczenie zdrowotne." in html
