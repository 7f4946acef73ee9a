"""Search tests talk to the real engine named by ELASTICSEARCH_URL.

Without one they fail (never skip): run them through ./scripts/test, or start
an engine with scripts/services/start-search-engine and load its .env file.
Tests get index prefixes no other run uses (``wegwijs-test-<random>``), and
every index they create is deleted afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import Request, urlopen

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from elasticsearch import Elasticsearch

from search import elastic, outbox
from search.contract import SearchRequest, SearchResponse
from search.models import IndexChange
from search.service import search
from tests import factories
from tests.search.corpus import CONTENT


def _prefix() -> str:
    return f"wegwijs-test-{uuid.uuid4().hex[:12]}"


def _engine_client() -> Elasticsearch:
    if not settings.ELASTICSEARCH_URL:
        pytest.fail(
            "ELASTICSEARCH_URL is not set, and this test needs a real search engine: run "
            "./scripts/test, or scripts/services/start-search-engine elasticsearch and load "
            ".services/elasticsearch.env."
        )
    client = elastic.client()
    try:
        client.cluster.health(wait_for_status="yellow", timeout="10s", request_timeout=15)
    except Exception as error:  # any failure means: no usable engine
        pytest.fail(f"The search engine at {settings.ELASTICSEARCH_URL} is unreachable: {error}")
    # Each test starts from a healthy engine, whatever an outage test left behind.
    elastic.mark_succeeded()
    return client


def _drop(client: Elasticsearch, prefix: str) -> None:
    client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, request_timeout=60)


@pytest.fixture(scope="session")
def shared_prefix() -> Iterator[str]:
    """One set of indexes for the tests that only add and remove documents.

    Creating four indexes costs seconds; emptying them costs milliseconds.
    """
    prefix = _prefix()
    yield prefix
    with override_settings(ELASTICSEARCH_INDEX_PREFIX=prefix):
        _drop(elastic.client(), prefix)


@pytest.fixture
def engine(settings, db, shared_prefix) -> Iterator[Elasticsearch]:
    """A reachable engine and empty indexes (created on first write)."""
    settings.ELASTICSEARCH_INDEX_PREFIX = shared_prefix
    client = _engine_client()
    yield client
    client.delete_by_query(
        index=f"{shared_prefix}-*",
        body={"query": {"match_all": {}}},
        conflicts="proceed",
        refresh=True,
        allow_no_indices=True,
        request_timeout=60,
    )


@pytest.fixture
def own_indexes(settings, db) -> Iterator[Elasticsearch]:
    """Indexes of this test alone, for tests that create, swap or delete indexes."""
    settings.ELASTICSEARCH_INDEX_PREFIX = _prefix()
    client = _engine_client()
    yield client
    _drop(client, settings.ELASTICSEARCH_INDEX_PREFIX)


def refresh(client: Elasticsearch) -> None:
    client.indices.refresh(index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*")


@pytest.fixture
def committed(engine, django_capture_on_commit_callbacks):
    """``with committed():`` runs what would run after a commit (indexing), then refreshes.

    The test's own transaction never commits, so after-commit callbacks are
    captured and run at the end of the block, as a real commit would.
    """

    @contextmanager
    def block() -> Iterator[None]:
        with django_capture_on_commit_callbacks(execute=True):
            yield
        refresh(engine)

    return block


@pytest.fixture
def publish(committed):
    """Import content through import_content, as a partner's file would arrive."""

    def load(**sections: list[dict]) -> None:
        with committed():
            factories.load(**sections)

    return load


def find(q: str = "", language: str = "nl", **filters) -> SearchResponse:
    return search(SearchRequest(q=q, language=language, **filters))


def slugs(response: SearchResponse) -> list[str]:
    return [hit.slug for hit in response.results]


@pytest.fixture(scope="session")
def corpus(django_db_setup, django_db_blocker) -> Iterator[str]:
    """``tests.search.corpus`` in its own indexes, once per session; yields their prefix.

    The content is imported and indexed inside a transaction that is then
    rolled back: the index keeps the documents, the database stays clean.
    """
    prefix = _prefix()
    with override_settings(ELASTICSEARCH_INDEX_PREFIX=prefix):
        client = _engine_client()
        with django_db_blocker.unblock(), transaction.atomic():
            factories.load(**CONTENT)
            outbox.apply(list(IndexChange.objects.all()))
            transaction.set_rollback(True)
        refresh(client)
    yield prefix
    _drop(client, prefix)


@pytest.fixture
def corpus_search(settings, db, corpus) -> None:
    """Searches in this test go to the corpus indexes.

    Asks for ``db`` so that pytest-django sets up the test database before
    ``corpus`` imports into it, even when no other test in the run needs one.
    """
    settings.ELASTICSEARCH_INDEX_PREFIX = corpus
    _engine_client()


# --- The launcher of scripts/services, for tests that stop and start nodes ----


def launcher_control(url: str) -> str | None:
    """The control URL of the launcher running the node at ``url``, if we started it."""
    for env_file in (Path(settings.BASE_DIR) / ".services").glob("*.env"):
        values = dict(
            line.split("=", 1) for line in env_file.read_text().splitlines() if "=" in line
        )
        nodes = values.get("ELASTICSEARCH_NODE_URLS", "").split(",")
        if values.get("SEARCH_ENGINE_CONTROL_URL") and url.rstrip("/") in nodes:
            return values["SEARCH_ENGINE_CONTROL_URL"]
    return None


def node_number(control: str, url: str) -> int:
    with urlopen(f"{control}/nodes", timeout=10) as answer:
        for line in answer.read().decode().splitlines():
            number, http, _state = line.split()
            if http == f"http={urlparse(url).port}":
                return int(number)
    raise LookupError(f"no node serves {url}")


def node_action(control: str, number: int, action: str) -> None:
    """Stop or start one node (``action`` is "stop" or "start")."""
    with urlopen(Request(f"{control}/nodes/{number}/{action}", method="POST"), timeout=120):
        pass
