"""``GET /healthz``: is this app server fit to take requests? For load balancers.

200 when the database answers, 503 when it does not: the balancer then sends
visitors to the other app servers. The search engine is deliberately not
checked: when it is down, search falls back to the database (search.service),
so an engine outage must not take every app server out of the pool at once.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("health check: the database does not answer: %s", error)
        return JsonResponse({"status": "unavailable", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
