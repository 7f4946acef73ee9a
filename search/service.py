"""The one way in to search, for the API and the site: picks the backend.

With ``ELASTICSEARCH_URL`` set, the search engine answers; when it is down,
hanging (longer than ``ELASTICSEARCH_TIMEOUT``) or refuses, the database
answers instead and the response says ``"backend": "database"``. A visitor
always gets results.
"""

from __future__ import annotations

from . import database, elastic, engine
from .contract import SearchRequest, SearchResponse, Suggestion


def search(request: SearchRequest) -> SearchResponse:
    if elastic.is_configured():
        try:
            return engine.search(request)
        except elastic.EngineUnavailable:
            pass  # logged where it happened
    return database.search(request)


def suggest(prefix: str, language: str, limit: int = 10) -> list[Suggestion]:
    if elastic.is_configured():
        try:
            return engine.suggest(prefix, language, limit)
        except elastic.EngineUnavailable:
            pass
    return database.suggest(prefix, language, limit)
