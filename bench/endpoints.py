"""The requests the bench makes, named, with real slugs from the bench database."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from django.utils import timezone

from cms.models import (
    ActivityPage,
    Category,
    GuidePage,
    HomePage,
    Municipality,
    Partner,
    PolicyPlanPage,
)

from .queries import NEAR_OCHTEN
from .report import PLAIN, SITE
from .urls import PEER_FIELDS


def _first_municipality():
    return Municipality.objects.order_by("sort_order", "pk").first()


def _shown_here(pages):
    """Pages published to the municipality at ``localhost`` (every page when it is alone).

    In the region case an activity of another municipality answers 404 on the
    first one's site, so the bench must ask for one that is shown there.
    """
    first = _first_municipality()
    if first is None or Municipality.objects.count() < 2:
        return pages
    return pages.filter(municipalities=first)


def _url(path: str, **params: str) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def under_load() -> dict[str, str]:
    """What wrk requests: our endpoints and the two yardsticks."""
    sport = Category.objects.get(slug="sport")
    activity = _shown_here(ActivityPage.objects.live()).order_by("pk")
    activity = activity.values_list("slug", flat=True)[5]
    today = timezone.localdate()
    # In a region, the host's municipality (localhost: the first) filters every list;
    # one further down the region is chosen with ?municipality= as a client would.
    chosen = Municipality.objects.order_by("sort_order", "pk").values_list("slug", flat=True)
    region = list(chosen[7:8])
    another = (
        {
            "activity list, ?municipality=": _url(
                "/api/v1/activities",
                lang="pl",
                category="sport",
                page_size="20",
                municipality=region[0],
            )
        }
        if region
        else {}
    )
    return {
        "activity list": _url("/api/v1/activities", lang="pl", category="sport", page_size="20"),
        **another,
        "geo + date list": _url(
            "/api/v1/activities",
            lang="pl",
            near=NEAR_OCHTEN,
            radius_km="5",
            starts_after=f"{today + timedelta(days=7)}T00:00:00+01:00",
            starts_before=f"{today + timedelta(days=37)}T00:00:00+01:00",
            page_size="20",
        ),
        "activity detail": _url(f"/api/v1/activities/{activity}", lang="pl"),
        "policy plan": _url("/api/v1/policy-plan", lang="pl"),
        "Wagtail API v2 list": _url(
            "/api/v2/pages/",
            type="cms.ActivityPage",
            category=str(sport.pk),
            fields=",".join(PEER_FIELDS),
            limit="20",
        ),
    }


def _in_polish(page) -> str:
    # The path within its site: with several sites, ``page.url`` carries the host.
    path = page.get_url_parts()[2]
    return "/pl/" + path.split("/", 2)[2]


def site_pages() -> dict[str, str]:
    """The public site's pages in Polish (HTML), as migrants load them."""
    activity = _shown_here(ActivityPage.objects.live()).order_by("pk")[5]
    first = _first_municipality()
    homes = HomePage.objects.live().order_by("path")
    if first is not None and Municipality.objects.count() > 1:
        homes = homes.filter(path__startswith=first.site.root_page.path)
    return {
        "site: home": _in_polish(homes.first()),
        "site: activity list": "/pl/activiteiten/?category=sport",
        "site: activity detail": _in_polish(activity),
        "site: guide": _in_polish(_shown_here(GuidePage.objects.live()).order_by("pk").first()),
        "site: policy plan": _in_polish(
            PolicyPlanPage.objects.live()
            .filter(path__startswith=homes.first().path)
            .order_by("path")
            .first()
        ),
    }


def plain_pages() -> dict[str, str]:
    """The same pages as ``site_pages``, served as a plain Wagtail site would (bench.plain)."""
    return {
        PLAIN + name.removeprefix(SITE): "/bench/plain" + path
        for name, path in site_pages().items()
    }


def plain_pages_cached() -> dict[str, str]:
    """The plain pages of the site's cached rows, behind Django's ``cache_page``."""
    return {
        f"{PLAIN}{name.removeprefix(SITE)}, cached": "/bench/plain-cached" + path
        for name, path in site_pages().items()
        if name in CACHED
    }


# Served again from the response cache (hub/response_cache.py) under load; every
# other request is sent with Cache-Control: no-cache, so it is computed afresh.
CACHED = (
    "activity list",
    "geo + date list",
    "site: activity list",
    "site: home",
    # Pages with a form: stored with marks, fresh tokens in each answer (hub.response_cache).
    "site: activity detail",
    "site: guide",
)


def public_gets() -> dict[str, str]:
    """Every public GET endpoint of API v1, for the SQL query counts."""
    partner = Partner.objects.order_by("pk").values_list("slug", flat=True).first()
    guide = GuidePage.objects.live().order_by("pk").values_list("slug", flat=True).first()
    loaded = under_load()
    return {
        "languages": "/api/v1/languages",
        "categories": _url("/api/v1/categories", lang="pl"),
        "building-blocks": _url("/api/v1/building-blocks", lang="pl"),
        "partners": _url("/api/v1/partners", lang="pl"),
        "partner detail": _url(f"/api/v1/partners/{partner}", lang="pl"),
        "activity list": loaded["activity list"],
        "geo + date list": loaded["geo + date list"],
        "activity detail": loaded["activity detail"],
        "activities.ics": _url("/api/v1/activities.ics", category="sport", partner=partner),
        "guides": _url("/api/v1/guides", lang="pl"),
        "guide detail": _url(f"/api/v1/guides/{guide}", lang="pl"),
        "policy plan": loaded["policy plan"],
        "search": _url("/api/v1/search", q="kurs jezyka", lang="pl", category="language"),
        "search/suggest": _url("/api/v1/search/suggest", q="voetb", lang="nl"),
        "Wagtail API v2 list": loaded["Wagtail API v2 list"],
    }
