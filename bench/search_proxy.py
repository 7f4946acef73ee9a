"""The least an app server can add to a search: gunicorn forwarding the engine's request.

Served by ``bench.search_floor`` through the same gunicorn as the app (sync
workers, as many). ``GET /?i=N`` sends the N-th prepared engine request (from
the JSON file named by ``BENCH_PROXY_REQUESTS``: ``[[url, body], ...]``) over a
kept-alive connection, reads the answer with the json module and writes it
back: what any app must do that shapes the engine's answer into its own. No
Django, no routing, no parameters, no hits read: the search API's overhead
over the engine cannot be less than this one's on the same machine.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import urllib3

_REQUESTS = json.loads(Path(os.environ["BENCH_PROXY_REQUESTS"]).read_text())
_ENGINE = urllib3.PoolManager()
_HEADERS = {"Content-Type": "application/json"}


def application(environ, start_response):
    if environ["PATH_INFO"] == "/ready":
        start_response("204 No Content", [])
        return []
    url, body = _REQUESTS[int(environ["QUERY_STRING"].removeprefix("i="))]
    answer = _ENGINE.request("POST", url, body=body.encode(), headers=_HEADERS).data
    data = json.dumps(json.loads(answer)).encode()
    start_response(
        "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(data)))]
    )
    return [data]
