"""Poster buttons in the admin: on a live activity or guide, and on an open survey.

The PDF itself is the public address (``/posters/...``): what an editor prints
is what a visitor would get, in the languages the editor adds to the link.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import Button, ListingButton

from ..models import ActivityPage, GuidePage, Survey
from ..public_urls import poster_path

KIND = {ActivityPage: "activity", GuidePage: "guide"}


def _poster_buttons(kind: str, slug: str, button_class=Button):
    yield button_class(
        _("Poster (PDF, A4)"),
        poster_path(kind, slug, "nl"),
        icon_name="doc-full",
        priority=70,
        attrs={"target": "_blank", "rel": "noopener"},
    )
    yield button_class(
        _("Flyer (PDF, A6)"),
        poster_path(kind, slug, "nl").replace("size=a4", "size=a6"),
        icon_name="doc-full",
        priority=71,
        attrs={"target": "_blank", "rel": "noopener"},
    )


def _page_buttons(page, button_class=Button):
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    kind = KIND.get(type(page))
    if kind and page.live:
        yield from _poster_buttons(kind, page.slug, button_class)


@hooks.register("register_page_header_buttons")
def page_header_poster_buttons(page, user, view_name, next_url=None):
    yield from _page_buttons(page)


@hooks.register("register_page_listing_more_buttons")
def page_listing_poster_buttons(page, user, next_url=None):
    yield from _page_buttons(page)


@hooks.register("register_snippet_listing_buttons")
def survey_poster_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Survey) and snippet.accepts_answers():
        yield from _poster_buttons("survey", snippet.slug, ListingButton)
