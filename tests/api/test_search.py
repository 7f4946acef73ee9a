"""search and search/suggest: the contract's shape, answered through search.service."""

import pytest

from tests import factories


@pytest.fixture
def content(club):
    factories.load(
        activities=[
            factories.activity(
                "vv-ochten",
                slug="taalcafe",
                title={"nl": "Taalcafé", "pl": "Kawiarnia językowa"},
                languages_offered=["nl", "pl"],
            ),
            factories.activity(
                "vv-ochten", slug="voetbal", category="sport", title={"nl": "Voetbal"}
            ),
        ],
        guides=[factories.guide("vv-ochten", slug="taal-leren", title={"nl": "Taal leren"})],
    )


def test_search_answers_in_the_contract_shape(api, content):
    answer = api.json("search", q="taal")
    assert set(answer) == {"backend", "total", "results", "facets", "suggestion"}
    assert answer["backend"] == "database"
    assert answer["total"] == 2
    assert {(hit["type"], hit["slug"]) for hit in answer["results"]} == {
        ("activity", "taalcafe"),
        ("guide", "taal-leren"),
    }
    hit = answer["results"][0]
    assert set(hit) == {
        "type",
        "slug",
        "title",
        "summary",
        "url",
        "score",
        "highlight",
        "language",
        "translated",
        "fallback_language",
    }
    assert set(answer["facets"]) == {"type", "category", "partner", "offered_language"}
    assert {"key": "activity", "count": 1} in answer["facets"]["type"]


def test_search_results_say_which_language_they_are_in(api, content):
    hits = {hit["slug"]: hit for hit in api.json("search", q="taal", lang="pl")["results"]}
    assert hits["taalcafe"]["title"] == "Kawiarnia językowa"
    assert (hits["taalcafe"]["language"], hits["taalcafe"]["translated"]) == ("pl", True)
    assert hits["taal-leren"]["fallback_language"] in ("en", "nl")
    assert hits["taalcafe"]["url"] == "/pl/activiteiten/taalcafe/"


def test_search_filters_reach_the_search_service(api, content):
    assert [hit["slug"] for hit in api.json("search", type="guide")["results"]] == ["taal-leren"]
    activity_types = api.json("search", category="sport")["results"]
    assert [hit["slug"] for hit in activity_types] == ["voetbal"]
    spoken = api.json("search", offered_language="pl", type="activity")["results"]
    assert [hit["slug"] for hit in spoken] == ["taalcafe"]
    assert len(api.json("search", page_size=1)["results"]) == 1


def test_suggest_completes_titles(api, content):
    answer = api.json("search/suggest", q="Taal", lang="nl")
    assert {(s["type"], s["slug"]) for s in answer["results"]} == {
        ("activity", "taalcafe"),
        ("guide", "taal-leren"),
    }
    assert set(answer["results"][0]) == {"type", "slug", "title", "url"}
