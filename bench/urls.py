"""Bench-only URLs: the site's own, plus Wagtail API v2 and the framework's floor.

- ``/api/v2/pages/``: Wagtail's own page API over the same activity pages, with
  the fields our list shows (``PEER_FIELDS``), the peer our API is compared with.
- ``/bench/floor?bytes=N``: a DRF view that returns a constant JSON body of
  about N bytes and touches nothing else: what DRF costs at the least.
- ``/bench/plain/<lang>/<path>`` (and ``/bench/plain-cached/...``): the site's
  pages served as a plain Wagtail site would serve them (``bench.plain``), the
  peer of the site's own pages.
"""

from __future__ import annotations

from functools import lru_cache

from django.urls import path
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.models import ActivityPage
from hub import urls as site_urls

from .plain import plain_page, plain_page_cached

# What the v1 list item shows, as Wagtail API v2 fields of ActivityPage.
PEER_FIELDS = (
    "summary",
    "category",
    "organiser",
    "co_organisers",
    "starts_at",
    "ends_at",
    "recurrence",
    "location_name",
    "location_address",
    "lat",
    "lon",
    "languages_offered",
    "audience",
    "is_free",
    "cost_amount",
    "registration",
    "registration_url",
    "capacity",
    "team_sport",
    "team_level",
    "open_spots",
)
# Only for the bench process: the site's models declare no Wagtail API fields.
ActivityPage.api_fields = [APIField(name) for name in PEER_FIELDS]

wagtail_api = WagtailAPIRouter("benchwagtailapi")
wagtail_api.register_endpoint("pages", PagesAPIViewSet)


@lru_cache(maxsize=16)
def _constant_body(size: int) -> dict:
    return {"results": [{"text": "x" * max(size - 20, 0)}]}


class FloorView(APIView):
    """A constant body: no database, no serializer, DRF's own cost only."""

    authentication_classes: list = []
    permission_classes: list = []

    def get(self, request):
        return Response(_constant_body(int(request.GET.get("bytes", "1000"))))


# First, so that the site's catch-all JSON 404 under /api/ does not answer for them.
urlpatterns = [
    path("api/v2/", wagtail_api.urls),
    path("bench/floor", FloorView.as_view()),
    path("bench/plain/<str:lang>/", plain_page),
    path("bench/plain/<str:lang>/<path:path>", plain_page),
    path("bench/plain-cached/<str:lang>/", plain_page_cached),
    path("bench/plain-cached/<str:lang>/<path:path>", plain_page_cached),
    *site_urls.urlpatterns,
]
