"""Both backends filter and count the same way: only the matching of words differs."""

from datetime import UTC, datetime

import pytest

from search import database
from search.contract import SearchRequest
from search.service import search
from tests.search.corpus import CONTENT, OCHTEN

pytestmark = pytest.mark.search

FILTERS = [
    {},
    {"types": ("activity", "partner")},
    {"category": "sport"},
    {"offered_language": "pl"},
    {"near": (OCHTEN["lat"], OCHTEN["lon"]), "radius_km": 15},
    {"starts_after": datetime(2027, 1, 1, tzinfo=UTC)},
    {"category": "language", "near": (OCHTEN["lat"], OCHTEN["lon"]), "radius_km": 5},
]


def test_filters_and_facets_agree(publish):
    publish(**CONTENT)  # once: importing costs seconds, each case milliseconds
    for filters in FILTERS:
        request = SearchRequest(q="", language="nl", **filters)
        engine_answer, database_answer = search(request), database.search(request)
        assert engine_answer.backend == "elasticsearch"
        assert sorted(hit.slug for hit in engine_answer.results) == sorted(
            hit.slug for hit in database_answer.results
        ), filters
        assert engine_answer.total == database_answer.total, filters
        assert engine_answer.facets == database_answer.facets, filters
