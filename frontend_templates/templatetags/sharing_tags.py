"""Template tags for what a shared link and a search engine see: Open Graph, canonical, JSON-LD.

``{% open_graph %}`` gives every page complete sharing tags, with a title and
description of its own where the page passes them and the municipality's card
(``frontend_templates.share_image``) where it has no picture.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from cms.municipalities.lookup import for_request
from cms.site_address import absolute_url
from cms.translation.languages import supported_languages

from ..languages import active_language, open_graph_locale
from ..share_image import DEFAULT_COLOUR, HEIGHT, WIDTH, share_image_url
from ..sharing import description as short_description
from ..structured_data import activity_event, as_script_text, guide_article, guide_howto

register = template.Library()


def fallback_image(request) -> str:
    """The absolute address of the sharing card of the municipality whose site this is.

    Its name and colour come from the in-memory registry, so no page pays a query for it.
    """
    municipality = for_request(request)
    if municipality is None:
        hostname = request.get_host().split(":")[0]
        return absolute_url(request, share_image_url(hostname, DEFAULT_COLOUR))
    return absolute_url(request, share_image_url(municipality.name, municipality.colour))


def default_description(request) -> str:
    """What a page that describes nothing of its own says when shared: whose site it is."""
    municipality = for_request(request)
    if municipality is None:
        return gettext(
            "Activities, guides and help for people from abroad who live and work in Neder-Betuwe."
        )
    return gettext(
        "Activities, guides and help for people from abroad who live and work in %(name)s."
    ) % {"name": municipality.name}


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The page's address without its query: filters and search terms are not other pages."""
    request = context["request"]
    return absolute_url(request, request.path)


@register.inclusion_tag("frontend_templates/includes/open_graph.html", takes_context=True)
def open_graph(
    context,
    title: str = "",
    description: str = "",
    type: str = "website",  # noqa: A002 - the name Open Graph gives it
    image: str = "",
    image_alt: str = "",
) -> dict[str, Any]:
    request = context["request"]
    language = active_language()
    municipality = for_request(request)
    return {
        "og_site_name": f"Wegwijs {municipality.name}" if municipality else "Wegwijs",
        "og_title": title or "Wegwijs",
        "og_description": short_description(description) or default_description(request),
        "og_type": type,
        "og_url": canonical_url(context),
        "og_locale": open_graph_locale(language),
        "og_locale_alternates": [
            open_graph_locale(lang.code) for lang in supported_languages() if lang.code != language
        ],
        "og_image": image or fallback_image(request),
        "og_image_size": None if image else (WIDTH, HEIGHT),
        "og_image_alt": image_alt or title or "Wegwijs",
    }


@register.simple_tag(takes_context=True)
def activity_json_ld(context, page, dates, image: str = "") -> SafeString:
    request = context["request"]
    data = activity_event(
        page, active_language(), canonical_url(context), image or fallback_image(request), dates
    )
    return _script(data)


@register.simple_tag(takes_context=True)
def guide_json_ld(context, page, image: str = "") -> SafeString:
    """The guide's ``Article``, and its ``HowTo`` when it has steps (two scripts)."""
    request = context["request"]
    language, url = active_language(), canonical_url(context)
    municipality = for_request(request)
    publisher = municipality.name if municipality else None
    article = guide_article(page, language, url, image or fallback_image(request), publisher)
    howto = guide_howto(page, language, url)
    return mark_safe(_script(article) + (_script(howto) if howto else ""))


def _script(data: dict[str, Any]) -> SafeString:
    return mark_safe(f'<script type="application/ld+json">{as_script_text(data)}</script>')
