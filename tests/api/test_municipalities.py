"""Regions in the API: GET municipalities, and every list scoped to the request's municipality.

Two neighbouring municipalities share the GGD; each has its own club, plan and
survey. The municipality comes from the host (Wagtail's site matching) or
``?municipality=``; an unknown slug is a 400 naming the field.
"""

import pytest
from django.test import Client

from cms.models import Municipality
from tests import factories, survey_factories
from tests.api.conftest import days_ahead, iso, local
from tests.region_factories import IN_OCHTEN, IN_TIEL, region

NB_HOST = "neder-betuwe.localhost"
TIEL_HOST = "tiel.localhost"


def at(host: str) -> Client:
    return Client(HTTP_HOST=host)


def slugs(answer) -> list[str]:
    items = answer["results"] if isinstance(answer, dict) else answer
    return sorted(item["slug"] for item in items)


@pytest.fixture
def two(db):
    starts = iso(local(days_ahead(3), 19))
    region(
        activities=[
            factories.activity(
                "club-ochten",
                slug="voetbal-ochten",
                location=IN_OCHTEN,
                starts_at=starts,
                ends_at=None,
            ),
            factories.activity(
                "club-tiel", slug="rugby-tiel", location=IN_TIEL, starts_at=starts, ends_at=None
            ),
            factories.activity(
                "ggd",
                slug="ggd-spreekuur",
                municipalities=["neder-betuwe", "tiel"],
                starts_at=starts,
                ends_at=None,
            ),
        ],
        guides=[
            factories.guide("ggd", slug="huisarts", municipalities=["neder-betuwe", "tiel"]),
            factories.guide("club-tiel", slug="tiel-sport", municipalities=["tiel"]),
        ],
        policy_actions=[
            factories.policy_action(slug="nb-actie", municipality="neder-betuwe"),
            factories.policy_action(
                slug="tiel-actie", municipality="tiel", building_block="housing"
            ),
        ],
    )
    survey_factories.survey(
        "nb-enquete", municipality=Municipality.objects.get(slug="neder-betuwe")
    )
    survey_factories.survey("tiel-enquete", municipality=Municipality.objects.get(slug="tiel"))


def get(host: str, path: str, **params):
    response = at(host).get(f"/api/v1/{path}", params)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def test_municipalities_lists_each_site_with_villages_and_languages(two):
    answer = get(TIEL_HOST, "municipalities")
    assert [m["slug"] for m in answer] == ["neder-betuwe", "tiel"]
    tiel = answer[1]
    assert tiel == {
        "slug": "tiel",
        "name": "Tiel",
        "url": "http://tiel.localhost/",
        "villages": [{"name": "Tiel", "lat": 51.8866, "lon": 5.4295}],
        "languages": ["pl", "nl", "ro"],
    }


def test_a_single_municipality_install_lists_its_one_municipality(db, client):
    [only] = client.get("/api/v1/municipalities").json()
    assert only["slug"] == "neder-betuwe" and len(only["villages"]) == 7
    assert len(only["languages"]) == 13


@pytest.mark.parametrize(
    ("path", "nb", "tiel"),
    [
        ("activities", ["ggd-spreekuur", "voetbal-ochten"], ["ggd-spreekuur", "rugby-tiel"]),
        ("guides", ["huisarts"], ["huisarts", "tiel-sport"]),
        ("partners", ["club-ochten", "ggd"], ["club-tiel", "ggd"]),
        ("surveys", ["nb-enquete"], ["tiel-enquete"]),
    ],
)
def test_each_host_lists_its_own_and_the_shared_content(two, path, nb, tiel):
    assert slugs(get(NB_HOST, path)) == nb
    assert slugs(get(TIEL_HOST, path)) == tiel
    # ?municipality= chooses another than the host's.
    assert slugs(get(NB_HOST, path, municipality="tiel")) == tiel


def test_an_unknown_host_is_the_default_site(two):
    assert slugs(get("testserver", "activities")) == ["ggd-spreekuur", "voetbal-ochten"]


def test_each_municipality_has_its_own_plan(two):
    def actions(answer):
        return sorted(a["slug"] for block in answer["building_blocks"] for a in block["actions"])

    assert actions(get(NB_HOST, "policy-plan")) == ["nb-actie"]
    assert actions(get(TIEL_HOST, "policy-plan")) == ["tiel-actie"]


def test_the_calendar_feed_and_search_are_scoped_too(two):
    feed = at(TIEL_HOST).get("/api/v1/activities.ics").content.decode()
    assert "rugby-tiel" in feed and "voetbal-ochten" not in feed
    found = get(TIEL_HOST, "search", q="Taalcafé", type="activity")
    assert sorted(hit["slug"] for hit in found["results"]) == ["ggd-spreekuur", "rugby-tiel"]


def test_search_counts_the_same_matches_in_every_municipality(two):
    """Searched in Tiel, the answer is Tiel's, and its ``municipality`` facet says that
    Neder-Betuwe has matches too (issue #14: faceted by municipality), whichever
    backend answers."""
    from search import database
    from search.contract import SearchRequest

    found = get(TIEL_HOST, "search", q="Taalcafé", type="activity")
    assert sorted(hit["slug"] for hit in found["results"]) == ["ggd-spreekuur", "rugby-tiel"]
    expected = [{"key": "neder-betuwe", "count": 2}, {"key": "tiel", "count": 2}]
    assert found["facets"]["municipality"] == expected
    assert found["facets"]["type"] == [{"key": "activity", "count": 2}]  # still Tiel's own
    in_tiel = SearchRequest(q="Taalcafé", language="nl", types=("activity",), municipality="tiel")
    answer = database.search(in_tiel)
    assert [(b.key, b.count) for b in answer.facets["municipality"]] == [
        ("neder-betuwe", 2),
        ("tiel", 2),
    ]


@pytest.mark.parametrize(
    "path",
    ["activities", "activities.ics", "guides", "partners", "policy-plan", "search", "surveys"],
)
def test_an_unknown_municipality_is_a_400_naming_the_field(two, path):
    response = at(NB_HOST).get(f"/api/v1/{path}", {"municipality": "buren", "q": "x"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == "municipality" and "tiel" in error["message"]


def test_scoping_costs_no_query(two, django_assert_num_queries):
    """The same queries as a single municipality's list (tests/api/test_query_counts.py)
    once the process has read the municipalities (the fixture's import dropped them)."""
    at(NB_HOST).get("/api/v1/municipalities")
    for host in (NB_HOST, TIEL_HOST):
        with django_assert_num_queries(2):  # activities with co-organisers, machine texts
            assert at(host).get("/api/v1/activities").status_code == 200
