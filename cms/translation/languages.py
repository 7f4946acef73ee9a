"""The platform's languages: which are offered, what they are called, and which one a visitor gets.

Offered languages are a setting (``LANGUAGES``, each with its name in itself).
Django's ``get_language_info`` gives the English name and the text direction;
the name in the language itself comes from the setting, because Django's
``name_local`` is not how speakers look for their language in a menu
(``polski``, ``česky``, ``Lietuviškai``: lower case, or an adverb).

Negotiation stays hand-written: Django's ``get_language_from_request`` falls
back silently to the default language, where the API must refuse an explicit
unknown code with 400 and name the supported ones; and its Accept-Language
parser is private (``trans_real``). Which language a *text* is shown in is the
fallback rule, ``cms.translation.fallback``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.utils.translation import get_language_info


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    native_name: str
    rtl: bool


def language_codes() -> tuple[str, ...]:
    """The offered languages, source language first, as configured in settings."""
    return tuple(code for code, _ in settings.LANGUAGES)


def native_name(code: str) -> str:
    """The language's name in itself (``Polski``), as offered in settings; else the code."""
    return dict(settings.LANGUAGES).get(code, code)


def english_name(code: str) -> str:
    """The language's name in English (``Polish``); a code Django does not know: its own name."""
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return native_name(code)


def is_rtl(code: str) -> bool:
    """Is the language written right to left?"""
    try:
        return get_language_info(code)["bidi"]
    except KeyError:
        return False


def supported_languages() -> list[Language]:
    return list(_languages(tuple(settings.LANGUAGES)))


@lru_cache(maxsize=4)
def _languages(configured: tuple[tuple[str, str], ...]) -> tuple[Language, ...]:
    """The offered languages for one ``LANGUAGES`` setting, built once.

    The site asks for them several times per page (the form's language list, every
    text's direction); each ``get_language_info`` costs a lazy translation. Keyed by
    the setting's value, so a changed setting (a test's override) is never missed.
    """
    return tuple(
        Language(code, english_name(code), native_name(code), is_rtl(code))
        for code, _ in configured
    )


def is_supported(code: str) -> bool:
    return code in language_codes()


class UnsupportedLanguage(ValueError):
    """A visitor asked explicitly for a language the platform does not offer."""

    def __init__(self, code: str):
        self.code = code
        super().__init__(
            f"Unsupported language '{code}'. Supported: {', '.join(language_codes())}."
        )


def parse_accept_language(header: str) -> list[str]:
    """Language tags of an Accept-Language header, best first (q-values honoured)."""
    weighted = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        tag = tag.strip().lower()
        if not tag or tag == "*":
            continue
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            # Stable: equal q keeps the header's own order.
            weighted.append((-quality, position, tag))
    return [tag for _, _, tag in sorted(weighted)]


def negotiate_language(requested: str | None, accept_language: str | None) -> str:
    """The language to answer in: an explicit choice, else the browser's, else Dutch.

    An explicit unknown code is an error (the caller asked for something we
    cannot give); an unknown browser preference is simply skipped.
    """
    if requested is not None and requested != "":
        code = requested.strip().lower()
        if not is_supported(code):
            raise UnsupportedLanguage(requested)
        return code
    for tag in parse_accept_language(accept_language or ""):
        for candidate in (tag, tag.split("-")[0]):
            if is_supported(candidate):
                return candidate
    return settings.SOURCE_LANGUAGE


def name_in_admin(code: str) -> str:
    """A language's name in the language the admin is shown in ("Roemeens" in Dutch)."""
    return get_language_info(code)["name_translated"]
