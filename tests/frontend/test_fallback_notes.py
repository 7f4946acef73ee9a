"""A text missing in the visitor's language is shown in English (else Dutch), and says so."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db

NOTE = "This text is not available in %(language)s yet. It is shown in %(fallback)s."
OUTDATED = (
    "The Dutch text of this guide has changed since it was translated. "
    "The translation may be out of date."
)


def note_in(code: str, fallback: str) -> str:
    with translation.override(code):
        return translation.gettext(NOTE) % {
            "language": translation.get_language_info(code)["name_translated"],
            "fallback": translation.get_language_info(fallback)["name_translated"],
        }


def test_translated_page_has_no_note(site, content):
    html = site.html("/pl/wegwijzers/de-huisarts/")
    assert 'class="fallback"' not in html


def test_fallback_title_carries_its_language_and_a_note_in_the_visitors_language(site, content):
    html = site.html("/ro/activiteiten/gemengd-voetbal/")
    assert '<h1 lang="en" dir="ltr">Mixed football</h1>' in html
    assert note_in("ro", "en") in html
    with translation.override("ro"):
        assert translation.gettext(NOTE) != NOTE  # really in Romanian


def test_falls_back_to_dutch_when_english_is_missing_too(site, content):
    html = site.html("/bg/wegwijzers/de-huisarts/")
    # The body exists in Dutch and Polish only: Bulgarian visitors get Dutch, and a note.
    assert '<div class="body" lang="nl" dir="ltr">' in html
    assert note_in("bg", "en") in html  # title and summary: English


def test_activity_body_only_in_dutch_gets_its_own_note(site, content):
    html = site.html("/pl/activiteiten/gemengd-voetbal/")
    assert '<div class="body" lang="nl" dir="ltr">' in html
    assert note_in("pl", "nl") in html


def test_cards_in_lists_mark_fallbacks_too(site, content):
    html = site.html("/ro/activiteiten/")
    assert 'lang="en" dir="ltr">Mixed football</a>' in html
    assert 'class="fallback"' in html
    assert ">Cafenea</a>" in html  # the Romanian title, without a note


def test_policy_action_and_update_fallbacks(site, content):
    html = site.html("/pl/beleidsplan/")
    assert "Więcej kawiarenek" in html and "Dwie nowe." in html
    assert '<h3 lang="nl" dir="ltr">Inschrijfcampagne</h3>' in html


def test_an_outdated_translation_is_flagged(site, content):
    from cms.models import GuidePage

    guide = GuidePage.objects.get(slug="de-huisarts")
    guide.summary_nl = "Zo werkt de huisarts, nu met de avondpost."
    guide.save_revision().publish()
    html = site.html("/pl/wegwijzers/de-huisarts/")
    with translation.override("pl"):
        assert translation.gettext(OUTDATED) in html
    assert translation.gettext(OUTDATED) not in site.html("/nl/wegwijzers/de-huisarts/")
