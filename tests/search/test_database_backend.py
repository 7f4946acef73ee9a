"""Without ELASTICSEARCH_URL the same service answers from the database, same shape."""

from dataclasses import fields
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.models import GuidePage
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


def test_private_and_expired_pages_are_not_found(no_engine):
    huisarts = GuidePage.objects.get(slug="huisarts")
    PageViewRestriction.objects.create(
        page=huisarts, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert find("huisarts", "pl").total == 0

    PageViewRestriction.objects.all().delete()
    GuidePage.objects.filter(pk=huisarts.pk).update(expire_at=timezone.now() - timedelta(hours=1))
    assert find("huisarts", "pl").total == 0
    assert suggest("Jak dzia", "pl") == []


@pytest.mark.parametrize(
    ("typed", "language"),
    [("jak dziala lekarz", "pl"), ("JAK DZIAŁA", "pl"), ("LEKARZ rodzinny", "pl")],
)
def test_accents_and_case_are_optional(no_engine, typed, language):
    assert slugs(find(typed, language)) == ["huisarts"]


def test_accent_folding_works_on_sqlite_too():
    """The embedded default: SQLite has no translate() of its own; we register one."""
    import sqlite3

    from search.folding import FROM_CHARS, TO_CHARS, register_sqlite_translate

    class Wrapper:
        vendor = "sqlite"
        connection = sqlite3.connect(":memory:")

    register_sqlite_translate(sender=None, connection=Wrapper)
    folded = Wrapper.connection.execute(
        "select translate(?, ?, ?)", ("Języka Łódź", FROM_CHARS, TO_CHARS)
    ).fetchone()[0]
    assert folded == "Jezyka Lodz"
