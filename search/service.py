"""The one way in to search, for the API and the site: picks the backend."""

from __future__ import annotations

from . import database
from .contract import SearchRequest, SearchResponse, Suggestion


def search(request: SearchRequest) -> SearchResponse:
    return database.search(request)


def suggest(prefix: str, language: str, limit: int = 10) -> list[Suggestion]:
    return database.suggest(prefix, language, limit)
