"""Highlights in the shown language, "did you mean", and title autocomplete."""

import pytest

from public.search import parse_search_request
from search.query import build_search
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


def test_highlight_in_a_fallback_language():
    # No Polish translation: shown in English, and marked in English, by a second
    # request made only for such hits.
    hit = find("swimming lessons", "pl").results[0]
    assert (hit.slug, hit.language) == ("zwemles-kinderen", "en")
    assert hit.highlight["title"] == ["<mark>Swimming</mark> <mark>lessons</mark> for children"]


def test_the_search_marks_only_the_requested_language():
    # Marking re-analyses each text: the search asks for the requested language's
    # marks alone, not for English and Dutch texts that these hits do not show.
    fields = build_search(parse_search_request({"q": "kurs"}, "pl")).to_dict()["highlight"]
    languages = {name.split(".")[1] for name in fields["fields"] if "." in name}
    assert languages == {"pl"}
