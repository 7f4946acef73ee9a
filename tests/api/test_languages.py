"""Language: ?lang= over Accept-Language (q-values) over nl; fallback en → nl, and saying so."""

import pytest

from cms.models import Category
from tests import factories

ALL_CODES = ["nl", "en", "pl", "ro", "bg", "hu", "lt", "lv", "sk", "cs", "pt", "es", "uk"]


@pytest.fixture
def cafe(club):
    """Titled in Dutch, English and Polish; summarised in Dutch and English only."""
    factories.load(
        activities=[
            factories.activity(
                "vv-ochten",
                slug="taalcafe",
                title={"nl": "Taalcafé", "en": "Language café", "pl": "Kawiarnia językowa"},
                summary={"nl": "Samen oefenen.", "en": "Practise together."},
            )
        ]
    )


def shown(api, **params):
    return api.json("activities/taalcafe", **params)


def test_languages_endpoint_lists_every_offered_language(api, db):
    languages = api.json("languages")
    assert [language["code"] for language in languages] == ALL_CODES
    assert languages[2] == {"code": "pl", "name": "Polish", "native_name": "Polski", "rtl": False}


def test_languages_endpoint_answers_names_and_direction_exactly(api, db):
    """Byte for byte: English names and direction come from Django, native names from settings."""
    response = api.get("languages")
    assert response.content.decode() == (
        '[{"code":"nl","name":"Dutch","native_name":"Nederlands","rtl":false},'
        '{"code":"en","name":"English","native_name":"English","rtl":false},'
        '{"code":"pl","name":"Polish","native_name":"Polski","rtl":false},'
        '{"code":"ro","name":"Romanian","native_name":"Română","rtl":false},'
        '{"code":"bg","name":"Bulgarian","native_name":"Български","rtl":false},'
        '{"code":"hu","name":"Hungarian","native_name":"Magyar","rtl":false},'
        '{"code":"lt","name":"Lithuanian","native_name":"Lietuvių","rtl":false},'
        '{"code":"lv","name":"Latvian","native_name":"Latviešu","rtl":false},'
        '{"code":"sk","name":"Slovak","native_name":"Slovenčina","rtl":false},'
        '{"code":"cs","name":"Czech","native_name":"Čeština","rtl":false},'
        '{"code":"pt","name":"Portuguese","native_name":"Português","rtl":false},'
        '{"code":"es","name":"Spanish","native_name":"Español","rtl":false},'
        '{"code":"uk","name":"Ukrainian","native_name":"Українська","rtl":false}]'
    )


def test_dutch_when_nothing_is_asked(api, cafe):
    response = api.get("activities/taalcafe")
    assert response.json()["title"] == "Taalcafé"
    assert response["Content-Language"] == "nl"


def test_lang_parameter_wins_over_accept_language(api, cafe):
    activity = api.json("activities/taalcafe", lang="pl")
    response = api.get("activities/taalcafe", {"Accept-Language": "en"}, lang="pl")
    assert activity["title"] == "Kawiarnia językowa"
    assert response.json()["title"] == "Kawiarnia językowa"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("pl", "pl"),
        ("pl-PL,pl;q=0.9", "pl"),
        ("en;q=0.4, pl;q=0.8", "pl"),  # q-values, not the order, decide
        ("de, fr;q=0.9, pl;q=0.5", "pl"),  # languages we do not offer are skipped
        ("de", "nl"),
        ("*", "nl"),
        ("pl;q=0, en", "en"),  # q=0 means "not this one"
    ],
)
def test_accept_language_is_honoured_with_q_values(api, cafe, header, expected):
    response = api.get("activities/taalcafe", {"Accept-Language": header})
    assert response["Content-Language"] == expected
    assert (
        response.json()["title"]
        == {
            "pl": "Kawiarnia językowa",
            "en": "Language café",
            "nl": "Taalcafé",
        }[expected]
    )


def test_answers_vary_by_accept_language_for_caches(api, cafe):
    assert "Accept-Language" in api.get("activities/taalcafe")["Vary"]


def test_translated_object_says_it_is_translated(api, cafe):
    activity = shown(api, lang="pl")
    assert (activity["language"], activity["translated"], activity["fallback_language"]) == (
        "pl",
        True,
        None,
    )


def test_missing_text_falls_back_to_english_and_says_so(api, cafe):
    activity = shown(api, lang="ro")
    assert activity["title"] == "Language café"
    assert (activity["language"], activity["translated"], activity["fallback_language"]) == (
        "en",
        False,
        "en",
    )


def test_fallback_goes_on_to_dutch_when_english_is_missing_too(api, club):
    factories.load(
        activities=[factories.activity("vv-ochten", slug="alleen-nl", title={"nl": "Fietsles"})]
    )
    activity = api.json("activities/alleen-nl", lang="bg")
    assert activity["title"] == "Fietsles"
    assert (activity["language"], activity["fallback_language"]) == ("nl", "nl")


def test_each_field_follows_the_chain_on_its_own(api, cafe):
    # The Polish title exists, the Polish summary does not: the summary is English.
    activity = shown(api, lang="pl")
    assert activity["title"] == "Kawiarnia językowa"
    assert activity["summary"] == "Practise together."


def test_nested_translated_objects_carry_their_own_language(api, cafe):
    Category.objects.filter(slug="language").update(name_pl="")
    category = shown(api, lang="pl")["category"]
    assert category == {
        "slug": "language",
        "name": "Language",
        "language": "en",
        "translated": False,
        "fallback_language": "en",
        "machine_translated": False,
    }


def test_links_point_to_the_site_in_the_requested_language(api, cafe):
    assert shown(api, lang="pl")["url"] == "/pl/activiteiten/taalcafe/"


@pytest.mark.parametrize("code", ["xx", "de", "pl-PL", "english"])
def test_unknown_lang_is_a_400_that_lists_the_supported_codes(api, cafe, code):
    response = api.get("activities/taalcafe", lang=code)
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["field"]) == ("unsupported_language", "lang")
    assert all(supported in error["message"] for supported in ALL_CODES)


def test_lang_is_case_insensitive(api, cafe):
    assert shown(api, lang="PL")["language"] == "pl"
