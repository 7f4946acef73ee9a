"""Template tags of the public site.

Texts go through ``cms.translation.languages.translated_value`` (``{% tr %}``), so a text
shown in a fallback language carries its own ``lang`` attribute and a note in
the visitor's language. Page data (lists, the plan) comes from the small
functions of this app, called here so that Wagtail's preview of a draft,
which renders a page without any view of ours, shows exactly what the live
page shows.
"""

from __future__ import annotations

from functools import lru_cache
from html import unescape
from typing import Any

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from cms.models import Category
from cms.municipalities.lookup import for_request
from cms.municipalities.registry import MunicipalityInfo
from cms.public_urls import SECTION_PATHS, public_path
from cms.recurrence import Occurrence
from cms.safe_html import rich_text_html, safe_link
from cms.site_address import absolute_url, site_root_url
from cms.translation.fallback import TranslatedText, translated_value
from cms.translation.languages import native_name
from cms.translation.provenance import machine_translated
from cms.translation.status import TranslationStatus
from public.policy import plan_overview as build_plan_overview
from public.taxonomy import categories as site_categories

from .. import labels as label_sets
from ..activities import activity_listing as build_activity_listing
from ..activities import week_ahead as build_week_ahead
from ..card_rendering import activity_cards
from ..fallback_notes import fallback_note, lang_attr
from ..guides import guide_listing as build_guide_listing
from ..languages import (
    REMEMBERED_ADDRESSES,
    LanguageLink,
    active_language,
    kept_parameters,
    language_links,
    text_direction,
)
from ..sharing import description, share_links

register = template.Library()

LABEL_SETS = {
    "audience": label_sets.AUDIENCES,
    "team_level": label_sets.TEAM_LEVELS,
    "status": label_sets.ACTION_STATUSES,
    "topic": label_sets.GUIDE_TOPICS,
    "partner_type": label_sets.PARTNER_TYPES,
    "search_type": label_sets.SEARCH_TYPES,
    "sport": label_sets.SPORTS,
}


# --- Texts and languages ------------------------------------------------------


@register.simple_tag
def tr(obj: Any, field: str) -> TranslatedText:
    """``{% tr page "title" as title %}``: the text in the visitor's language, or its fallback."""
    return translated_value(obj, field, active_language())


# ``{% lang_attr text %}`` and ``{% fallback_note text ... %}`` (the activity card calls them too).
register.simple_tag(lang_attr)
register.simple_tag(fallback_note)
# ``{% activity_cards cards %}``: the cards of a list, as ``includes/activity_card.html``.
register.simple_tag(activity_cards)


@register.simple_tag
def machine_translation_note(obj: Any) -> SafeString:
    """A note, in the visitor's language, that a text of ``obj`` on this page is unchecked MT.

    Shown like the fallback note, where an unreviewed machine translation is
    shown (EU AI Act art. 50(4): machine-made text is labelled as such).
    """
    if obj is None or not machine_translated(obj, active_language()):
        return mark_safe("")
    return format_html(
        '<p class="fallback machine-translated" role="note">{}</p>',
        gettext("Automatically translated. A person has not checked this translation yet."),
    )


@register.simple_tag
def language_name(code: str) -> str:
    """A language in its own name (``Polski``), as speakers look for it."""
    return native_name(code)


@register.simple_tag(takes_context=True)
def languages(context) -> tuple[LanguageLink, ...]:
    request = context["request"]
    return language_links(request.path, kept_parameters(request.GET))


# The language links every page carries, 13 of each, written with ``format_html``
# rather than by template loops: the loops were a fifth of a guide page's time
# (bench/). The bytes are the loops' (tests/frontend/test_site_pages_fast.py).
# ``language_links`` gives the same tuple for the same address and language, so
# each is written once per process and address (a tenth of a guide page's time).


@register.simple_tag(takes_context=True)
def language_alternates(context, choices: tuple[LanguageLink, ...]) -> SafeString:
    """A ``<link rel="alternate" hreflang>`` per language, each on the site's own address."""
    return _alternates(site_root_url(context["request"]), choices)


@lru_cache(maxsize=REMEMBERED_ADDRESSES)
def _alternates(root: str, choices: tuple[LanguageLink, ...]) -> SafeString:
    # Every link is a path on the same site: ``root`` is its scheme and host.
    return format_html_join(
        "",
        '<link rel="alternate" hreflang="{}" href="{}">\n',
        ((choice.code, root + choice.url) for choice in choices),
    )


