"""Facet counts and filters: type, category, offered language, near/radius, starts_after."""

from datetime import UTC, datetime

import pytest

from search.contract import FacetBucket
from tests.search.conftest import find, slugs
from tests.search.corpus import OCHTEN

pytestmark = [pytest.mark.search, pytest.mark.usefixtures("corpus_search")]

NEAR_OCHTEN = (OCHTEN["lat"], OCHTEN["lon"])


def buckets(response, facet):
    return [(bucket.key, bucket.count) for bucket in response.facets[facet]]


def test_facets_count_everything_found():
    response = find()
    assert buckets(response, "type") == [
        ("activity", 4),
        ("partner", 3),
        ("guide", 2),
        ("policy_action", 1),
    ]
    assert buckets(response, "category") == [("language", 2), ("sport", 2)]
    # Organisers, guide authors, the partners themselves, responsible partners.
    assert buckets(response, "partner") == [
        ("bibliotheek-rivierenland", 4),
        ("ggd-gelderland-zuid", 4),
        ("vv-ochten", 2),
    ]
    assert buckets(response, "offered_language") == [("nl", 7), ("en", 4), ("pl", 3), ("ro", 2)]


def test_facets_follow_the_query_and_filters():
    response = find("voetbal", category="sport")
    assert response.facets["type"] == [FacetBucket("activity", 1)]
    assert response.facets["partner"] == [FacetBucket("vv-ochten", 1)]


def test_type_filter():
    assert sorted(slugs(find(types=("guide",)))) == ["huisarts", "inschrijven-gemeente"]


def test_category_filter_keeps_activities_only():
    assert sorted(slugs(find(category="sport"))) == ["gemengd-voetbal", "zwemles-kinderen"]


def test_offered_language_filter():
    # Activities offered in Romanian and partners who speak it.
    assert sorted(slugs(find(offered_language="ro"))) == [
        "bibliotheek-rivierenland",
        "taalcafe-ochten",
    ]


def test_near_filter_uses_the_radius():
    assert sorted(slugs(find(near=NEAR_OCHTEN, radius_km=5))) == [
        "gemengd-voetbal",
        "taalcafe-ochten",
        "vv-ochten",
    ]
    # Tiel is 10 km away, Nijmegen 21 km.
    assert sorted(slugs(find(near=NEAR_OCHTEN, radius_km=15))) == [
        "bibliotheek-rivierenland",
        "cursus-nederlands",
        "gemengd-voetbal",
        "taalcafe-ochten",
        "vv-ochten",
    ]


def test_near_filter_combines_with_a_query():
    assert slugs(find("zwemmen", near=NEAR_OCHTEN, radius_km=15)) == []
    assert slugs(find("zwemmen", near=NEAR_OCHTEN, radius_km=25)) == ["zwemles-kinderen"]


def test_starts_after_matches_any_occurrence():
    # Two weekly activities (from January 2027), a course in June 2027, and a
    # swimming lesson in March 2026 that is over.
    response = find(starts_after=datetime(2027, 1, 1, tzinfo=UTC))
    assert sorted(slugs(response)) == ["cursus-nederlands", "gemengd-voetbal", "taalcafe-ochten"]
    later = find(starts_after=datetime(2027, 7, 1, tzinfo=UTC))
    assert sorted(slugs(later)) == ["gemengd-voetbal", "taalcafe-ochten"]


def test_searched_in_one_municipality_the_facet_counts_every_municipality():
    # The corpus is Neder-Betuwe's. Searched in Tiel: no hits, no facet counts, but the
    # municipality facet says Neder-Betuwe has them; the query is evaluated once.
    elsewhere = find("", municipality="tiel")
    assert (elsewhere.total, elsewhere.results) == (0, [])
    assert buckets(elsewhere, "type") == []
    assert buckets(elsewhere, "municipality") == [("neder-betuwe", 10)]
    here = find("taalcafe", municipality="neder-betuwe")
    everywhere = find("taalcafe")
    assert slugs(here) == slugs(everywhere) and here.total == everywhere.total > 0
    assert here.facets["type"] == everywhere.facets["type"]
    assert buckets(here, "municipality") == [("neder-betuwe", here.total)]
