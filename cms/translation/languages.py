"""The platform's languages and the one fallback chain every text goes through.

A text field of a translated object exists once per language (``title_pl``,
``title_ro``, ...). Visitors ask for a language; when a text is missing in it we
show English, then Dutch, and say so: ``translated`` is false and
``fallback_language`` names what was shown instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings

# Names in English and in the language itself; the API's `languages` endpoint.
LANGUAGE_NAMES: dict[str, tuple[str, str]] = {
    "nl": ("Dutch", "Nederlands"),
    "en": ("English", "English"),
    "pl": ("Polish", "Polski"),
    "ro": ("Romanian", "Română"),
    "bg": ("Bulgarian", "Български"),
    "hu": ("Hungarian", "Magyar"),
    "lt": ("Lithuanian", "Lietuvių"),
    "lv": ("Latvian", "Latviešu"),
    "sk": ("Slovak", "Slovenčina"),
    "cs": ("Czech", "Čeština"),
    "pt": ("Portuguese", "Português"),
    "es": ("Spanish", "Español"),
    "uk": ("Ukrainian", "Українська"),
    "ar": ("Arabic", "العربية"),
    "tr": ("Turkish", "Türkçe"),
}
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    native_name: str
    rtl: bool


def language_codes() -> tuple[str, ...]:
    """The offered languages, source language first, as configured in settings."""
    return tuple(code for code, _ in settings.LANGUAGES)


def supported_languages() -> list[Language]:
    languages = []
    for code, native in settings.LANGUAGES:
        english, native_name = LANGUAGE_NAMES.get(code, (native, native))
        languages.append(Language(code, english, native_name, code in RTL_LANGUAGES))
    return languages


def is_supported(code: str) -> bool:
    return code in language_codes()


def fallback_chain(language: str) -> tuple[str, ...]:
    """Requested language first, then the configured fallbacks (en, nl), no repeats."""
    chain = [language]
    for code in settings.FALLBACK_LANGUAGES:
        if code not in chain:
            chain.append(code)
    return tuple(chain)


@dataclass(frozen=True)
class TranslatedText:
    """A text and the language it is really in."""

    text: Any
    language: str
    requested: str

    @property
    def translated(self) -> bool:
        return self.language == self.requested

    @property
    def fallback_language(self) -> str | None:
        return None if self.translated else self.language


def _has_content(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    # StreamValue and lists: empty means no blocks.
    try:
        return len(value) > 0
    except TypeError:
        return True


def translated_value(obj: Any, field: str, language: str) -> TranslatedText:
    """The first non-empty ``<field>_<code>`` along the fallback chain.

    Reads the per-language attributes directly (not modeltranslation's own
    fallback descriptor) so that we know which language was used.
    """
    for code in fallback_chain(language):
        value = getattr(obj, f"{field}_{code}", None)
        if _has_content(value):
            return TranslatedText(value, code, language)
    last = fallback_chain(language)[-1]
    return TranslatedText(getattr(obj, f"{field}_{last}", None), last, language)


def object_language(obj: Any, fields: tuple[str, ...], language: str) -> TranslatedText:
    """The language an object's texts are shown in: that of its first (main) field.

    An object is "translated" when its main text exists in the requested
    language; further fields follow the same chain on their own.
    """
    return translated_value(obj, fields[0], language)


def translations_of(obj: Any, field: str) -> dict[str, Any]:
    """Every non-empty translation of a field, by language code."""
    values = {}
    for code in language_codes():
        value = getattr(obj, f"{field}_{code}", None)
        if _has_content(value):
            values[code] = value
    return values


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
