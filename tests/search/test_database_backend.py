"""Without ELASTICSEARCH_URL the same service answers from the database, same shape."""

from dataclasses import fields

import pytest

from search.contract import FACETS, SearchResponse
from search.models import IndexChange
from search.service import suggest
from tests import factories
from tests.search.conftest import find, slugs
from tests.search.corpus import CONTENT


@pytest.fixture
def no_engine(settings, db):
    settings.ELASTICSEARCH_URL = ""
    factories.load(**CONTENT)


def test_answers_from_the_database(no_engine):
    response = find("huisarts", "pl")
    assert response.backend == "database"
    assert [field.name for field in fields(response)] == [
        field.name for field in fields(SearchResponse)
    ]
    assert slugs(response) == ["huisarts"]
    hit = response.results[0]
    assert (hit.title, hit.language, hit.url) == (
        "Jak działa lekarz rodzinny",
        "pl",
        "/pl/wegwijzers/huisarts/",
    )
    assert set(response.facets) == set(FACETS)


def test_suggest_from_the_database(no_engine):
    assert [s.slug for s in suggest("taal", "nl")] == ["taalcafe-ochten"]


def test_nothing_is_queued_without_an_engine(no_engine):
    assert not IndexChange.objects.exists()
