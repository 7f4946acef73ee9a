"""What a migrant types finds what they mean, in their language or another."""

import re

import pytest

from public.search import parse_search_request
from search.query import build_search
from tests.search.conftest import find, slugs

pytestmark = [pytest.mark.search, pytest.mark.usefixtures("corpus_search")]


def test_the_engine_answers():
    assert find("taalcafé").backend == "elasticsearch"


def test_dutch_plural_finds_the_singular():
    # "cursussen" → "cursus": the Dutch analyzer's stemming, not typo tolerance.
    assert slugs(find("cursussen", "nl"))[0] == "cursus-nederlands"
    assert slugs(find("lessen", "nl"))[0] == "cursus-nederlands"  # "Tien lessen" ← "les"


def test_polish_without_accents_finds_the_polish_text():
    response = find("jezyka niderlandzkiego", "pl")
    assert set(slugs(response)[:2]) == {"cursus-nederlands", "taalcafe-ochten"}
    assert response.results[0].language == "pl"


def test_a_typo_is_forgiven():
    assert slugs(find("voetbl", "nl"))[0] == "gemengd-voetbal"
    assert slugs(find("huisats", "nl"))[0] == "huisarts"


def test_romanian_query_finds_the_romanian_translation():
    response = find("medicul de familie", "ro")
    assert slugs(response)[0] == "huisarts"
    hit = response.results[0]
    assert (hit.title, hit.language) == ("Cum funcționează medicul de familie", "ro")
    assert hit.url == "/ro/wegwijzers/huisarts/"


def test_romanian_without_diacritics():
    assert slugs(find("limba olandeza", "ro"))[0] == "cursus-nederlands"


def test_bulgarian_query_finds_the_bulgarian_translation():
    response = find("личен лекар", "bg")
    assert slugs(response)[0] == "huisarts"
    assert response.results[0].title == "Как работи личният лекар"


def test_english_stemming():
    assert slugs(find("swimming lesson", "en"))[0] == "zwemles-kinderen"


def test_other_languages_are_still_found():
    # Asked in Polish, typed in Dutch: found, shown in Polish where a translation exists.
    response = find("huisarts", "pl")
    assert slugs(response)[0] == "huisarts"
    assert response.results[0].title == "Jak działa lekarz rodzinny"


def test_a_word_outside_the_readers_languages_is_still_found():
    # Read in Dutch (nl, then en), typed in Bulgarian: found in the Bulgarian text, and
    # shown in Dutch, the language this reader reads.
    response = find("личен лекар", "nl")
    assert slugs(response)[0] == "huisarts"
    assert response.results[0].language == "nl"


def test_a_typo_in_a_word_outside_the_readers_languages_is_forgiven():
    # "лекр" for "лекар": typos are forgiven in Bulgarian only after the reader's own
    # languages found nothing.
    assert slugs(find("личен лекр", "nl"))[0] == "huisarts"


def test_typos_are_forgiven_in_the_readers_languages_only():
    # Forgiving typos costs the engine an expansion of every word per field: a Polish
    # reader's search forgives them in Polish, English and Dutch, not in the other ten.
    query = build_search(parse_search_request({"q": "kurs jezyka"}, "pl")).to_dict()["query"]
    assert _fuzzy_languages(query) == {"pl", "en", "nl"}


def _fuzzy_languages(query) -> set[str]:
    """The languages of the text fields that a part of ``query`` matches with typos."""
    found = set()
    if isinstance(query, dict):
        if "fuzziness" in query:
            fields = query.get("fields", [])
            found |= {
                m[1]
                for f in fields
                if (m := re.match(r"(?:all_text|title|summary)\.([a-z]{2})", f))
            }
        for value in query.values():
            found |= _fuzzy_languages(value)
    elif isinstance(query, list):
        for value in query:
            found |= _fuzzy_languages(value)
    return found


def test_a_fallback_title_says_its_language():
    hit = find("zwemles", "pl").results[0]
    assert (hit.slug, hit.language, hit.title) == (
        "zwemles-kinderen",
        "en",
        "Swimming lessons for children",
    )


def test_the_requested_language_ranks_first():
    # "WhatsApp" is in the football team's Dutch text and the language café's Polish text.
    assert slugs(find("whatsapp", "nl")) == ["gemengd-voetbal", "taalcafe-ochten"]
    assert slugs(find("whatsapp", "pl")) == ["taalcafe-ochten", "gemengd-voetbal"]


def test_a_phrase_match_ranks_higher():
    # Both summaries hold both words; the course's has them side by side.
    assert slugs(find("samen oefenen", "nl"))[:2] == ["cursus-nederlands", "taalcafe-ochten"]


def test_every_word_must_match_somewhere():
    assert find("voetbal huisarts", "nl").total == 0


def test_empty_query_lists_everything_filtered():
    assert find("", "nl").total == 10
