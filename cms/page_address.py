"""The page a site address names, found in one narrow query instead of a walk down the tree.

Wagtail's ``Page.route`` walks the path from the site's root page: at each
level it fetches the child by slug with every column of ``wagtailcore_page``
(title, SEO title and description in each of the 13 languages) and then the
child's own type in a second query. A guide at ``/pl/wegwijzers/<slug>/`` took
six such wide queries, about half of the page's time. Wagtail keeps every
page's ``url_path`` (its parent's plus its slug) up to date on each move and
rename, so the page at the end of the walk is the one whose ``url_path`` is
the site root's plus the address: ``route_by_address`` finds its id and type
in one narrow query (on the slug index) and reads the page once, in its own
type. Then the page itself still decides, as at the end of the walk
(``route(request, [])``: live or a 404).

Whatever that lookup does not settle goes the usual way, through Wagtail's
walk: an address that is no page's ``url_path`` (a shared page shown under
another municipality's section, ``cms.municipalities.shared_pages``; a 404),
and a page that refuses. Wagtail has no single-query route; its
``route_for_request`` keeps the result on the request, which is where
``frontend_templates.views.serving`` puts this one.

In a public read the page found at an address is remembered for the content
version (``cms.content_version.memo``): the same page is asked for in 13
languages and with every filter of a list, and only a commit changes it. Each
request gets its own shallow copy, so what a request sets on its page stays
with that request. The related rows its caller shows with it (``shown_with``:
an activity's organiser, a guide's author) are read with it and remembered
along, shared by the copies.
"""

from __future__ import annotations

from collections.abc import Mapping
from copy import copy
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from .content_version.memo import remembered
from .municipalities.lookup import is_regional
from .municipalities.shared_pages import (
    SharedSectionMixin,
    refuse_where_not_published,
    section_municipality,
)


def route_by_address(
    request: HttpRequest, path: str, shown_with: Mapping[str, tuple[str, ...]] | None = None
) -> RouteResult | None:
    """The route for ``path`` on the request's site, or None: walk the tree instead.

    ``shown_with``: per page type (``"cms.ActivityPage"``), the relations read
    with the page (``prefetch_related`` lookups); always the same for a caller.
    """
    site = _site_for(request)
    if site is None:
        return None
    page = _page_at(site, path, shown_with or {})
    if page is None:
        return None
    page = copy(page)
    try:
        _check_shared(page)
        return page.route(request, [])
    except Http404:
        return None


# Pages remembered per process and version: a page with every language's text
# is tens of kilobytes, and addresses come from clients.
MAX_PAGES = 128


def _page_at(site: Site, path: str, shown_with: Mapping[str, tuple[str, ...]]) -> Page | None:
    """The page, in its own type, whose ``url_path`` is ``path`` under ``site``'s root."""
    # A container for this version's pages, filled here as addresses are asked for.
    pages = remembered(("pages by address", site.pk), dict)
    key = path.strip("/")
    if key not in pages:
        if len(pages) >= MAX_PAGES:
            pages.clear()
        pages[key] = _read_page_at(site, path, shown_with)
    return pages[key]


def _read_page_at(site: Site, path: str, shown_with: Mapping[str, tuple[str, ...]]) -> Page | None:
    root = site.root_page
    components = [component for component in path.split("/") if component]
    if not components:
        found = (root.pk, root.content_type_id)  # the site's home: its root page
    else:
        found = (
            Page.objects.filter(
                path__startswith=root.path,
                depth=root.depth + len(components),
                url_path=root.url_path + "".join(f"{c}/" for c in components),
                slug=components[-1],
            )
            .values_list("pk", "content_type_id")
            .first()
        )
    if found is None:
        return None
    model = ContentType.objects.get_for_id(found[1]).model_class()
    if model is None:  # a type since removed from the code: Wagtail's walk copes
        return None
    page = model.objects.get(pk=found[0])
    prefetch_related_objects([page], *shown_with.get(model._meta.label, ()))
    return page


def _site_for(request: HttpRequest) -> Site | None:
    """Wagtail's site for the request's host, remembered per content version.

    Wagtail reads it with its root page, every language's columns of it, on each
    request; a site and its root page only change in a commit, which moves the
    content version (``cms.content_version.memo``). Kept on the request where
    Wagtail looks for it, so that nothing else in the request reads it again.
    """
    if not hasattr(request, "_wagtail_site"):
        key = ("site for host", request._get_raw_host(), request.get_port())
        request._wagtail_site = remembered(key, lambda: Site.find_for_request(request))
    return request._wagtail_site


def _shared_page_types() -> set[str]:
    return {
        model.shared_page_model
        for model in apps.get_models()
        if issubclass(model, SharedSectionMixin)
    }


def _check_shared(page: Any) -> None:
    """What a section's route checks of a page directly in it (``SharedSectionMixin``).

    A section's shared pages (activities, guides) only ever sit directly in it
    (``parent_page_types``), so the section's municipality is the page's own path's.
    """
    if page._meta.label in _shared_page_types() and is_regional():
        refuse_where_not_published(page, section_municipality(page))
