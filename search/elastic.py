"""The connection to the search engine, and what we remember about its health.

Every call the site makes on behalf of a visitor or an editor uses the short
``ELASTICSEARCH_TIMEOUT``: a hanging engine must cost a visitor at most that,
after which they get database results. After a failure the engine is left
alone for ``COOL_DOWN`` seconds, so that a burst of searches or an import of
a thousand pages does not wait on a dead engine a thousand times; the next
successful call (e.g. ``search_index sync``) lifts that at once.
"""

from __future__ import annotations

import logging
import time
from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.exceptions import ConnectionError as EngineConnectionError
from elasticsearch.exceptions import TransportError

logger = logging.getLogger(__name__)

COOL_DOWN = 15.0  # seconds
# Index commands move many documents at once; they may wait longer than a visitor.
COMMAND_TIMEOUT = 120.0

_down_until: dict[str, float] = {}


class EngineUnavailable(Exception):
    """The engine is not configured, not reachable, too slow, or refused the request."""


def is_configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL.strip())


def hosts() -> tuple[str, ...]:
    """``ELASTICSEARCH_URL`` may name several nodes, comma-separated, for failover."""
    return tuple(url.strip() for url in settings.ELASTICSEARCH_URL.split(",") if url.strip())


@lru_cache(maxsize=8)
def _client(urls: tuple[str, ...], timeout: float) -> Elasticsearch:
    # A refused connection moves on to the next node at once; a timeout does
    # not retry, because then the whole budget would go to one slow cluster.
    return Elasticsearch(
        list(urls), timeout=timeout, max_retries=len(urls) - 1, retry_on_timeout=False
    )


def client() -> Elasticsearch:
    """The client for the configured engine; ``EngineUnavailable`` if there is none."""
    if not is_configured():
        raise EngineUnavailable("ELASTICSEARCH_URL is not set")
    return _client(hosts(), float(settings.ELASTICSEARCH_TIMEOUT))


def recently_failed() -> bool:
    return _down_until.get(settings.ELASTICSEARCH_URL, 0.0) > time.monotonic()


def mark_failed(error: Exception) -> None:
    if isinstance(error, EngineConnectionError):
        # Only unreachable or hanging engines pause traffic; a rejected request
        # is our bug or a missing index, and pausing would hide it.
        _down_until[settings.ELASTICSEARCH_URL] = time.monotonic() + COOL_DOWN
    logger.warning("Search engine at %s failed: %s", settings.ELASTICSEARCH_URL, error)


def mark_succeeded() -> None:
    _down_until.pop(settings.ELASTICSEARCH_URL, None)


def unavailable(error: TransportError) -> EngineUnavailable:
    """Record a failed call and turn it into the one error the callers handle."""
    mark_failed(error)
    return EngineUnavailable(str(error))
