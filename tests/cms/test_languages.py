"""The fallback chain and language negotiation: one place, used by API and site."""

import pytest

from cms.translation.fallback import fallback_chain, translated_value
from cms.translation.languages import (
    UnsupportedLanguage,
    language_codes,
    negotiate_language,
    parse_accept_language,
)


class Texts:
    """Stands in for a translated model instance: attributes per language."""

    def __init__(self, **values):
        for code in language_codes():
            setattr(self, f"title_{code}", values.get(code, ""))


def test_thirteen_languages_are_offered_with_dutch_first():
    assert language_codes()[0] == "nl"
    assert set(language_codes()) >= {
        "nl",
        "en",
        "pl",
        "ro",
        "bg",
        "hu",
        "lt",
        "lv",
        "sk",
        "cs",
        "pt",
        "es",
        "uk",
    }


def test_chain_is_requested_then_english_then_dutch():
    assert fallback_chain("pl") == ("pl", "en", "nl")
    assert fallback_chain("en") == ("en", "nl")
    assert fallback_chain("nl") == ("nl", "en")


def test_requested_language_is_used_when_present():
    result = translated_value(
        Texts(nl="Taalcafé", en="Language café", pl="Kawiarnia"), "title", "pl"
    )
    assert (result.text, result.language, result.translated, result.fallback_language) == (
        "Kawiarnia",
        "pl",
        True,
        None,
    )


def test_missing_translation_falls_back_to_english_and_says_so():
    result = translated_value(Texts(nl="Taalcafé", en="Language café"), "title", "ro")
    assert (result.text, result.language, result.translated, result.fallback_language) == (
        "Language café",
        "en",
        False,
        "en",
    )


def test_without_english_dutch_is_shown():
    result = translated_value(Texts(nl="Taalcafé", en="   "), "title", "bg")
    assert (result.text, result.fallback_language) == ("Taalcafé", "nl")


def test_explicit_language_wins_over_browser():
    assert negotiate_language("ro", "pl,en;q=0.5") == "ro"


def test_browser_preference_honours_q_values():
    assert parse_accept_language("en;q=0.3, pl-PL;q=0.9, ro") == ["ro", "pl-pl", "en"]
    assert negotiate_language(None, "de-DE, pl-PL;q=0.8, en;q=0.5") == "pl"


def test_default_is_dutch():
    assert negotiate_language(None, None) == "nl"
    assert negotiate_language("", "fr, de") == "nl"


def test_unknown_explicit_code_is_an_error_listing_supported_codes():
    with pytest.raises(UnsupportedLanguage) as error:
        negotiate_language("xx", None)
    assert "pl" in str(error.value) and "xx" in str(error.value)
