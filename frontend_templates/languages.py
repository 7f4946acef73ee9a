"""The site's side of languages: one URL per language, the switcher, ``<html lang dir>``.

Which language a visitor gets is decided by ``cms.translation.languages.negotiate_language``
(the one negotiation, shared with the API); this module only turns the answer
into addresses and attributes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.http import QueryDict
from django.utils import translation

from cms.translation.languages import is_supported, supported_languages

# Open Graph wants a territory with the language; these are the usual ones.
OPEN_GRAPH_LOCALES = {
    "nl": "nl_NL",
    "en": "en_GB",
    "pl": "pl_PL",
    "ro": "ro_RO",
    "bg": "bg_BG",
    "hu": "hu_HU",
    "lt": "lt_LT",
    "lv": "lv_LV",
    "sk": "sk_SK",
    "cs": "cs_CZ",
    "pt": "pt_PT",
    "es": "es_ES",
    "uk": "uk_UA",
}


@dataclass(frozen=True)
class LanguageLink:
    code: str
    native_name: str
    url: str
    active: bool
    rtl: bool


def active_language() -> str:
    """The language of the current request (set from the URL prefix), else the source language."""
    code = translation.get_language() or settings.SOURCE_LANGUAGE
    return code if is_supported(code) else settings.SOURCE_LANGUAGE


def text_direction(code: str) -> str:
    """``rtl`` or ``ltr``, for ``<html dir>`` and for texts shown in another language."""
    return "rtl" if any(lang.code == code and lang.rtl for lang in supported_languages()) else "ltr"


def path_in_language(path: str, code: str) -> str:
    """The same address in another language: ``/pl/activiteiten/x/`` → ``/ro/activiteiten/x/``.

    Slugs are shared by all languages, so swapping the prefix is all it takes.
    """
    _, first, rest = (path.split("/", 2) + ["", ""])[:3]
    if is_supported(first):
        return f"/{code}/{rest}"
    return f"/{code}{path if path.startswith('/') else '/' + path}"


# No parameter of the site is longer (a search is at most 200 characters, as in
# the API). A longer one is not repeated into every language link: a 20 kB ``q``
# made a 560 kB page.
MAX_PARAMETER_LENGTH = 200


def kept_parameters(query: QueryDict) -> str:
    """``query`` as a query string, without values longer than ``MAX_PARAMETER_LENGTH``."""
    kept = QueryDict(mutable=True)
    for key, values in query.lists():
        short = [value for value in values if len(value) <= MAX_PARAMETER_LENGTH]
        if short and len(key) <= MAX_PARAMETER_LENGTH:
            kept.setlist(key, short)
    return kept.urlencode()


def language_links(path: str, query_string: str = "") -> tuple[LanguageLink, ...]:
    """Every offered language with the current page's address in it (query kept).

    Every page carries them twice (the switcher and ``<link rel="alternate">``),
    13 each, and they depend on nothing but the address, the visitor's language
    and the ``LANGUAGES`` setting: made once per process for each (``_links``).
    """
    return _links(path, query_string, active_language(), tuple(settings.LANGUAGES))


# Addresses remembered per process: 13 links each, about 3 kB.
REMEMBERED_ADDRESSES = 512


@lru_cache(maxsize=REMEMBERED_ADDRESSES)
def _links(
    path: str, query_string: str, current: str, configured: tuple[tuple[str, str], ...]
) -> tuple[LanguageLink, ...]:
    # ``configured`` is in the key so that a changed setting (a test's) is never missed.
    suffix = f"?{query_string}" if query_string else ""
    return tuple(
        LanguageLink(
            code=language.code,
            native_name=language.native_name,
            url=path_in_language(path, language.code) + suffix,
            active=language.code == current,
            rtl=language.rtl,
        )
        for language in supported_languages()
    )


def open_graph_locale(code: str) -> str:
    return OPEN_GRAPH_LOCALES.get(code, code)