@register.simple_tag
@lru_cache(maxsize=REMEMBERED_ADDRESSES)
def language_items(choices: tuple[LanguageLink, ...]) -> SafeString:
    """A list item per language, in its own name, the current one marked."""
    return format_html_join(
        "",
        '\n<li><a href="{}" hreflang="{}" lang="{}"{}>{}</a></li>',
        (
            (
                choice.url,
                choice.code,
                choice.code,
                mark_safe(' aria-current="true"') if choice.active else "",
                choice.native_name,
            )
            for choice in choices
        ),
    )


@register.simple_tag
def html_dir() -> str:
    return text_direction(active_language())


@register.filter
def label(value: str, kind: str) -> str:
    """``{{ page.audience|label:"audience" }}``: a fixed choice in the visitor's language."""
    return label_sets.label(LABEL_SETS[kind], value)


# --- Addresses ----------------------------------------------------------------


@register.simple_tag
def section_url(kind: str) -> str:
    """The list page of a section (``activity`` → ``/pl/activiteiten/``)."""
    return f"/{active_language()}/{SECTION_PATHS[kind]}/"


@register.simple_tag
def public_url(kind: str, slug: str) -> str:
    return public_path(kind, slug, active_language())


@register.simple_tag(takes_context=True)
def absolute(context, path: str) -> str:
    """``path`` on the site's configured address, never on the host and port a request named."""
    return absolute_url(context["request"], path)


@register.simple_tag
def sharing(title: str, url: str):
    return share_links(title, url)


@register.filter
def meta_description(text: str) -> str:
    return description(text)


@register.simple_tag
def map_url(lat: float, lon: float) -> str:
    return (
        f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=17/{lat:.5f}/{lon:.5f}"
    )


@register.simple_tag
def route_url(lat: float, lon: float) -> str:
    return f"https://www.google.com/maps/dir/?api=1&destination={lat:.5f},{lon:.5f}"


@register.filter
def rich_text(value: Any) -> SafeString:
    """A rich-text block's HTML, sanitised like the API's (``cms.safe_html``)."""
    return mark_safe(rich_text_html(getattr(value, "source", value)))


@register.filter
def link(url: str | None) -> str:
    """For an ``href``: the address, or "" when a browser would run it (``javascript:``)."""
    return safe_link(url)


@register.filter
def highlight(fragment: str) -> SafeString:
    """A search highlight: the engine's ``<mark>`` kept, everything else escaped again."""
    text = escape(unescape(fragment))
    return mark_safe(text.replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>"))


# --- Page data (live pages and previews alike) ---------------------------------


@register.simple_tag
def next_dates(activity, count: int = 5) -> list[Occurrence]:
    return activity.next_occurrences(count)


@register.simple_tag
def translation_outdated(page) -> bool:
    """The visitor's translation was made before the Dutch text last changed."""
    return page.translation_statuses().get(active_language()) == TranslationStatus.OUTDATED


@register.simple_tag(takes_context=True)
def current_municipality(context) -> MunicipalityInfo | None:
    """The municipality whose site this is (its name and colour in the header)."""
    return for_request(context["request"])


@register.simple_tag(takes_context=True)
def week_ahead(context):
    return build_week_ahead(active_language(), municipality=for_request(context["request"]))


@register.simple_tag(takes_context=True)
def activity_listing(context):
    request = context["request"]
    municipality = for_request(request)
    listing = build_activity_listing(request.GET, active_language(), municipality=municipality)
    # Read again by the page's status hook (frontend_templates.wagtail_hooks): the
    # filters are validated once per request.
    request.activity_listing = listing
    return listing


@register.simple_tag(takes_context=True)
def guide_listing(context):
    request = context["request"]
    return build_guide_listing(request.GET, for_request(request))


@register.simple_tag
def plan_overview(plan):
    return build_plan_overview(plan)


@register.simple_tag
def categories() -> list[Category]:
    return site_categories()


@register.simple_tag(takes_context=True)
def webcal(context, path: str) -> str:
    """The feed's address for calendar apps: ``webcal://`` makes a phone offer to subscribe."""
    url = absolute_url(context["request"], path)
    return "webcal://" + url.split("://", 1)[1]


@register.simple_tag
def topics() -> list[tuple[str, str]]:
    return [(value, str(name)) for value, name in label_sets.GUIDE_TOPICS.items()]
