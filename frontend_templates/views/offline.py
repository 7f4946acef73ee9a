"""Offline use: the service worker, the web app manifest and the list of pages to keep.

The service worker is a static file, but it is served from ``/sw.js`` by this
view: a worker only controls pages at or below its own address, and the site's
pages live under ``/nl/``, ``/pl/``, ... The browser checks it for updates on
every visit (``no-cache``), so a fix reaches phones at once.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from cms.municipalities.lookup import for_request
from public.offline import offline_paths

from ..languages import active_language

SERVICE_WORKER = "wegwijs/sw.js"
# The site's own colours (site.css): the bar and the page; a municipality's colour
# takes the bar's place where there is one.
THEME_COLOUR = "#0b5394"
BACKGROUND_COLOUR = "#ffffff"


@require_GET
@cache_control(no_cache=True)
def service_worker(request: HttpRequest) -> HttpResponse:
    source = Path(finders.find(SERVICE_WORKER)).read_bytes()
    return HttpResponse(source, content_type="text/javascript; charset=utf-8")


@require_GET
@cache_control(max_age=86400)
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest in the visitor's language: "add to home screen" opens it.

    Named and coloured after the municipality whose site it is, so that a phone
    with two municipalities' sites on its home screen tells them apart.
    """
    language = active_language()
    municipality = for_request(request)
    return JsonResponse(
        {
            "name": f"Wegwijs {municipality.name}" if municipality else "Wegwijs",
            "short_name": "Wegwijs",
            "description": gettext("Activities and guides for people from abroad."),
            "lang": language,
            "start_url": f"/{language}/",
            "scope": "/",
            "display": "standalone",
            "theme_color": municipality.colour if municipality else THEME_COLOUR,
            "background_color": BACKGROUND_COLOUR,
            "icons": [{"src": static("wegwijs/icon.svg"), "sizes": "any", "type": "image/svg+xml"}],
        },
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
@cache_control(no_cache=True)
def pages_to_keep(request: HttpRequest) -> JsonResponse:
    """The addresses "Keep for offline use" fetches: this site's guides, four weeks of
    activities."""
    pages = offline_paths(active_language(), timezone.now(), for_request(request))
    return JsonResponse({"pages": pages})
