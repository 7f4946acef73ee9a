"""What a search asks and answers, whichever backend serves it.

The API's ``search`` endpoint and the site's search page both build a
``SearchRequest`` and render a ``SearchResponse``; ``search.service`` picks the
backend (Elasticsearch when ``ELASTICSEARCH_URL`` is set, else the database).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

CONTENT_TYPES = ("activity", "guide", "partner", "policy_action")
FACETS = ("type", "category", "partner", "offered_language")


@dataclass(frozen=True)
class SearchRequest:
    q: str
    language: str
    types: tuple[str, ...] = CONTENT_TYPES
    category: str | None = None
    offered_language: str | None = None
    near: tuple[float, float] | None = None  # (lat, lon)
    radius_km: float | None = None
    starts_after: datetime | None = None
    page_size: int = 20
    # The slug of the municipality searched in (None: everywhere, as on an install
    # with one municipality); shared content published to it is found too.
    municipality: str | None = None


@dataclass(frozen=True)
class SearchHit:
    type: str
    slug: str
    title: str
    summary: str
    url: str
    score: float
    highlight: dict[str, list[str]] = field(default_factory=dict)
    language: str = ""


@dataclass(frozen=True)
class FacetBucket:
    key: str
    count: int


@dataclass(frozen=True)
class SearchResponse:
    backend: str  # "elasticsearch" or "database"
    total: int
    results: list[SearchHit]
    facets: dict[str, list[FacetBucket]]
    suggestion: str | None = None


@dataclass(frozen=True)
class Suggestion:
    type: str
    slug: str
    title: str
    url: str
