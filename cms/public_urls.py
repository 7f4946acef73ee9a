"""Addresses of content on the public site, per language.

One function so that the API, the search index and the site agree on links.
The site serves every language under its own prefix (``/pl/...``).
"""

from django.conf import settings
from django.http import HttpRequest

from .site_address import absolute_url

SECTION_PATHS = {
    "activity": "activiteiten",
    "guide": "wegwijzers",
    "partner": "partners",
    "policy_action": "beleidsplan",
    "survey": "enquete",
    "glossary": "woordenlijst",
}
# The short address of a survey, for posters and group posts: /s/<slug>.
SURVEY_SHORT_PREFIX = "s"


def public_path(kind: str, slug: str, language: str) -> str:
    """``/pl/activiteiten/gemengd-voetbal/``; policy actions and glossary terms are anchors
    on their page (the plan, the glossary)."""
    language = language or settings.SOURCE_LANGUAGE
    section = SECTION_PATHS[kind]
    if kind in ("policy_action", "glossary"):
        return f"/{language}/{section}/#{slug}"
    return f"/{language}/{section}/{slug}/"


def survey_short_path(slug: str) -> str:
    """``/s/werk-en-wonen``: redirects to the survey in the visitor's language."""
    return f"/{SURVEY_SHORT_PREFIX}/{slug}"


def poster_path(
    kind: str, slug: str, language: str, size: str = "a4", municipality: str = ""
) -> str:
    """``/posters/activity/gemengd-voetbal.pdf?languages=pl&size=a4``: a PDF to print.

    Add up to two more languages (``languages=pl,bg,uk``) or ``size=a6`` for a flyer;
    ``municipality`` (a slug) names the municipality it speaks for (default: the host's).
    """
    name = kind if kind == "contact-point" else f"{kind}/{slug}"
    path = f"/posters/{name}.pdf?languages={language or settings.SOURCE_LANGUAGE}&size={size}"
    return f"{path}&municipality={municipality}" if municipality else path


def absolute_public_url(path: str, request: HttpRequest | None = None) -> str:
    """``path`` on the site's configured address, for QR codes, e-mail and API answers.

    Never the request's own host and port (``cms.site_address``): a QR code
    printed on a poster must point at the public address even when the
    coordinator works on an internal one. Without a request: the install's
    address (``WAGTAILADMIN_BASE_URL``).
    """
    return absolute_url(request, path)
