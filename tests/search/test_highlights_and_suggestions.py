"""Highlights in the shown language, "did you mean", and title autocomplete."""

import pytest

from search.service import suggest
from tests.search.conftest import find

pytestmark = [pytest.mark.search, pytest.mark.usefixtures("corpus_search")]


def test_highlight_is_in_the_requested_language():
    hit = find("jezyka", "pl").results[0]
    assert hit.language == "pl"
    assert "<mark>języka</mark>" in hit.highlight["title"][0]


def test_highlight_marks_stemmed_and_fuzzy_matches():
    hit = find("medicul familie", "ro").results[0]
    assert hit.highlight["title"] == [
        "Cum funcționează <mark>medicul</mark> de <mark>familie</mark>"
    ]
    assert "<mark>medicul</mark>" in hit.highlight["summary"][0]


def test_highlight_of_a_partner_name():
    hit = find("ochten", "nl", types=("partner",)).results[0]
    assert hit.highlight["title"] == ["VV <mark>Ochten</mark>"]


def test_spelling_suggestion_when_little_matches():
    response = find("huisartz", "nl")
    assert response.total < 3
    assert response.suggestion == "huisarts"


def test_no_suggestion_for_a_good_query():
    assert find("huisarts", "nl").suggestion is None


def test_suggest_completes_title_prefixes():
    titles = [s.title for s in suggest("taal", "nl")]
    assert titles[0] == "Taalcafé Ochten"


def test_suggest_completes_later_words_without_accents():
    found = {(s.slug, s.title) for s in suggest("jezyk", "pl")}
    assert found == {
        ("taalcafe-ochten", "Kawiarnia językowa w Ochten"),
        ("cursus-nederlands", "Kurs języka niderlandzkiego dla początkujących"),
    }


def test_suggest_prefers_the_requested_language_and_lists_a_page_once():
    # "Ochten" ends the language café's title in five languages.
    found = suggest("ochten", "pl")
    assert [(s.slug, s.title, s.url) for s in found] == [
        ("taalcafe-ochten", "Kawiarnia językowa w Ochten", "/pl/activiteiten/taalcafe-ochten/")
    ]


def test_suggest_tolerates_a_typo():
    assert [s.slug for s in suggest("zwenl", "nl")] == ["zwemles-kinderen"]
