"""SQL queries per request, for every public GET endpoint (Django's test client, in process)."""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from . import endpoints


@override_settings(RESPONSE_CACHE=False)  # the view's own queries, not a cache hit's
def measure() -> dict[str, tuple[int, int, int]]:
    """{endpoint: (status, queries, response bytes)}, after one warm-up request each."""
    client = Client()
    counts = {}
    for name, url in endpoints.public_gets().items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        counts[name] = (response.status_code, len(queries), len(response.content))
    return counts
