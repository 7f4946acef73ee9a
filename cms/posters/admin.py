"""Poster buttons in the admin: on a live activity or guide, and on an open survey.

The PDF itself is the public address (``/posters/...``): what an editor prints
is what a visitor would get, in the languages the editor adds to the link.
Each button names the municipality the poster speaks for: an activity or guide
shown in several gets a pair per municipality, the first (where it is edited)
first; a survey gets its own municipality's.
"""

from __future__ import annotations

from collections.abc import Collection

from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import Button, ListingButton

from ..models import ActivityPage, GuidePage, Survey
from ..municipalities.lookup import by_pk, is_regional, municipalities
from ..municipalities.registry import MunicipalityInfo
from ..public_urls import poster_path
from .choice import poster_choice
from .municipality import item_municipalities

KIND = {ActivityPage: "activity", GuidePage: "guide"}


def _labels(municipality: MunicipalityInfo | None, named: bool) -> tuple[str, str]:
    if not named or municipality is None:
        return _("Poster (PDF, A4)"), _("Flyer (PDF, A6)")
    names = {"municipality": municipality.name}
    return (
        _("Poster for %(municipality)s (PDF, A4)") % names,
        _("Flyer for %(municipality)s (PDF, A6)") % names,
    )


def _poster_buttons(kind: str, slug: str, places: list, button_class=Button):
    """A poster and a flyer per municipality in ``places`` (``[None]``: the host's), in
    Dutch; and the page that prints them in the languages the person chooses."""
    yield button_class(
        _("Poster in other languages"),
        reverse("cms_poster_choice", args=[kind, slug]),
        icon_name="doc-full",
        priority=69,
    )
    named = len(places) > 1
    for index, municipality in enumerate(places):
        poster_label, flyer_label = _labels(municipality, named)
        where = municipality.slug if municipality else ""
        for offset, (label, size) in enumerate(((poster_label, "a4"), (flyer_label, "a6"))):
            yield button_class(
                label,
                poster_path(kind, slug, "nl", size, where),
                icon_name="doc-full",
                priority=70 + 2 * index + offset,
                attrs={"target": "_blank", "rel": "noopener"},
            )


def _places(kind: str, item) -> list:
    """The municipalities the item's posters may speak for; ``[None]`` on a single one."""
    if not is_regional():
        return [None]
    return item_municipalities(kind, item) or [None]


def _page_buttons(page, button_class=Button):
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    kind = KIND.get(type(page))
    if kind and page.live:
        yield from _poster_buttons(kind, page.slug, _places(kind, page), button_class)


@hooks.register("register_page_header_buttons")
def page_header_poster_buttons(page, user, view_name, next_url=None):
    yield from _page_buttons(page)


@hooks.register("register_page_listing_more_buttons")
def page_listing_poster_buttons(page, user, next_url=None):
    yield from _page_buttons(page)


@hooks.register("register_snippet_listing_buttons")
def survey_poster_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Survey) and snippet.accepts_answers():
        owner = by_pk(snippet.municipality_id) if is_regional() else None
        yield from _poster_buttons("survey", snippet.slug, [owner], ListingButton)


def contact_point_posters(
    languages: str = "nl,pl,ro", only: Collection[int] | None = None
) -> list[tuple[str, str]]:
    """(municipality name, poster address) of each contact point; one unnamed on a single one.

    ``only``: the municipalities (pks) whose posters are wanted (a municipality's coordinator).
    """
    if not is_regional():
        return [("", poster_path("contact-point", "", languages))]
    return [
        (m.name, poster_path("contact-point", "", languages, municipality=m.slug))
        for m in municipalities()
        if only is None or m.pk in only
    ]


@hooks.register("register_admin_urls")
def register_poster_choice():
    return [
        path("posters/<str:kind>/", poster_choice, name="cms_poster_choice_everywhere"),
        path("posters/<str:kind>/<slug:slug>/", poster_choice, name="cms_poster_choice"),
    ]
