"""Addresses of content on the public site, per language.

One function so that the API, the search index and the site agree on links.
The site serves every language under its own prefix (``/pl/...``).
"""

from django.conf import settings

SECTION_PATHS = {
    "activity": "activiteiten",
    "guide": "wegwijzers",
    "partner": "partners",
    "policy_action": "beleidsplan",
}


def public_path(kind: str, slug: str, language: str) -> str:
    """``/pl/activiteiten/gemengd-voetbal/``; policy actions are anchors on the plan page."""
    language = language or settings.SOURCE_LANGUAGE
    section = SECTION_PATHS[kind]
    if kind == "policy_action":
        return f"/{language}/{section}/#{slug}"
    return f"/{language}/{section}/{slug}/"
