"""The search engine down or hanging: the API says it answered from the database, pages load.

"Down" is a port nobody listens on (connection refused at once); "hanging" is
a socket that accepts connections and never answers, like an engine stuck in
garbage collection, so only ELASTICSEARCH_TIMEOUT ends the wait. Neither
needs a real engine, so these run on any machine, beside the tests that stop
a real one (tests/search/test_outage.py).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.conf import settings

from search import elastic

pytestmark = pytest.mark.django_db


@contextmanager
def _down() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    yield f"http://127.0.0.1:{port}"  # closed again: nothing listens there


@contextmanager
def _hanging() -> Iterator[str]:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(64)  # the kernel completes the handshake; nobody ever reads
        yield f"http://127.0.0.1:{server.getsockname()[1]}"


ENGINES = {"down": _down, "hanging": _hanging}


@pytest.fixture(params=list(ENGINES))
def broken_engine(request, settings) -> Iterator[str]:
    """ELASTICSEARCH_URL points at an engine that is down or hangs (short timeout)."""
    with ENGINES[request.param]() as url:
        settings.ELASTICSEARCH_URL = url
        settings.ELASTICSEARCH_TIMEOUT = 0.5
        yield request.param


def test_the_search_timeout_defaults_to_two_seconds():
    env = {key: value for key, value in os.environ.items() if key != "ELASTICSEARCH_TIMEOUT"}
    done = subprocess.run(
        [sys.executable, "-c", "import hub.settings.base as s; print(s.ELASTICSEARCH_TIMEOUT)"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "2.0"


def test_api_search_answers_from_the_database_and_says_so(client, content, broken_engine):
    answer = client.get("/api/v1/search", {"q": "voetbal", "lang": "pl"})
    assert answer.status_code == 200
    assert answer.json()["backend"] == "database"
    assert ("activity", "gemengd-voetbal") in {
        (hit["type"], hit["slug"]) for hit in answer.json()["results"]
    }
    assert elastic.recently_failed()  # the engine was asked, and failed

    suggestions = client.get("/api/v1/search/suggest", {"q": "voet", "lang": "nl"})
    assert suggestions.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/pl/",
        "/pl/activiteiten/",
        "/pl/activiteiten/gemengd-voetbal/",
        "/pl/wegwijzers/de-huisarts/",
        "/pl/partners/",
        "/pl/beleidsplan/",
    ],
)
def test_site_pages_load(site, content, broken_engine, path):
    site.html(path)


def test_the_site_search_page_finds_from_the_database(site, content, broken_engine):
    html = site.html("/pl/zoeken/", q="voetbal")
    assert "/pl/activiteiten/gemengd-voetbal/" in html
