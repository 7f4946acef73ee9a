"""The peer of the site's pages: the same pages served the way a Wagtail site usually is.

``/bench/plain/<lang>/<path>`` routes ``<path>`` with Wagtail's own
``Page.route_for_request`` and answers with ``Page.serve``: a
``TemplateResponse`` of a plain Django template (``bench/templates/bench/plain``)
that reads the page's fields (modeltranslation's descriptors give the active
language's text) and, for lists, iterates a queryset that ``get_context``
hands it, as a Wagtail tutorial would write it. None of the site's machinery:
no listing, no response cache, no template tags of ours, no fallback notes.
``/bench/plain-cached/...`` is the same behind Django's ``cache_page`` (the
shared database cache), the usual way to cache such a site.

Bench-only: ``bench.urls`` routes it, and the page instance it serves gets its
template and context for that one request; the site's models are untouched.
"""

from __future__ import annotations

from datetime import timedelta
from types import MethodType

from django.core.paginator import Paginator
from django.http import Http404
from django.utils import timezone, translation
from django.views.decorators.cache import cache_page
from wagtail.models import Page

from cms.models import (
    ActivityIndexPage,
    ActivityOccurrence,
    ActivityPage,
    BuildingBlock,
    Category,
    HomePage,
    PolicyPlanPage,
)

PAGE_SIZE = 20
CACHE_SECONDS = 300


def _home(page, request) -> dict:
    now = timezone.now()
    return {
        "occurrences": ActivityOccurrence.objects.filter(
            activity__live=True, starts_at__gte=now, starts_at__lt=now + timedelta(days=7)
        )
        .select_related("activity", "activity__category")
        .order_by("starts_at")[:12],
        "categories": Category.objects.order_by("pk"),
    }


def _activity_list(page, request) -> dict:
    activities = ActivityPage.objects.live().select_related("category").order_by("starts_at", "pk")
    if request.GET.get("category"):
        activities = activities.filter(category__slug=request.GET["category"])
    return {"activities": Paginator(activities, PAGE_SIZE).get_page(request.GET.get("page"))}


def _activity(page, request) -> dict:
    return {"dates": page.occurrences.filter(ends_at__gte=timezone.now()).order_by("starts_at")[:5]}


def _policy_plan(page, request) -> dict:
    return {"blocks": BuildingBlock.objects.order_by("sort_order", "pk")}


CONTEXTS = {
    HomePage: _home,
    ActivityIndexPage: _activity_list,
    ActivityPage: _activity,
    PolicyPlanPage: _policy_plan,
}


def plain_page(request, lang: str, path: str = ""):
    translation.activate(lang)
    request.LANGUAGE_CODE = lang
    found = Page.route_for_request(request, path)
    if found is None:
        raise Http404
    page, args, kwargs = found
    page.template = f"bench/plain/{page._meta.model_name}.html"
    extra = CONTEXTS.get(type(page))
    if extra is not None:
        base = page.get_context

        def get_context(self, request, *a, **k):
            return {**base(request, *a, **k), **extra(self, request)}

        page.get_context = MethodType(get_context, page)
    return page.serve(request, *args, **kwargs)


plain_page_cached = cache_page(CACHE_SECONDS)(plain_page)
