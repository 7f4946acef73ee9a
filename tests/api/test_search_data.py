"""The search answer written directly (``search_response_data``) is, byte for byte, what DRF's
generic walk of ``SearchResponseSerializer`` writes, for every shape a hit and a facet take."""

import pytest
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from api.serializers.search import SearchResponseSerializer
from search.contract import FacetBucket, SearchHit, SearchResponse

HITS = [
    # Shown in the requested language, marks in two fields.
    SearchHit(
        type="activity",
        slug="gemengd-voetbal",
        title="Mieszana drużyna",
        summary="Gramy z sąsiadami <3 & więcej.",
        url="/pl/activities/gemengd-voetbal/",
        score=12.5,
        highlight={"title": ["<mark>Mieszana</mark> drużyna"], "body": ["a", "b <mark>c</mark>"]},
        language="pl",
    ),
    # Shown in a fallback language, no marks, a whole-number score.
    SearchHit(
        type="guide",
        slug="huisarts",
        title="Family doctor",
        summary="",
        url="/pl/guides/huisarts/",
        score=3,
        highlight={},
        language="en",
    ),
    # The database backend: no language of its own, no score worth the name.
    SearchHit(
        type="partner",
        slug="bibliotheek",
        title="Bibliotheek Kesteren",
        summary="Boeken en taalcafé",
        url="/pl/partners/bibliotheek/",
        score=0.0,
    ),
    SearchHit(
        type="policy_action",
        slug="taal",
        title="Taal",
        summary=None,
        url="/pl/plan/taal/",
        score=1.0,
        highlight={"summary": []},
        language="nl",
    ),
]

FACETS = {
    "type": [FacetBucket("activity", 7), FacetBucket("guide", 2)],
    "category": [FacetBucket("sport", 5)],
    "partner": [],
    "offered_language": [FacetBucket("pl", 3), FacetBucket("uk", 1)],
}


def _generic(response: SearchResponse, language: str) -> bytes:
    serializer = SearchResponseSerializer(response, context={"language": language})
    return JSONRenderer().render(serializers.Serializer.to_representation(serializer, response))


def _direct(response: SearchResponse, language: str) -> bytes:
    return JSONRenderer().render(
        SearchResponseSerializer(response, context={"language": language}).data
    )


@pytest.mark.parametrize(
    "response",
    [
        SearchResponse("elasticsearch", 11, HITS, FACETS, suggestion=None),
        SearchResponse("elasticsearch", 1, HITS[:1], FACETS, suggestion="kurs języka"),
        # Searched in one of several municipalities: the facet is there.
        SearchResponse(
            "elasticsearch",
            4,
            HITS[1:],
            {**FACETS, "municipality": [FacetBucket("tiel", 4), FacetBucket("buren", 1)]},
        ),
        # A backend that counted nothing for some facets: they are present, empty.
        SearchResponse("database", 0, [], {"type": []}),
    ],
)
@pytest.mark.parametrize("language", ["pl", "nl", "uk"])
def test_search_answer_is_the_serializers_byte_for_byte(response, language):
    assert _direct(response, language) == _generic(response, language)
